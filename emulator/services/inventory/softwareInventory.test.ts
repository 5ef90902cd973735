/**
 * The aws:softwareInventory plugin simulator (AWS-GatherSoftwareInventory), run as an association
 * runs it (testkit's stand-in host), and refused under Run Command as the agent refuses it.
 */
import { describe, expect, it } from 'vitest';
import { GetCommandInvocationCommand, GetInventoryCommand, ListInventoryEntriesCommand, SendCommandCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { globMatch } from '../../sim/inventory/gather.js';
import { addNode, gatherAsAssociation, gatherRun, iid, smallFleet } from './testkit.js';

const t = useEmulator();

const entries = async (id: string, TypeName: string) => (await t.ssm.send(new ListInventoryEntriesCommand({ InstanceId: id, TypeName }))).Entries!;
const types = async (id: string) => {
  const out: string[] = [];
  for (const s of ['AWS:Application', 'AWS:AWSComponent', 'AWS:Network', 'AWS:InstanceDetailedInformation', 'AWS:Service', 'AWS:WindowsUpdate', 'AWS:WindowsRole', 'AWS:BillingInfo', 'AWS:Tag', 'AWS:File', 'AWS:WindowsRegistry']) {
    if ((await t.ssm.send(new ListInventoryEntriesCommand({ InstanceId: id, TypeName: s }))).SchemaVersion) out.push(s);
  }
  return out;
};

describe('aws:softwareInventory', () => {
  it('under Run Command it fails as the agent does: only an association may run it', async () => {
    await smallFleet(t.http);
    const { Command } = await t.ssm.send(new SendCommandCommand({ InstanceIds: [iid(1)], DocumentName: 'AWS-GatherSoftwareInventory' }));
    await t.advance(5);
    const inv = await t.ssm.send(new GetCommandInvocationCommand({ CommandId: Command!.CommandId!, InstanceId: iid(1) }));
    expect(inv).toMatchObject({ Status: 'Failed', ResponseCode: 1, StandardErrorContent: 'aws:softwareInventory plugin can only be invoked via ssm-associate' });
    expect(await types(iid(1))).toEqual([]);
  });

  it('collects on Linux what the agent collects there (no services, updates or roles) and uploads it when the step ends', async () => {
    await smallFleet(t.http);
    const run = gatherAsAssociation(t.emu, [iid(1)]);
    await t.advance(1);
    expect(gatherRun(t.emu, run, 0).Status).toBe('InProgress');
    expect(await types(iid(1))).toEqual([]);
    await t.advance(60);
    const r = gatherRun(t.emu, run, 0);
    expect(r.Status).toBe('Success');
    expect(r.Plugins![0].Stdout).toBe('Inventory policy has been successfully applied and collected inventory data has been uploaded to SSM');
    expect(await types(iid(1))).toEqual(['AWS:Application', 'AWS:AWSComponent', 'AWS:Network', 'AWS:InstanceDetailedInformation', 'AWS:Tag']);
    const apps = await entries(iid(1), 'AWS:Application');
    expect(apps.map((a) => a.Name)).toEqual(['amazon-ssm-agent', 'bash', 'curl-minimal', 'openssl', 'python3']);
    expect(apps[0]).toEqual({ Name: 'amazon-ssm-agent', Publisher: 'Amazon Linux', Version: '3.3.1957.0', Release: '1.amzn2023', ApplicationType: 'System Environment/Base', Architecture: 'x86_64' });
    expect((await entries(iid(1), 'AWS:AWSComponent')).map((a) => a.Name)).toEqual(['amazon-ssm-agent']);
    expect(await entries(iid(1), 'AWS:Network')).toEqual([{ Name: 'eth0', MacAddress: expect.stringMatching(/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/), IPV4: expect.stringMatching(/^172\./), IPV6: '' }]);
    expect((await entries(iid(1), 'AWS:InstanceDetailedInformation'))[0]).toMatchObject({ CPUs: '2', CPUCores: '1', CPUHyperThreadEnabled: 'true', KernelVersion: expect.stringContaining('amzn2023') });
    expect(await entries(iid(1), 'AWS:Tag')).toEqual([{ Key: 'Env', Value: 'prod' }, { Key: 'Role', Value: 'web' }]);
    const app = (await t.ssm.send(new ListInventoryEntriesCommand({ InstanceId: iid(1), TypeName: 'AWS:Application' })));
    expect(app.CaptureTime).toBe(new Date(r.EndedAt!).toISOString().replace('.000', ''));
  });

  it('collects Windows services, updates, roles, billing and registry on Windows', async () => {
    // The image brings what was released before its date; KB5040576 (2024-11-12) was added (Patch Manager dates it at the image date).
    await addNode(t.http, { InstanceId: iid(3), Platform: 'windows-2022', Patches: { ImageDate: '2024-10-01T00:00:00Z', Installed: ['KB5040576'] } });
    const run = gatherAsAssociation(t.emu, [iid(3)], { windowsRegistry: ['[{"Path":"HKEY_LOCAL_MACHINE\\\\SOFTWARE\\\\Amazon","Recursive":true}]'] });
    await t.advance(60);
    expect(gatherRun(t.emu, run, 0).Status).toBe('Success');
    expect(await types(iid(3))).toEqual(['AWS:Application', 'AWS:AWSComponent', 'AWS:Network', 'AWS:InstanceDetailedInformation', 'AWS:Service', 'AWS:WindowsUpdate', 'AWS:WindowsRole', 'AWS:BillingInfo', 'AWS:WindowsRegistry']);
    expect((await entries(iid(3), 'AWS:Service')).find((s) => s.Name === 'wuauserv')).toMatchObject({ DisplayName: 'Windows Update', Status: 'Stopped', StartType: 'Manual' });
    const updates = await entries(iid(3), 'AWS:WindowsUpdate');
    expect(updates[0]).toEqual({ HotFixId: 'KB5040576', Description: 'Security Update', InstalledTime: '2024-10-01T00:00:00Z', InstalledBy: 'NT AUTHORITY\\SYSTEM' });
    expect(updates.length).toBeGreaterThan(1);
    expect(updates.every((u) => u.HotFixId!.startsWith('KB') && u.InstalledTime! <= '2024-11-12T17:00:00Z')).toBe(true);
    expect(updates.map((u) => u.HotFixId)).not.toContain('KB5041147'); // 2024-12: neither in the image nor added
    expect(await entries(iid(3), 'AWS:BillingInfo')).toEqual([{ BillingProductId: 'bp-6ba54002' }]);
    expect((await entries(iid(3), 'AWS:WindowsRegistry')).map((v) => v.ValueName)).toEqual(['AMIName', 'AMIVersion', 'Version']);
  });

  it('honours Disabled inputs and file patterns', async () => {
    await smallFleet(t.http);
    const run = gatherAsAssociation(t.emu, [iid(1)], {
      applications: ['Disabled'],
      awsComponents: ['Disabled'],
      networkConfig: ['Disabled'],
      instanceDetailedInformation: ['Disabled'],
      files: ['[{"Path":"/usr/bin","Pattern":["ssm-*"],"Recursive":false},{"Path":"/etc","Pattern":["*release"],"Recursive":false}]'],
    });
    await t.advance(60);
    expect(gatherRun(t.emu, run, 0).Status).toBe('Success');
    expect(await types(iid(1))).toEqual(['AWS:Tag', 'AWS:File']);
    expect((await entries(iid(1), 'AWS:File')).map((f) => `${f.InstalledDir}/${f.Name}`)).toEqual([
      '/usr/bin/ssm-agent-worker',
      '/usr/bin/ssm-document-worker',
      '/usr/bin/ssm-session-worker',
      '/etc/os-release',
      '/etc/system-release',
      '/etc/amazon-linux-release',
    ]);
  });

  it('a files configuration that is not JSON fails the step with the agent\'s wording', async () => {
    await smallFleet(t.http);
    const run = gatherAsAssociation(t.emu, [iid(1)], { files: ['[{"Path": '] });
    await t.advance(60);
    const r = gatherRun(t.emu, run, 0);
    expect(r.Status).toBe('Failed');
    expect(r.Plugins![0].Stderr).toMatch(/^Encountered error while executing AWS:File\. Error - invalid files configuration: /);
  });

  it('the next run shows what changed on the node (packages installed and removed)', async () => {
    await smallFleet(t.http);
    gatherAsAssociation(t.emu, [iid(1), iid(2)]);
    await t.advance(60);
    await t.http.patch(`/_emulator/fleet/instances/${iid(2)}`).send({ Applications: [{ Name: 'nginx', Version: '1.24.0' }, { Name: 'amazon-ssm-agent', Version: '3.3.1957.0' }] });
    const before = await t.ssm.send(new GetInventoryCommand({ Filters: [{ Key: 'AWS:Application.Name', Values: ['nginx'] }] }));
    expect(before.Entities).toEqual([]);
    gatherAsAssociation(t.emu, [iid(1), iid(2)]);
    await t.advance(60);
    const after = await t.ssm.send(new GetInventoryCommand({ Filters: [{ Key: 'AWS:Application.Name', Values: ['nginx'] }] }));
    expect(after.Entities!.map((e) => e.Id)).toEqual([iid(2)]);
    expect((await entries(iid(2), 'AWS:Application')).map((a) => a.Name)).toEqual(['amazon-ssm-agent', 'nginx']);
  });

  it('glob patterns: * and ? without regular expressions', () => {
    expect(globMatch('*ssm*', 'amazon-ssm-agent', false)).toBe(true);
    expect(globMatch('ssm-?gent', 'ssm-agent', false)).toBe(true);
    expect(globMatch('*.EXE', 'a.exe', true)).toBe(true);
    expect(globMatch('*.EXE', 'a.exe', false)).toBe(false);
    expect(globMatch('a*b*c', 'a'.repeat(5000), false)).toBe(false);
  });
});
