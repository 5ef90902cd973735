/**
 * POST /_emulator/state refuses a snapshot whose shape would break later calls, naming the first bad
 * path, and changes nothing; --data-dir's state.json gets the same check at start-up.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetParameterCommand, PutParameterCommand, DescribeInstanceInformationCommand, SendCommandCommand } from '@aws-sdk/client-ssm';
import { TEST_START, useEmulator } from '../testing/harness.js';
import { Emulator } from '../emulator.js';
import { Persistence, PersistenceError } from '../state/persistence.js';
import { readablePath } from '../state/snapshot.js';
import { DEFAULT_FLEET_FILE } from '../sim/fleet/fixtures.js';

const t = useEmulator({ fleet: DEFAULT_FLEET_FILE });
const REGION = '000000000000/us-east-1';

async function snapshotWithData() {
  await t.ssm.send(new PutParameterCommand({ Name: '/app/db', Value: 'v1', Type: 'String' }));
  const nodes = (await t.ssm.send(new DescribeInstanceInformationCommand({}))).InstanceInformationList!;
  await t.ssm.send(new SendCommandCommand({ DocumentName: 'AWS-RunShellScript', InstanceIds: nodes.slice(0, 2).map((n) => n.InstanceId!), Parameters: { commands: ['echo hi'] } }));
  await t.advance(60);
  return (await t.http.get('/_emulator/state')).body;
}

type Mutation = [what: string, change: (snap: any) => void, path: string];
const MUTATIONS: Mutation[] = [
  ['Versions set to a string', (s) => (s.store.regions[REGION].parameters.byName['/app/db'].Versions = 'x'), 'store.regions["000000000000/us-east-1"].parameters.byName["/app/db"].Versions must be array'],
  ['Versions set to null', (s) => (s.store.regions[REGION].parameters.byName['/app/db'].Versions = null), '.byName["/app/db"].Versions must be array'],
  ['Versions emptied', (s) => (s.store.regions[REGION].parameters.byName['/app/db'].Versions = []), '.byName["/app/db"].Versions must NOT have fewer than 1 items'],
  ['a null parameter entry', (s) => (s.store.regions[REGION].parameters.byName['/app/db'] = null), '.parameters.byName["/app/db"] must be object'],
  ['a version with a text Version', (s) => (s.store.regions[REGION].parameters.byName['/app/db'].Versions[0].Version = '1'), '.Versions[0].Version must be integer'],
  ['a fleet instance set to 7', (s) => { const inst = s.store.regions[REGION].fleet.instances; inst[Object.keys(inst)[0]!] = 7; }, '.fleet.instances["i-'],
  ['a fleet instance without Tags', (s) => { const inst = s.store.regions[REGION].fleet.instances; delete inst[Object.keys(inst)[0]!].Tags; }, 'has no Tags'],
  ['a fleet instance in an EC2 state that does not exist', (s) => { const inst = s.store.regions[REGION].fleet.instances; inst[Object.keys(inst)[0]!].InstanceState = 'flying'; }, '.InstanceState must be one of "pending", "running"'],
  ['a command invocation set to null', (s) => { const cmds = s.store.regions[REGION].commands.commands; cmds[Object.keys(cmds)[0]!].Invocations[0] = null; }, '.Invocations[0] must be object'],
  ['a slice that is a string', (s) => (s.store.regions[REGION].parameters = 'x'), '.parameters must be object'],
  ['an unknown slice holding a null record', (s) => (s.store.regions[REGION].newArea = { byName: { a: null } }), '.newArea.byName.a must be object'],
  ['a region set to null', (s) => (s.store.regions[REGION] = null), 'store.regions["000000000000/us-east-1"] must be object'],
  ['a task without a kind', (s) => (s.store.scheduler.tasks = [{ id: 1, at: 0, account: 'a', region: 'r', payload: {} }]), 'store.scheduler.tasks[0] has no kind'],
  ['an rng of three numbers', (s) => (s.store.rng = [1, 2, 3]), 'store.rng must NOT have fewer than 4 items'],
  ['a clock in year 300000', (s) => (s.clock.anchorVirtual = 8.64e15), 'clock.anchorVirtual must be <= '],
];

describe('POST /_emulator/state: the snapshot shape is checked before anything is replaced', () => {
  it.each(MUTATIONS)('%s: 400 naming the path, and the state in use is unchanged', async (_what, change, path) => {
    const snap = await snapshotWithData();
    const before = JSON.stringify(snap.store);
    const bad = structuredClone(snap);
    change(bad);
    const res = await t.http.post('/_emulator/state').send(bad);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('InvalidSnapshot');
    expect(res.body.message).toContain(path);
    // nothing was replaced: the same state, and calls keep working
    expect(JSON.stringify((await t.http.get('/_emulator/state')).body.store)).toBe(before);
    expect((await t.ssm.send(new GetParameterCommand({ Name: '/app/db' }))).Parameter?.Value).toBe('v1');
    expect((await t.ssm.send(new DescribeInstanceInformationCommand({}))).InstanceInformationList?.length).toBeGreaterThan(0);
  });

  it('a real snapshot passes its own check, names with "/", "__proto__" and "constructor" included', async () => {
    await t.ssm.send(new PutParameterCommand({ Name: '__proto__', Value: 'p', Type: 'String' }));
    await t.ssm.send(new PutParameterCommand({ Name: 'constructor', Value: 'c', Type: 'String' }));
    const snap = await snapshotWithData();
    const res = await t.http.post('/_emulator/state').send(snap);
    expect(res.status).toBe(200);
    expect((await t.ssm.send(new GetParameterCommand({ Name: '__proto__' }))).Parameter?.Value).toBe('p');
  });

  it('paths read as JavaScript', () => {
    expect(readablePath('/store/regions/1~12/parameters/byName/~1a~0b/Versions/0')).toBe('store.regions["1/2"].parameters.byName["/a~b"].Versions[0]');
    expect(readablePath('')).toBe('the snapshot');
  });
});

describe('--data-dir: state.json gets the same check', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('a state.json with a bad parameter refuses start-up naming the path, and the file is kept', async () => {
    const snap = await snapshotWithData();
    snap.store.regions[REGION].parameters.byName['/app/db'].Versions = null;
    const dir = mkdtempSync(join(tmpdir(), 'ssm-snapshot-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'state.json'), JSON.stringify(snap));
    const emu = new Emulator({ clock: { mode: 'frozen', start: TEST_START }, seed: 'snap' });
    await expect(new Persistence(emu, dir).open()).rejects.toThrow(PersistenceError);
    await expect(new Persistence(emu, dir).open()).rejects.toThrow(/byName\["\/app\/db"\]\.Versions must be array/);
  });
});
