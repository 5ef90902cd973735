/**
 * Persistence under --data-dir DIR: a lowdb snapshot plus a write-ahead journal.
 *
 *   DIR/state.json          the last checkpoint: {formatVersion, clock, store, journal: n,
 *                           journalSeq: q}, written atomically by lowdb (temp file + rename)
 *   DIR/journal-<k>.jsonl   every state-changing request since, one record a line:
 *                           "<seq>\t<crc32 of the JSON, hex>\t<JSON entry>"
 *   DIR/lock                the pid of the emulator using DIR (exclusive)
 *
 * Why a journal: writing the whole state for every request costs O(state), far too slow with 100,000
 * parameters. Handlers are deterministic (virtual time read once per request, seeded ids kept in the
 * state), so a request replayed on the same state with the same `now` makes the same change. A
 * mutating request is appended (one write(2) of one line) BEFORE its response is sent, so every write
 * acknowledged to a client is in the OS's page cache and survives kill -9 of the emulator. Scheduler
 * runs between requests (real and scaled clocks) are journaled as ticks. Control API changes (clock,
 * reset, fleet, state) take a checkpoint before they answer. Every `compactEvery` entries, a
 * checkpoint folds the journal into state.json.
 *
 * Records are numbered without gaps across journal files, and each carries a checksum: a record
 * missing in the middle (which would also shift every later id), a changed byte, or journals without
 * the state.json they follow refuse start-up, naming the file and line, rather than replay a history
 * that differs from the one clients saw. Only the very last record may be torn (a crash mid-write; it
 * was never acknowledged): it is dropped with a log line. `recover` (--recover) starts anyway with
 * what is good up to the first bad record and says how much it dropped.
 *
 * Two emulators on one DIR would each journal what the other cannot see: DIR/lock holds the owner's
 * pid, and a second process refuses to start while that pid lives (a lock left by a dead process is
 * taken over).
 *
 * Start-up: take the lock, load state.json (refused, never half-loaded, when corrupt or of another
 * format version), replay journals newer than it in order, then checkpoint.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { join } from 'node:path';
import { DataFile } from 'lowdb/node';
import type { Snapshot } from './snapshot.js';
import type { ServiceId } from '../core/operation.js';
import type { Caller, ResetScope } from '../core/runtime.js';
import type { Clock, ClockState } from '../time/clock.js';
import type { Scheduler } from '../time/scheduler.js';

export type JournalEntry =
  | { t: 'op'; svc: ServiceId; op: string; in: unknown; a: string; r: string; now: number }
  | { t: 'tick'; until: number }
  | { t: 'clock'; state: ClockState }
  | { t: 'reset'; scope?: { account?: string; region?: string } };

interface StateFile extends Snapshot {
  /** Journals numbered up to this one are folded into this snapshot. */
  journal: number;
  /** The sequence number of the last journal record folded into this snapshot. */
  journalSeq?: number;
}

export interface PersistenceOptions {
  /** Fold the journal into state.json every this many records (default 20,000). */
  compactEvery?: number;
  /** Start with what is good up to the first bad journal record instead of refusing. */
  recover?: boolean;
  /** Told about dropped records (a torn last line, what --recover left out). */
  warn?: (message: string) => void;
}

export class PersistenceError extends Error {}

/** What persistence needs of an emulator (emulator.ts implements it). */
export interface Persistable {
  readonly clock: Clock;
  readonly scheduler: Scheduler;
  journal: ((entry: JournalEntry) => void) | undefined;
  checkpoint: (() => Promise<void>) | undefined;
  snapshot(opts?: { copy?: boolean }): Snapshot;
  restore(snapshot: unknown): void;
  reset(scope?: ResetScope): void;
  request(service: ServiceId, operation: string, input: Record<string, unknown>, caller: Caller, now?: number): unknown;
}

const JOURNAL = /^journal-(\d+)\.jsonl$/;

const checksum = (json: string) => crc32(json).toString(16).padStart(8, '0');

export class Persistence {
  private fd: number | undefined;
  private journalNo = 0;
  private entries = 0;
  /** Sequence number of the last record written (or replayed). */
  private seq = 0;
  private chain: Promise<void> = Promise.resolve();
  private readonly file: DataFile<StateFile>;
  private replaying = false;
  private hasSnapshot = false;
  private locked = false;
  private readonly compactEvery: number;
  private readonly recover: boolean;
  private readonly warn: (message: string) => void;

