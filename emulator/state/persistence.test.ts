import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawn } from 'node:child_process';
import { GetParametersCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { Emulator } from '../emulator.js';
import { Persistence, PersistenceError } from './persistence.js';
import { TEST_START } from '../testing/harness.js';
import type { Area } from '../core/operation.js';
import { areas } from '../services/index.js';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'ssm-persist-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const newEmulator = (seed = 'persist') => new Emulator({ clock: { mode: 'frozen', start: TEST_START }, seed });
const put = (emu: Emulator, name: string, value: string, extra: Record<string, unknown> = {}) =>
  emu.request('ssm', 'PutParameter', { Name: name, Value: value, Type: 'String', ...extra }, { account: '000000000000', region: 'us-east-1' });

describe('persistence (--data-dir)', () => {
  it('a restart restores every acknowledged change by replaying the journal, ids and clock included', async () => {
    const dir = tempDir();
    const a = newEmulator();
    await new Persistence(a, dir).open();
    put(a, '/app/one', '1');
    put(a, '/app/one', '2', { Overwrite: true });
    a.scheduler.advance(3_600_000);
    put(a, '/app/two', 'x', { Tier: 'Advanced', Policies: JSON.stringify([{ Type: 'Expiration', Version: '1.0', Attributes: { Timestamp: '2025-01-02T00:00:00.000Z' } }]) });
    a.reset({ region: 'eu-west-1' });
    // No close(): as if the process died here.
    const b = newEmulator();
    const { restored, replayed } = await new Persistence(b, dir).open();
    expect(restored).toBe(true);
    expect(replayed).toBeGreaterThan(0);
    expect(b.store.data).toEqual(a.store.data);
    expect(b.clock.now()).toBe(a.clock.now());
    // The pending expiration task came back too.
    b.scheduler.advance(86_400_000);
    // GetParameter's ParameterNotFound has no message (as AWS sends it): check the code.
    expect(() => b.request('ssm', 'GetParameter', { Name: '/app/two' }, { account: '000000000000', region: 'us-east-1' })).toThrow(
      expect.objectContaining({ code: 'ParameterNotFound' }),
    );
    expect(() => b.request('ssm', 'GetParameterHistory', { Name: '/app/two' }, { account: '000000000000', region: 'us-east-1' })).toThrow(/two/);
  });

  it('a replayed reset returns to the seed of the first run, so ids stay the same after a restart with another seed', async () => {
    const dir = tempDir();
    const a = newEmulator('first-run');
    await new Persistence(a, dir).open();
    put(a, '/before', '1');
    a.reset();
    a.request('ssm', 'CreateActivation', { IamRole: 'SSMServiceRole' }, { account: '000000000000', region: 'us-east-1' });
    const b = newEmulator('another-seed');
    await new Persistence(b, dir).open();
    expect(b.store.data).toEqual(a.store.data);
  });

  it('a checkpoint folds the journal into state.json, and the next start reads it', async () => {
    const dir = tempDir();
    const a = newEmulator();
    const p = new Persistence(a, dir, 5);
    await p.open();
    for (let i = 0; i < 12; i++) put(a, `/many/p${i}`, `v${i}`);
    await p.checkpoint();
    expect(readdirSync(dir).filter((f) => f.startsWith('journal-'))).toHaveLength(1);
    const saved = JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8'));
    expect(saved.formatVersion).toBe(1);
    const b = newEmulator();
    await new Persistence(b, dir).open();
    expect(b.store.data).toEqual(a.store.data);
  });

  it('a torn last journal line (a crash mid-write) is dropped; earlier lines are kept', async () => {
    const dir = tempDir();
    const a = newEmulator();
    await new Persistence(a, dir).open();
    put(a, '/kept', 'yes');
    const journal = readdirSync(dir).find((f) => f.startsWith('journal-'))!;
    appendFileSync(join(dir, journal), '{"t":"op","svc":"ssm","op":"PutPara');
    const b = newEmulator();
    await new Persistence(b, dir).open();
    expect(b.store.data).toEqual(a.store.data);
  });

  it('refuses to start, changing nothing, on a corrupt state file, a corrupt journal or another format version', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'state.json'), '{"formatVersion": 1, "clock": ');
    await expect(new Persistence(newEmulator(), dir).open()).rejects.toThrow(PersistenceError);
    expect(readFileSync(join(dir, 'state.json'), 'utf8')).toBe('{"formatVersion": 1, "clock": ');

    const dir2 = tempDir();
    const a = newEmulator();
    await new Persistence(a, dir2).open();
    put(a, '/x', '1');
    const saved = JSON.parse(readFileSync(join(dir2, 'state.json'), 'utf8'));
    writeFileSync(join(dir2, 'state.json'), JSON.stringify({ ...saved, formatVersion: 999 }));
    await expect(new Persistence(newEmulator(), dir2).open()).rejects.toThrow(/version 999/);

    const dir3 = tempDir();
    writeFileSync(join(dir3, 'journal-1.jsonl'), 'not json\n{"t":"tick","until":0}\n');
    await expect(new Persistence(newEmulator(), dir3).open()).rejects.toThrow(/line 1 is corrupt/);
  });

  describe('journal integrity', () => {
    /** A data dir with three journaled PutParameters after the first checkpoint; returns the journal's path. */
    const threeWrites = async (dir: string) => {
      const a = newEmulator();
      const p = new Persistence(a, dir);
      await p.open();
      for (const n of ['one', 'two', 'three']) put(a, `/j/${n}`, n);
      const journal = join(dir, readdirSync(dir).find((f) => f.startsWith('journal-'))!);
      // As if the process died: the lock stays behind with this (living) pid, which a restart in
      // the same process takes over.
      return { a, journal, lines: readFileSync(journal, 'utf8').split('\n').filter(Boolean) };
    };

    it('numbers and checksums every record', async () => {
      const { lines } = await threeWrites(tempDir());
      expect(lines.map((l) => l.split('\t')[0])).toEqual(['1', '2', '3']);
      expect(lines.every((l) => /^\d+\t[0-9a-f]{8}\t\{/.test(l))).toBe(true);
    });

    it('refuses a journal with a record missing in the middle, naming file and line', async () => {
      const dir = tempDir();
      const { journal, lines } = await threeWrites(dir);
      writeFileSync(journal, [lines[0], lines[2]].join('\n') + '\n');
      await expect(new Persistence(newEmulator(), dir).open()).rejects.toThrow(/journal-\d+\.jsonl line 2 is corrupt: record 3 follows record 1/);
    });

    it('refuses a record with a changed byte', async () => {
      const dir = tempDir();
      const { journal, lines } = await threeWrites(dir);
      writeFileSync(journal, [lines[0], lines[1].replace('/j/two', '/j/twp'), lines[2]].join('\n') + '\n');
      await expect(new Persistence(newEmulator(), dir).open()).rejects.toThrow(/line 2 is corrupt: checksum mismatch/);
    });

    it('refuses journal records without the state.json they follow', async () => {
      const dir = tempDir();
      await threeWrites(dir);
      rmSync(join(dir, 'state.json'));
      await expect(new Persistence(newEmulator(), dir).open()).rejects.toThrow(/state\.json is missing but journal records follow it/);
    });

    it('drops a torn last record with a log line, and --recover keeps what is good before a bad record', async () => {
      const dir = tempDir();
      const { a, journal, lines } = await threeWrites(dir);
      writeFileSync(journal, [...lines.slice(0, 2), lines[2].slice(0, 20)].join('\n'));
      const warnings: string[] = [];
      const b = newEmulator();
      await new Persistence(b, dir, { warn: (m) => warnings.push(m) }).open();
      expect(warnings).toEqual([expect.stringMatching(/line 3 is torn/)]);
      expect(Object.keys(b.store.data.regions['000000000000/us-east-1'] ?? {})).toContain('parameters');
      expect(() => b.request('ssm', 'GetParameter', { Name: '/j/three' }, { account: '000000000000', region: 'us-east-1' })).toThrow();
      void a;

      const dir2 = tempDir();
      const second = await threeWrites(dir2);
      writeFileSync(second.journal, [second.lines[0], second.lines[1].replace('two', 'tw0'), second.lines[2]].join('\n') + '\n');
      const notes: string[] = [];
      const c = newEmulator();
      const result = await new Persistence(c, dir2, { recover: true, warn: (m) => notes.push(m) }).open();
      expect(result.dropped).toBe(2);
      expect(notes.at(-1)).toMatch(/up to record 1; 2 later record\(s\) were dropped/);
      expect(c.request('ssm', 'GetParameter', { Name: '/j/one' }, { account: '000000000000', region: 'us-east-1' })).toMatchObject({ Parameter: { Value: 'one' } });
    });

    it('a second emulator on the same data dir is refused while the first process lives; a stale lock is taken over', async () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'lock'), `${process.ppid}\n`);
      await expect(new Persistence(newEmulator(), dir).open()).rejects.toThrow(new RegExp(`in use by another emulator \\(pid ${process.ppid}\\)`));
      writeFileSync(join(dir, 'lock'), '999999999\n');
      const warnings: string[] = [];
      const p = new Persistence(newEmulator(), dir, { warn: (m) => warnings.push(m) });
      await p.open();
      expect(readFileSync(join(dir, 'lock'), 'utf8').trim()).toBe(String(process.pid));
      expect(warnings[0]).toMatch(/taking over .*lock, left by process 999999999/);
      await p.close();
      expect(readdirSync(dir)).not.toContain('lock');
    });
  });

  it('survives kill -9 in the middle of a write load: every acknowledged PutParameter is there after restart', async () => {
    const dir = tempDir();
    const root = resolve(import.meta.dirname, '../..');
    const startProcess = () =>
      new Promise<{ child: ReturnType<typeof spawn>; endpoint: string }>((resolveStart, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'emulator/main.ts'), '--port', '0', '--data-dir', dir, '--no-fleet', '--log-level', 'info'], {
          cwd: root,
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        let err = '';
        child.stderr!.on('data', (d: Buffer) => {
          err += d.toString();
          const m = /"endpoint":"(http:\/\/[^"]+)"/.exec(err);
          if (m) resolveStart({ child, endpoint: m[1] });
        });
        child.on('exit', (code) => reject(new Error(`emulator exited (${code}): ${err}`)));
      });

    const first = await startProcess();
    const ssm = new SSMClient({ endpoint: first.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'k', secretAccessKey: 's' }, maxAttempts: 1 });
    const acked: string[] = [];
    let n = 0;
    let killed = false;
    const worker = async () => {
      while (!killed) {
        const name = `/load/p${n++}`;
        try {
          await ssm.send(new PutParameterCommand({ Name: name, Value: `value-${name}`, Type: 'String' }));
          acked.push(name);
          if (acked.length >= 300 && !killed) {
            killed = true;
            first.child.kill('SIGKILL');
          }
        } catch {
          // requests in flight when the process dies fail: they were never acknowledged
        }
      }
    };
    const exited = new Promise((r) => first.child.once('exit', r));
    await Promise.all(Array.from({ length: 8 }, worker));
    await exited;
    ssm.destroy();

    const second = await startProcess();
    try {
      const ssm2 = new SSMClient({ endpoint: second.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'k', secretAccessKey: 's' }, maxAttempts: 1 });
      const missing: string[] = [];
      for (let i = 0; i < acked.length; i += 10) {
        const names = acked.slice(i, i + 10);
        const out = await ssm2.send(new GetParametersCommand({ Names: names }));
        missing.push(...(out.InvalidParameters ?? []));
        for (const p of out.Parameters ?? []) expect(p.Value).toBe(`value-${p.Name}`);
      }
      ssm2.destroy();
      expect(acked.length).toBeGreaterThanOrEqual(300);
      expect(missing).toEqual([]);
    } finally {
      second.child.kill('SIGKILL');
    }
  }, 60_000);

  it('Run Command replays to the same state, byte for byte: rate-controlled commands, a cancel, ticks in between', async () => {
    const dir = tempDir();
    const fleet = resolve(import.meta.dirname, '../../fixtures/fleets/default.yaml');
    const a = new Emulator({ clock: { mode: 'frozen', start: TEST_START }, seed: 'replay', fleet });
    await new Persistence(a, dir).open();
    const caller = { account: '000000000000', region: 'us-east-1' };
    const send = (extra: Record<string, unknown>) =>
      a.request('ssm', 'SendCommand', { DocumentName: 'AWS-RunShellScript', Parameters: { commands: ['echo hi; sleep 5'] }, ...extra }, caller) as { Command: { CommandId: string } };
    send({ Targets: [{ Key: 'tag:Environment', Values: ['prod', 'staging'] }], MaxConcurrency: '1' });
    a.scheduler.advance(2_000);
    const second = send({ InstanceIds: ['i-0a1b2c3d4e5f60001', 'i-0a1b2c3d4e5f60003'] });
    a.scheduler.advance(1_500);
    a.request('ssm', 'CancelCommand', { CommandId: second.Command.CommandId, InstanceIds: ['i-0a1b2c3d4e5f60003'] }, caller);
    a.scheduler.advance(30_000);
    // No close(): as if the process died here.
    const before = JSON.stringify(a.snapshot({ copy: false }).store);
    const b = new Emulator({ clock: { mode: 'frozen', start: TEST_START }, seed: 'replay', fleet });
    await new Persistence(b, dir).open();
    expect(JSON.stringify(b.snapshot({ copy: false }).store)).toBe(before);
    expect(b.clock.now()).toBe(a.clock.now());
  });

  it('a scheduled task that calls an operation is journaled once (as its tick), so replay applies it once', async () => {
    const dir = tempDir();
    const caller = { account: '000000000000', region: 'us-east-1' };
    const writer: Area = {
      name: 'persistence-test-writer',
      tasks: {
        'persistence-test.put': (_task, ctx) => {
          ctx.emu.invoke('ssm', 'PutParameter', { Name: '/from/task', Value: 'v', Type: 'String', Overwrite: true }, caller);
        },
      },
    };
    const make = () => new Emulator({ clock: { mode: 'frozen', start: TEST_START }, seed: 'task', areas: [...areas, writer] });
    const a = make();
    a.scheduler.schedule({ at: TEST_START + 60_000, kind: 'persistence-test.put', account: caller.account, region: caller.region, payload: null });
    await new Persistence(a, dir).open();
    a.scheduler.advance(120_000);
    const version = (emu: Emulator) => (emu.request('ssm', 'GetParameter', { Name: '/from/task' }, caller) as { Parameter: { Version: number } }).Parameter.Version;
    expect(version(a)).toBe(1);
    const journal = readdirSync(dir).filter((f) => f.startsWith('journal-')).map((f) => readFileSync(join(dir, f), 'utf8')).join('');
    expect(journal).not.toContain('"op":"PutParameter"');
    const b = make();
    await new Persistence(b, dir).open();
    expect(version(b)).toBe(1);
    expect(b.store.data).toEqual(a.store.data);
  });
});

// An in-memory emulator is untouched by persistence: nothing is written without a data dir.
it('without --data-dir nothing is journaled', () => {
  const emu = newEmulator();
  put(emu, '/in/memory', 'only');
  expect(emu.journal).toBeUndefined();
  expect(emu.checkpoint).toBeUndefined();
});
