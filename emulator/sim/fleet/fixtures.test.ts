import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeInstanceInformationCommand } from '@aws-sdk/client-ssm';
import { Emulator } from '../../emulator.js';
import { useEmulator, TEST_START } from '../../testing/harness.js';
import { DEFAULT_FLEET_FILE, FixtureError, loadFleet, readFixtureFile } from './fixtures.js';
import { allInstances } from './state.js';
import { pingStatus } from './instance.js';

const emulator = (fleet?: unknown, seed = 'fixtures') =>
  new Emulator({ clock: { mode: 'frozen', start: TEST_START }, seed, fleet: fleet as Record<string, unknown> | undefined });
const nodes = (emu: Emulator, account = '000000000000', region = 'us-east-1') => [...allInstances(emu.context(account, region))];

describe('the default fleet (fixtures/fleets/default.yaml)', () => {
  it('is small and realistic: mixed Linux and Windows, prod and dev, one node offline, one hybrid node', () => {
    const emu = emulator(DEFAULT_FLEET_FILE);
    const list = nodes(emu);
    expect(list.length).toBe(7);
    expect(new Set(list.map((n) => n.PlatformType))).toEqual(new Set(['Linux', 'Windows']));
    const envs = list.map((n) => n.Tags.find((t) => t.Key === 'Env')?.Value);
    expect(envs).toContain('prod');
    expect(envs).toContain('dev');
    const now = TEST_START / 1000;
    expect(list.filter((n) => pingStatus(n, now) === 'ConnectionLost').map((n) => n.InstanceId)).toEqual(['i-0a1b2c3d4e5f60006']);
    expect(list.filter((n) => n.ResourceType === 'ManagedInstance').map((n) => n.InstanceId)).toEqual(['mi-0a1b2c3d4e5f60007']);
    expect(list.some((n) => n.Behaviors.length > 0)).toBe(true);
  });
});