  constructor(
    private readonly emu: Persistable,
    private readonly dir: string,
    options: PersistenceOptions | number = {},
  ) {
    const o = typeof options === 'number' ? { compactEvery: options } : options;
    this.compactEvery = o.compactEvery ?? 20_000;
    this.recover = o.recover ?? false;
    this.warn = o.warn ?? (() => {});
    this.file = new DataFile<StateFile>(join(dir, 'state.json'), { parse: JSON.parse, stringify: JSON.stringify });
  }

  /** Takes DIR/lock, or refuses when a living process holds it. */
  private lock(): void {
    const path = join(this.dir, 'lock');
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(path, 'wx');
        writeSync(fd, `${process.pid}\n`);
        closeSync(fd);
        this.locked = true;
        return;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      const owner = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
        throw new PersistenceError(`${this.dir} is in use by another emulator (pid ${owner}); two emulators on one data directory would lose each other's writes.`);
      }
      // A lock left by a process that is gone, or by this one (a restart inside one process, as the
      // tests do; two emulators of one process on one directory are not guarded against): take it over.
      if (owner !== process.pid) this.warn(`taking over ${path}, left by process ${Number.isInteger(owner) ? owner : '(unreadable)'} which is no longer running`);
      rmSync(path, { force: true });
    }
    throw new PersistenceError(`could not take ${path}`);
  }

  private unlock(): void {
    if (this.locked) rmSync(join(this.dir, 'lock'), { force: true });
    this.locked = false;
  }

  /** Restores what DIR holds (if anything), starts journaling, and returns whether state was restored. */
  async open(): Promise<{ restored: boolean; replayed: number; dropped: number }> {
    mkdirSync(this.dir, { recursive: true });
    this.lock();
    try {
      return await this.load();
    } catch (err) {
      this.unlock();
      throw err;
    }
  }

  private async load(): Promise<{ restored: boolean; replayed: number; dropped: number }> {
    let snapshot: StateFile | null = null;
    try {
      snapshot = await this.file.read();
    } catch (err) {
      throw new PersistenceError(`${join(this.dir, 'state.json')} is not valid JSON (${(err as Error).message}); refusing to start rather than lose it.`);
    }
    if (snapshot) {
      try {
        this.emu.restore(snapshot);
      } catch (err) {
        throw new PersistenceError(`${join(this.dir, 'state.json')} cannot be restored: ${(err as Error).message}`);
      }
    }
    const folded = snapshot?.journal ?? 0;
    this.seq = snapshot?.journalSeq ?? 0;
    const journals = this.journalNumbers().filter((n) => n > folded);
    this.hasSnapshot = snapshot !== null;
    let replayed = 0;
    let dropped = 0;
    this.replaying = true;
    try {
      for (const n of journals) {
        const r = this.replay(n);
        replayed += r.applied;
        if (r.stopped) {
          dropped = r.dropped + journals.filter((k) => k > n).reduce((sum, k) => sum + this.recordCount(k), 0);
          break;
        }
      }
    } finally {
      this.replaying = false;
    }
    if (dropped) this.warn(`--recover: started from the journal up to record ${this.seq}; ${dropped} later record(s) were dropped`);
    this.journalNo = Math.max(folded, ...journals, 0);
    this.emu.journal = (entry) => this.record(entry);
    this.emu.checkpoint = () => this.checkpoint();
    await this.checkpoint();
    return { restored: snapshot !== null || journals.length > 0, replayed, dropped };
  }

  private journalPath(n: number): string {
    return join(this.dir, `journal-${n}.jsonl`);
  }

  private lines(n: number): string[] {
    return readFileSync(this.journalPath(n), 'utf8').split('\n');
  }

  private recordCount(n: number): number {
    return this.lines(n).filter((l) => l !== '').length;
  }

  private journalNumbers(): number[] {
    return readdirSync(this.dir)
      .map((f) => JOURNAL.exec(f)?.[1])
      .filter((n): n is string => n !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
  }

  /**
   * Replays one journal file. A bad record refuses start-up unless it is the torn last line of the
   * newest file (dropped) or `recover` is set (replay stops there; `stopped` says so).
   */
  private replay(n: number): { applied: number; stopped: boolean; dropped: number } {
    const lines = this.lines(n);
    const last = lines.findLastIndex((l) => l !== '');
    const newest = n === Math.max(...this.journalNumbers());
    let applied = 0;
    for (let i = 0; i <= last; i++) {
      const line = lines[i];
      if (!line) continue;
      const parsed = this.parse(line);
      const problem = typeof parsed === 'string' ? parsed : parsed.seq !== undefined && parsed.seq !== this.seq + 1 ? `record ${parsed.seq} follows record ${this.seq} (records are missing)` : undefined;
      if (problem !== undefined) {
        const where = `journal-${n}.jsonl line ${i + 1}`;
        if (i === last && newest && typeof parsed === 'string') {
          // A crash mid-write tears only the very last line; it was never acknowledged.
          this.warn(`${where} is torn (a crash mid-write); that unacknowledged record is dropped`);
          return { applied, stopped: false, dropped: 0 };
        }
        if (this.recover) {
          this.warn(`${where} is corrupt: ${problem}`);
          return { applied, stopped: true, dropped: lines.slice(i).filter((l) => l !== '').length };
        }
        throw new PersistenceError(`${where} is corrupt: ${problem}; refusing to start rather than replay a different history (--recover starts with what is good up to there).`);
      }
      if (!this.hasSnapshot) {
        // The journal continues a state.json that is gone: replaying it on a fresh state (another id
        // seed, no earlier records) would rebuild a different history.
        throw new PersistenceError(`${join(this.dir, 'state.json')} is missing but journal records follow it; refusing to start rather than replay them on a fresh state.`);
      }
      const record = parsed as { seq?: number; entry: JournalEntry };
      if (record.seq !== undefined) this.seq = record.seq;
      this.apply(record.entry);
      applied++;
    }
    return { applied, stopped: false, dropped: 0 };
  }

  /** A journal line -> its record, or what is wrong with it. Lines of plain JSON (older journals) carry no number or checksum. */
  private parse(line: string): { seq?: number; entry: JournalEntry } | string {
    const t1 = line.indexOf('\t');
    const t2 = t1 < 0 ? -1 : line.indexOf('\t', t1 + 1);
    if (t2 < 0) {
      try {
        return { entry: JSON.parse(line) as JournalEntry };
      } catch {
        return 'not a journal record';
      }
    }
    const seq = Number(line.slice(0, t1));
    const json = line.slice(t2 + 1);
    if (!Number.isInteger(seq) || seq < 1) return 'no valid sequence number';
    if (checksum(json) !== line.slice(t1 + 1, t2)) return 'checksum mismatch (the record was changed or torn)';
    try {
      return { seq, entry: JSON.parse(json) as JournalEntry };
    } catch {
      return 'not valid JSON';
    }
  }

  private apply(entry: JournalEntry): void {
    if (entry.t === 'tick') {
      this.emu.scheduler.runDue(entry.until);
      return;
    }
    if (entry.t === 'clock') {
      this.emu.clock.restore(entry.state);
      return;
    }
    if (entry.t === 'reset') {
      this.emu.reset(entry.scope);
      return;
    }
    try {
      this.emu.request(entry.svc, entry.op, entry.in as Record<string, unknown>, { account: entry.a, region: entry.r }, entry.now);
    } catch {
      // The request failed the first time too; replaying the failure changes what it changed then.
    }
  }

  /** Appends one entry; synchronous, so the caller answers only after the line is written. */
  record(entry: JournalEntry): void {
    if (this.replaying || this.fd === undefined) return;
    const json = JSON.stringify(entry);
    writeSync(this.fd, `${++this.seq}\t${checksum(json)}\t${json}\n`);
    if (++this.entries >= this.compactEvery) void this.checkpoint();
  }

  /**
   * Folds everything into state.json. The state is serialised synchronously (a consistent cut, since
   * handlers are synchronous), then written atomically; new requests journal into the next file
   * meanwhile. Resolves when the snapshot is on disk.
   */
  checkpoint(): Promise<void> {
    const run = async () => {
      const folded = this.journalNo;
      if (this.fd !== undefined) closeSync(this.fd);
      this.journalNo = folded + 1;
      this.fd = openSync(join(this.dir, `journal-${this.journalNo}.jsonl`), 'a');
      this.entries = 0;
      await this.file.write({ ...this.emu.snapshot({ copy: false }), journal: folded, journalSeq: this.seq });
      for (const n of this.journalNumbers()) if (n <= folded) rmSync(join(this.dir, `journal-${n}.jsonl`), { force: true });
    };
    this.chain = this.chain.then(run, run);
    return this.chain;
  }

  async close(): Promise<void> {
    await this.checkpoint();
    this.emu.journal = undefined;
    this.emu.checkpoint = undefined;
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    this.unlock();
  }
}

/** Whether a process with this pid is running (signal 0 checks without sending anything). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when DIR already holds persisted state (the default fleet is then not loaded again). */
export function hasPersistedState(dir: string): boolean {
  return existsSync(join(dir, 'state.json')) || (existsSync(dir) && readdirSync(dir).some((f) => JOURNAL.test(f)));
}