describe('fixture format', () => {
  it('Patches: Installed and Failing lists and an ImageDate (default: 90 days before the node was made)', () => {
    const emu = emulator({
      instances: [
        { InstanceId: 'i-00000000000000001', Patches: { Installed: ['kernel*', 'openssl-libs.x86_64'], Failing: ['KB5034441'], ImageDate: '2024-06-01T00:00:00Z' } },
        { InstanceId: 'i-00000000000000002' },
        // The earlier list form still loads: Installed unless its State says Failed (Missing: left out).
        { InstanceId: 'i-00000000000000003', Patches: [{ KBId: 'KB1', State: 'Installed' }, { KBId: 'KB2', State: 'Failed' }, { KBId: 'KB3', State: 'Missing' }] },
      ],
    });
    const [a, b, c] = nodes(emu);
    expect(a.Patches).toEqual({ Installed: ['kernel*', 'openssl-libs.x86_64'], Failing: ['KB5034441'], ImageDate: Date.UTC(2024, 5, 1) / 1000 });
    expect(b.Patches).toEqual({ Installed: [], Failing: [], ImageDate: TEST_START / 1000 - 90 * 86_400 });
    expect(c.Patches).toMatchObject({ Installed: ['KB1'], Failing: ['KB2'] });
    expect(() => emulator({ instances: [{ Patches: { Installed: 'kernel' } }] })).toThrow(/Patches.Installed must be a list of strings/);
    expect(() => emulator({ instances: [{ Patches: { Broken: [] } }] })).toThrow(/Patches: unknown field Broken/);
    expect(() => emulator({ instances: [{ Patches: { ImageDate: 'yesterday' } }] })).toThrow(/Patches.ImageDate must be epoch seconds or an ISO-8601/);
  });

  it('expands templated groups: {n}, {nn}, {nnn}; the last nodes are ConnectionLost, then Stopped', () => {
    const emu = emulator({
      groups: [{ Count: 12, Platform: 'amazon-linux-2023', ComputerName: 'web-{nnn}', Tags: { Name: 'web-{n}', Env: 'prod', Idx: '{nn}' }, ConnectionLost: 2, Stopped: 1 }],
    });
    const list = nodes(emu).sort((a, b) => a.ComputerName.localeCompare(b.ComputerName));
    expect(list.map((n) => n.ComputerName)).toEqual(Array.from({ length: 12 }, (_, i) => `web-${String(i + 1).padStart(3, '0')}`));
    expect(list[6].Tags).toEqual([
      { Key: 'Name', Value: 'web-7' },
      { Key: 'Env', Value: 'prod' },
      { Key: 'Idx', Value: '07' },
    ]);
    const now = TEST_START / 1000;
    expect(list.map((n) => (n.InstanceState === 'stopped' ? 'stopped' : pingStatus(n, now)))).toEqual([
      ...Array(9).fill('Online'),
      'ConnectionLost',
      'ConnectionLost',
      'stopped',
    ]);
  });

  it('applies defaults under every node, and places fleets in their accounts and regions', () => {
    const emu = emulator({
      region: 'us-west-2',
      defaults: { AgentVersion: '3.2.0.0', Tags: { Owner: 'ops' } },
      instances: [{ InstanceId: 'i-00000000000000001' }, { InstanceId: 'i-00000000000000002', AgentVersion: '3.3.0.0' }],
      fleets: [{ account: '111122223333', region: 'eu-west-1', groups: [{ Count: 3, Platform: 'windows-2022' }] }],
    });
    expect(nodes(emu, '000000000000', 'us-west-2').map((n) => [n.InstanceId, n.AgentVersion, n.Tags])).toEqual([
      ['i-00000000000000001', '3.2.0.0', [{ Key: 'Owner', Value: 'ops' }]],
      ['i-00000000000000002', '3.3.0.0', [{ Key: 'Owner', Value: 'ops' }]],
    ]);
    // The defaults of the outer fleet are not inherited by nested fleets; account and region are.
    expect(nodes(emu, '111122223333', 'eu-west-1').map((n) => n.PlatformType)).toEqual(['Windows', 'Windows', 'Windows']);
    expect(nodes(emu)).toEqual([]);
  });

  it('generates the same ids for the same seed, and other ids for another seed', () => {
    const fixture = { groups: [{ Count: 5 }] };
    const a = nodes(emulator(fixture, 'one')).map((n) => n.InstanceId);
    const b = nodes(emulator(fixture, 'one')).map((n) => n.InstanceId);
    const c = nodes(emulator(fixture, 'two')).map((n) => n.InstanceId);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    for (const id of a) expect(id).toMatch(/^i-[0-9a-f]{17}$/);
  });

  it('reads YAML and JSON files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fleet-'));
    writeFileSync(join(dir, 'f.yaml'), 'instances:\n  - InstanceId: i-00000000000000001\n    Platform: rhel-9\n');
    writeFileSync(join(dir, 'f.json'), JSON.stringify({ instances: [{ InstanceId: 'mi-00000000000000001' }] }));
    expect(nodes(emulator(join(dir, 'f.yaml')))[0].PlatformName).toBe('Red Hat Enterprise Linux');
    expect(nodes(emulator(join(dir, 'f.json')))[0].ResourceType).toBe('ManagedInstance');
    expect(() => readFixtureFile(join(dir, 'missing.yaml'))).toThrow(/Cannot read fleet fixture/);
  });

  it.each([
    [{ groups: [{ Count: 0 }] }, /groups\[0\]\.Count must be a whole number from 1 to 100000/],
    [{ groups: [{ Count: 2, ConnectionLost: 3 }] }, /ConnectionLost must be a whole number from 0 to Count \(2\)/],
    [{ groups: [{ Count: 2, ConnectionLost: 1, Stopped: 2 }] }, /ConnectionLost \+ Stopped is more than Count/],
    [{ groups: [{ Count: 2, InstanceId: 'i-00000000000000001' }] }, /cannot share one InstanceId/],
    [{ groups: [{ Count: 2, Size: 'L' }] }, /unknown field Size/],
    [{ nodes: [] }, /unknown key nodes/],
    [{ account: 123 }, /account must be 12 digits/],
    [{ region: 'mars' }, /region mars is not a region name/],
    [{ instances: {} }, /instances must be a list/],
    [{ instances: ['i-1'] }, /instances\[0\] must be a mapping/],
    [{ instances: [{ InstanceId: 'i-00000000000000001' }, { InstanceId: 'i-00000000000000001' }] }, /appears twice/],
    [{ fleets: [{ fleets: [] }] }, /fleets do not nest/],
    [{ instances: [{ InstanceId: 'i-00000000000000001' }], fleets: [{ instances: [{ InstanceId: 'i-00000000000000001' }] }] }, /appears twice/],
    [[1, 2], /must be a mapping/],
    [{ instances: [{ PortForwards: ['5432'] }] }, /PortForwards must be a map/],
    [{ instances: [{ PortForwards: { '70000': '127.0.0.1:1' } }] }, /is not a port/],
    [{ instances: [{ PortForwards: { '5432': 'localhost' } }] }, /PortForwards.5432 must be "<host>:<port>"/],
  ])('refuses %j', (fixture, message) => {
    const emu = emulator();
    expect(() => loadFleet(emu, fixture)).toThrow(FixtureError);
    expect(() => loadFleet(emu, fixture)).toThrow(message);
  });

  it('loads nothing when any entry is bad', () => {
    const emu = emulator();
    expect(() => loadFleet(emu, { instances: [{}, {}], fleets: [{ region: 'eu-west-1', instances: [{ Platform: 'beos' }] }] })).toThrow(/fleets\[0\]\.instances\[0\]/);
    expect(nodes(emu)).toEqual([]);
    expect(nodes(emu, '000000000000', 'eu-west-1')).toEqual([]);
  });

  it('maps node ports to local addresses for Session Manager port forwarding (PortForwards)', () => {
    const emu = emulator({
      instances: [{ InstanceId: 'i-00000000000000001', PortForwards: { '5432': '127.0.0.1:15432', 'db.internal:3306': '[::1]:13306' } }],
    });
    expect(nodes(emu)[0].PortForwards).toEqual({ '5432': '127.0.0.1:15432', 'db.internal:3306': '[::1]:13306' });
  });

  it('refuses ids that already exist unless replacing', () => {
    const emu = emulator({ instances: [{ InstanceId: 'i-00000000000000001' }] });
    expect(() => loadFleet(emu, { instances: [{ InstanceId: 'i-00000000000000001' }] })).toThrow(/already exists/);
    loadFleet(emu, { instances: [{ InstanceId: 'i-00000000000000001', Platform: 'windows-2022' }] }, { replace: true });
    expect(nodes(emu).map((n) => n.PlatformType)).toEqual(['Windows']);
  });

  it('replacing removes every node of the scope, not every other one', () => {
    const ids = ['i-00000000000000001', 'i-00000000000000002', 'i-00000000000000003', 'i-00000000000000004'];
    const emu = emulator({ instances: ids.map((InstanceId) => ({ InstanceId })) });
    loadFleet(emu, { instances: [{ InstanceId: 'i-00000000000000002', Platform: 'windows-2022' }] }, { replace: true });
    expect(nodes(emu).map((n) => n.InstanceId)).toEqual(['i-00000000000000002']);
  });
});

describe('the configured fleet and reset', () => {
  it('is reloaded by a reset, and by a reset of its own region only', () => {
    const emu = emulator({ instances: [{ InstanceId: 'i-00000000000000001' }], fleets: [{ region: 'eu-west-1', instances: [{ InstanceId: 'i-00000000000000002' }] }] });
    const ctx = emu.context('000000000000', 'us-east-1');
    allInstances(ctx)[0].Tags.push({ Key: 'changed', Value: 'yes' });
    emu.reset({ region: 'eu-west-1' });
    expect(nodes(emu)[0].Tags).toEqual([{ Key: 'changed', Value: 'yes' }]);
    expect(nodes(emu, '000000000000', 'eu-west-1').map((n) => n.InstanceId)).toEqual(['i-00000000000000002']);
    emu.reset();
    expect(nodes(emu)[0].Tags).toEqual([]);
  });

  it('is not reloaded over a restored snapshot', () => {
    const empty = emulator();
    const snap = empty.snapshot();
    const emu = emulator({ instances: [{ InstanceId: 'i-00000000000000001' }] });
    emu.restore(snap);
    expect(nodes(emu)).toEqual([]);
  });

  describe('useEmulator({ fleet })', () => {
    const t = useEmulator({ fleet: { groups: [{ Count: 3, Tags: { Env: 'test' } }] } });
    it('gives every test the fleet it asked for (first test changes it)', async () => {
      const first = (await t.http.get('/_emulator/fleet/instances')).body.instances;
      expect(first).toHaveLength(3);
      await t.http.delete(`/_emulator/fleet/instances/${first[0].InstanceId}`);
    });
    it('gives every test the fleet it asked for (second test sees it whole, with the same ids)', async () => {
      const out = await t.ssm.send(new DescribeInstanceInformationCommand({}));
      expect(out.InstanceInformationList).toHaveLength(3);
    });
  });
});
