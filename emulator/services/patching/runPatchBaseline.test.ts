/**
 * AWS-RunPatchBaseline (and AWS-RunPatchBaselineAssociation, AWS-ApplyPatchBaseline) through Run
 * Command: scans and installs on the virtual clock, reboots, failures from the node's fixture, patch
 * groups, overrides, snapshots, compliance and events.
 */
import { describe, expect, it } from 'vitest';
import {
  AddTagsToResourceCommand,
  CancelCommandCommand,
  GetCommandInvocationCommand,
  RegisterPatchBaselineForPatchGroupCommand,
  SendCommandCommand,
  UpdatePatchBaselineCommand,
} from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { areas } from '../index.js';
import { defineSlice } from '../../state/store.js';
import { anyJson, arr, obj } from '../../state/schema.js';
import type { Area } from '../../core/operation.js';
import { complianceWriter } from '../../sim/compliance/writer.js';
import { ListComplianceItemsCommand, ListResourceComplianceSummariesCommand } from '@aws-sdk/client-ssm';
import type { PutComplianceItemsRequest } from '../../generated/ssm/types.js';
import { createBaseline, DAY, iid, instancePatches, node, patchState, putFile, runPatch } from './testkit.js';

const plugin = (id: string, windows = false) => ({ PluginName: windows ? 'PatchWindows' : 'PatchLinux', InstanceId: id });
const nodes = async (t: ReturnType<typeof useEmulator>) => (await t.http.get('/_emulator/fleet/instances')).body.instances as any[];

describe('AWS-RunPatchBaseline: Scan', () => {
  const t = useEmulator();

  it('reports what the default baseline approves and the node lacks: Missing patches since its image date', async () => {
    const id = await node(t, 1);
    const { commandId, status } = await runPatch(t, [id], { Operation: ['Scan'] });
    expect(status).toBe('Success');
    const s = (await patchState(t.ssm, id))!;
    expect(s).toMatchObject({
      InstanceId: id,
      PatchGroup: '',
      BaselineId: 'arn:aws:ssm:us-east-1:075727635805:patchbaseline/pb-05c9c9bf778d4c4d0',
      Operation: 'Scan',
      RebootOption: 'RebootIfNeeded',
      InstalledPendingRebootCount: 0,
      InstalledRejectedCount: 0,
      FailedCount: 0,
      UnreportedNotApplicableCount: 0,
    });
    expect(s.SnapshotId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(s.MissingCount).toBeGreaterThan(0);
    expect(s.InstalledCount).toBeGreaterThan(0);
    expect(s.NotApplicableCount).toBeGreaterThan(0); // nginx, httpd, ... are not on the node
    expect(s.SecurityNonCompliantCount! + s.OtherNonCompliantCount! + s.CriticalNonCompliantCount!).toBe(s.MissingCount);
    expect(s.AvailableSecurityUpdateCount).toBeUndefined();
    const inv = await t.ssm.send(new GetCommandInvocationCommand({ CommandId: commandId, ...plugin(id) }));
    expect(inv.StandardOutputContent).toContain('Scan on i-00000000000000001');
    // The scan took its time on the virtual clock.
    expect(s.OperationEndTime!.getTime() - s.OperationStartTime!.getTime()).toBeGreaterThanOrEqual(15_000);

    const missing = await instancePatches(t.ssm, id, [{ Key: 'State', Values: ['Missing'] }]);
    expect(missing.length).toBe(s.MissingCount);
    for (const p of missing) {
      expect(p.KBId).toMatch(/^[a-z0-9._+-]+\.(x86_64|noarch)$/);
      expect(p.Title!.startsWith(`${p.KBId}:`)).toBe(true);
      expect(p.InstalledTime!.getTime()).toBe(0);
    }
    expect(missing.some((p) => p.CVEIds?.startsWith('CVE-'))).toBe(true);
    const other = await instancePatches(t.ssm, id, [{ Key: 'State', Values: ['InstalledOther'] }]);
    expect(other.every((p) => p.Title === '' && p.Classification === '' && p.Severity === '')).toBe(true);
  });

  it('a node whose image is from now is compliant; weeks later newer patches are approved and missing', async () => {
    const id = await node(t, 1, { Patches: { ImageDate: '2025-01-01T00:00:00Z' } });
    await runPatch(t, [id], { Operation: ['Scan'] });
    expect((await patchState(t.ssm, id))!.MissingCount).toBe(0);
    await t.advance(21 * DAY);
    await runPatch(t, [id], { Operation: ['Scan'] });
    expect((await patchState(t.ssm, id))!.MissingCount).toBeGreaterThan(0);
  });

  it("patches the fixture lists as Installed count as installed; optional packages count once the node has them", async () => {
    const bare = await node(t, 1);
    const full = await node(t, 2, { Patches: { Installed: ['kernel*', 'openssl*', 'nginx*'] }, Applications: [{ Name: 'httpd', Version: '2.4.58' }] });
    await runPatch(t, [bare, full], { Operation: ['Scan'] });
    const names = async (id: string, state: string) => (await instancePatches(t.ssm, id, [{ Key: 'State', Values: [state] }])).map((p) => p.KBId);
    expect(await names(bare, 'Missing')).toContain('kernel.x86_64');
    expect(await names(full, 'Missing')).not.toContain('kernel.x86_64');
    expect(await names(full, 'Installed')).toContain('kernel.x86_64');
    expect(await names(bare, 'NotApplicable')).toContain('httpd.x86_64');
    expect(await names(full, 'NotApplicable')).not.toContain('httpd.x86_64');
    expect(await names(full, 'NotApplicable')).not.toContain('nginx.x86_64');
  });

  it("uses the baseline of the node's patch group (tag Patch Group or PatchGroup) for its OS", async () => {
    const baseline = await createBaseline(t.ssm, {
      ApprovalRules: { PatchRules: [{ PatchFilterGroup: { PatchFilters: [{ Key: 'CLASSIFICATION', Values: ['Security'] }] }, ApproveAfterDays: 0, ComplianceLevel: 'CRITICAL' }] },
    });
    await t.ssm.send(new RegisterPatchBaselineForPatchGroupCommand({ BaselineId: baseline, PatchGroup: 'web' }));
    const a = await node(t, 1, { Tags: { 'Patch Group': 'web' } });
    const b = await node(t, 2, { Tags: { PatchGroup: 'web' } });
    const c = await node(t, 3, { Tags: { PatchGroup: 'db' } });
    await runPatch(t, [a, b, c], { Operation: ['Scan'] });
    for (const id of [a, b]) {
      const s = (await patchState(t.ssm, id))!;
      expect(s).toMatchObject({ PatchGroup: 'web', BaselineId: baseline });
      // Every missing patch is CRITICAL for compliance in this baseline.
      expect(s.CriticalNonCompliantCount).toBe(s.MissingCount);
    }
    expect((await patchState(t.ssm, c))!).toMatchObject({ PatchGroup: 'db', BaselineId: 'arn:aws:ssm:us-east-1:075727635805:patchbaseline/pb-05c9c9bf778d4c4d0' });
  });

  it('rejected patches: InstalledRejected with BLOCK, InstalledOther with ALLOW_AS_DEPENDENCY', async () => {
    const block = await createBaseline(t.ssm, { Name: 'block', RejectedPatches: ['kernel*'], RejectedPatchesAction: 'BLOCK' });
    const allow = await createBaseline(t.ssm, { Name: 'allow', RejectedPatches: ['kernel*'] });
    await t.ssm.send(new RegisterPatchBaselineForPatchGroupCommand({ BaselineId: block, PatchGroup: 'block' }));
    await t.ssm.send(new RegisterPatchBaselineForPatchGroupCommand({ BaselineId: allow, PatchGroup: 'allow' }));
    const a = await node(t, 1, { Tags: { PatchGroup: 'block' } });
    const b = await node(t, 2, { Tags: { PatchGroup: 'allow' } });
    await runPatch(t, [a, b], { Operation: ['Scan'] });
    const kernel = async (id: string) => (await instancePatches(t.ssm, id, [{ Key: 'KBId', Values: ['kernel.x86_64'] }]))[0];
    expect((await kernel(a)).State).toBe('InstalledRejected');
    expect((await patchState(t.ssm, a))!.InstalledRejectedCount).toBeGreaterThan(0);
    expect((await kernel(b)).State).toBe('InstalledOther');
  });

  it('Windows: a security update not approved yet is an available security update (non-compliant only if the baseline says so)', async () => {
    await t.http.post('/_emulator/clock').send({ now: '2025-01-16T00:00:00Z' });
    const strict = await createBaseline(t.ssm, {
      Name: 'strict',
      OperatingSystem: 'WINDOWS',
      ApprovalRules: { PatchRules: [{ PatchFilterGroup: { PatchFilters: [{ Key: 'CLASSIFICATION', Values: ['SecurityUpdates', 'CriticalUpdates'] }] }, ApproveAfterDays: 7 }] },
      AvailableSecurityUpdatesComplianceStatus: 'NON_COMPLIANT',
    });
    await t.ssm.send(new RegisterPatchBaselineForPatchGroupCommand({ BaselineId: strict, PatchGroup: 'strict' }));
    const lenient = await node(t, 1, { Platform: 'windows-2022', Patches: { ImageDate: '2025-01-01T00:00:00Z' } });
    const strictNode = await node(t, 2, { Platform: 'windows-2022', Patches: { ImageDate: '2025-01-01T00:00:00Z' }, Tags: { PatchGroup: 'strict' } });
    await runPatch(t, [lenient, strictNode], { Operation: ['Scan'] });
    const s = (await patchState(t.ssm, lenient))!;
    expect(s.AvailableSecurityUpdateCount).toBeGreaterThan(0);
    expect(s.MissingCount).toBe(0);
    expect(s.SecurityNonCompliantCount).toBe(0);
    const available = await instancePatches(t.ssm, lenient, [{ Key: 'State', Values: ['AvailableSecurityUpdate'] }]);
    expect(available.some((p) => p.Title!.startsWith('2025-01 Cumulative Update'))).toBe(true);
    expect((await patchState(t.ssm, strictNode))!.SecurityNonCompliantCount).toBe(s.AvailableSecurityUpdateCount);
  });

  it('patches released after the virtual now do not exist: setting the clock back replays history', async () => {
    const id = await node(t, 1, { Patches: { ImageDate: '2024-06-01T00:00:00Z' } });
    await runPatch(t, [id], { Operation: ['Scan'] });
    const early = (await patchState(t.ssm, id))!.MissingCount!;
    await t.advance(180 * DAY);
    await runPatch(t, [id], { Operation: ['Scan'] });
    const late = (await patchState(t.ssm, id))!.MissingCount!;
    expect(late).toBeGreaterThan(early);
    await t.http.post('/_emulator/clock').send({ now: '2025-01-01T00:00:00Z' });
    await runPatch(t, [id], { Operation: ['Scan'] });
    expect((await patchState(t.ssm, id))!.MissingCount).toBe(early);
  });

  it('a node whose OS has no catalog fails the step and says why (never a fake success)', async () => {
    const mac = await node(t, 1, { Platform: 'macos-14' });
    const { commandId, status } = await runPatch(t, [mac], { Operation: ['Scan'] });
    expect(status).toBe('Failed');
    const inv = await t.ssm.send(new GetCommandInvocationCommand({ CommandId: commandId, InstanceId: mac, PluginName: 'PatchMacOS' }));
    expect(inv.StandardErrorContent).toContain('no patch catalog serves it');
    expect(await patchState(t.ssm, mac)).toBeUndefined();
  });
});

describe('AWS-RunPatchBaseline: Install', () => {
  const t = useEmulator();

  it('installs the missing approved patches, taking longer for more of them, reboots, and reports compliant', async () => {
    const many = await node(t, 1, { Patches: { ImageDate: '2024-03-01T00:00:00Z' } });
    const few = await node(t, 2, { Patches: { ImageDate: '2024-12-01T00:00:00Z' } });
    const { commandId, status } = await runPatch(t, [many, few], { Operation: ['Install'] });
    expect(status).toBe('Success');
    const took = async (id: string) => {
      const s = (await patchState(t.ssm, id))!;
      return s.OperationEndTime!.getTime() - s.OperationStartTime!.getTime();
    };
    expect(await took(many)).toBeGreaterThan(await took(few));
    for (const id of [many, few]) {
      const s = (await patchState(t.ssm, id))!;
      expect(s).toMatchObject({ Operation: 'Install', MissingCount: 0, FailedCount: 0, InstalledPendingRebootCount: 0 });
      expect(s.LastNoRebootInstallOperationTime).toBeUndefined();
    }
    const out = await t.ssm.send(new GetCommandInvocationCommand({ CommandId: commandId, ...plugin(many) }));
    expect(out.StandardOutputContent).toMatch(/Installed kernel\.x86_64:0:6\.1\./);
    expect(out.StandardOutputContent).toContain('Rebooting the node');
    // What the install put on the node stays: a scan afterwards finds nothing missing.
    await runPatch(t, [many], { Operation: ['Scan'] });
    expect((await patchState(t.ssm, many))!.MissingCount).toBe(0);
  });

  it("RebootIfNeeded reboots: the node's agent stops when the installation ends and pings again after the reboot", async () => {
    const id = await node(t, 1);
    const { Command } = await t.ssm.send(new SendCommandCommand({ InstanceIds: [id], DocumentName: 'AWS-RunPatchBaseline', Parameters: { Operation: ['Install'] } }));
    const agent = async () => (await nodes(t)).find((n) => n.InstanceId === id);
    let sawReboot = false;
    for (let s = 0; s < 3600; s += 10) {
      await t.advance(10);
      const n = await agent();
      if (!n.AgentRunning) sawReboot = true;
      const inv = await t.ssm.send(new GetCommandInvocationCommand({ CommandId: Command!.CommandId!, ...plugin(id) }));
      if (inv.Status === 'Success') break;
    }
    expect(sawReboot).toBe(true);
    const n = await agent();
    expect(n.AgentRunning).toBe(true);
    expect(n.PingStatus).toBe('Online');
  });

  it('NoReboot leaves installed patches pending a reboot (non-compliant) until an install reboots the node', async () => {
    const id = await node(t, 1);
    await runPatch(t, [id], { Operation: ['Install'], RebootOption: ['NoReboot'] });
    const s = (await patchState(t.ssm, id))!;
    expect(s.InstalledPendingRebootCount).toBeGreaterThan(0);
    expect(s.MissingCount).toBe(0);
    expect(s.RebootOption).toBe('NoReboot');
    expect(s.LastNoRebootInstallOperationTime).toEqual(s.OperationEndTime);
    expect(s.SecurityNonCompliantCount! + s.OtherNonCompliantCount! + s.CriticalNonCompliantCount!).toBe(s.InstalledPendingRebootCount);
    expect((await instancePatches(t.ssm, id, [{ Key: 'State', Values: ['InstalledPendingReboot'] }])).length).toBe(s.InstalledPendingRebootCount);
    // A scan does not reboot.
    await runPatch(t, [id], { Operation: ['Scan'] });
    expect((await patchState(t.ssm, id))!.InstalledPendingRebootCount).toBe(s.InstalledPendingRebootCount);
    // An install with RebootIfNeeded has nothing to install but reboots for the pending ones.
    await runPatch(t, [id], { Operation: ['Install'] });
    const after = (await patchState(t.ssm, id))!;
    expect(after.InstalledPendingRebootCount).toBe(0);
    expect(after.LastNoRebootInstallOperationTime).toEqual(s.LastNoRebootInstallOperationTime);
  });

  it("patches the node's fixture says fail are reported Failed, and the step fails", async () => {
    const id = await node(t, 1, { Patches: { Failing: ['kernel*'] } });
    const { commandId, status } = await runPatch(t, [id], { Operation: ['Install'] });
    expect(status).toBe('Failed');
    const inv = await t.ssm.send(new GetCommandInvocationCommand({ CommandId: commandId, ...plugin(id) }));
    expect(inv.ResponseCode).toBe(1);
    expect(inv.StandardOutputContent).toMatch(/Failed to install kernel\.x86_64/);
    expect(inv.StandardErrorContent).toContain('3 patch(es) failed to install.');
    const kernels = ['kernel-headers.x86_64', 'kernel-tools.x86_64', 'kernel.x86_64'];
    const failed = await instancePatches(t.ssm, id, [{ Key: 'State', Values: ['Failed'] }]);
    expect(failed.map((p) => p.KBId).sort()).toEqual(kernels);
    expect((await patchState(t.ssm, id))!).toMatchObject({ FailedCount: 3, MissingCount: 0 });
    // The next scan finds them missing again.
    await runPatch(t, [id], { Operation: ['Scan'] });
    expect((await instancePatches(t.ssm, id, [{ Key: 'State', Values: ['Missing'] }])).map((p) => p.KBId).sort()).toEqual(kernels);
  });

  it('InstallOverrideList installs the listed patches instead of the baseline\'s, and is recorded', async () => {
    const id = await node(t, 1);
    const url = 's3://my-bucket/override.yaml';
    const { commandId, status } = await runPatch(t, [id], { Operation: ['Install'], InstallOverrideList: [url] });
    expect(status).toBe('Failed');
    expect((await t.ssm.send(new GetCommandInvocationCommand({ CommandId: commandId, ...plugin(id) }))).StandardErrorContent).toContain('PUT /_emulator/patching/files');
    await putFile(t, url, 'patches:\n  - id: "kernel.x86_64"\n  - id: "kernel-headers.*"\n');
    const second = await runPatch(t, [id], { Operation: ['Install'], InstallOverrideList: [url] });
    expect(second.status).toBe('Success');
    const out = (await t.ssm.send(new GetCommandInvocationCommand({ CommandId: second.commandId, ...plugin(id) }))).StandardOutputContent!;
    expect(out.match(/^Installed /gm)!.length).toBe(2);
    expect(out).toContain('Installed kernel.x86_64');
    expect(out).toContain('Installed kernel-headers.x86_64');
    const s = (await patchState(t.ssm, id))!;
    expect(s.InstallOverrideList).toBe(url);
    // Compliance still reads the baseline: what it approves and the override did not install is missing.
    expect(s.MissingCount).toBeGreaterThan(0);
  });

  it('BaselineOverride replaces the baseline for the operation', async () => {
    const id = await node(t, 1);
    const url = 'https://example.com/baseline-override.json';
    await putFile(
      t,
      url,
      JSON.stringify([
        { OperatingSystem: 'WINDOWS', ApprovedPatches: ['KB1'] },
        { OperatingSystem: 'AMAZON_LINUX_2023', ApprovalRules: { PatchRules: [{ PatchFilterGroup: { PatchFilters: [{ Key: 'PRODUCT', Values: ['*'] }] }, ApproveAfterDays: 0 }] }, RejectedPatches: ['kernel*'], RejectedPatchesAction: 'BLOCK' },
      ]),
    );
    await runPatch(t, [id], { Operation: ['Scan'], BaselineOverride: [url] });
    const kernel = await instancePatches(t.ssm, id, [{ Key: 'KBId', Values: ['kernel.x86_64'] }]);
    expect(kernel[0].State).toBe('InstalledRejected');
  });

  it('a SnapshotId gives every node the approvals of the moment the snapshot was taken', async () => {
    const baseline = await createBaseline(t.ssm, { ApprovalRules: { PatchRules: [{ PatchFilterGroup: { PatchFilters: [{ Key: 'SEVERITY', Values: ['Critical'] }] }, ApproveAfterDays: 0 }] } });
    await t.ssm.send(new RegisterPatchBaselineForPatchGroupCommand({ BaselineId: baseline, PatchGroup: 'g' }));
    const a = await node(t, 1, { Tags: { PatchGroup: 'g' } });
    const b = await node(t, 2, { Tags: { PatchGroup: 'g' } });
    const snapshot = '0f2e1b1c-1111-4222-8333-944455556666';
    await runPatch(t, [a], { Operation: ['Scan'], SnapshotId: [snapshot] });
    await t.ssm.send(new UpdatePatchBaselineCommand({ BaselineId: baseline, ApprovalRules: { PatchRules: [{ PatchFilterGroup: { PatchFilters: [{ Key: 'PRODUCT', Values: ['*'] }] }, ApproveAfterDays: 0 }] } }));
    await runPatch(t, [b], { Operation: ['Scan'], SnapshotId: [snapshot] });
    const sa = (await patchState(t.ssm, a))!;
    const sb = (await patchState(t.ssm, b))!;
    expect(sb.SnapshotId).toBe(snapshot);
    expect(sb.MissingCount).toBe(sa.MissingCount);
    // A new snapshot sees the updated baseline.
    await runPatch(t, [b], { Operation: ['Scan'] });
    expect((await patchState(t.ssm, b))!.MissingCount).toBeGreaterThan(sa.MissingCount!);
  });

  it('CancelCommand during an install: nothing is installed and the node is not rebooted', async () => {
    const id = await node(t, 1);
    const { Command } = await t.ssm.send(new SendCommandCommand({ InstanceIds: [id], DocumentName: 'AWS-RunPatchBaseline', Parameters: { Operation: ['Install'] } }));
    await t.advance(30);
    await t.ssm.send(new CancelCommandCommand({ CommandId: Command!.CommandId! }));
    await t.advance(3600);
    expect((await nodes(t)).find((n) => n.InstanceId === id).AgentRunning).toBe(true);
    expect(await patchState(t.ssm, id)).toBeUndefined();
    await runPatch(t, [id], { Operation: ['Scan'] });
    expect((await patchState(t.ssm, id))!.MissingCount).toBeGreaterThan(0);
  });

  it('Windows installs take minutes per update, and AWS-ApplyPatchBaseline (schema 1.2) does the same', async () => {
    const id = await node(t, 1, { Platform: 'windows-2019' });
    const { status } = await runPatch(t, [id], { Operation: ['Install'] }, { document: 'AWS-ApplyPatchBaseline' });
    expect(status).toBe('Success');
    const s = (await patchState(t.ssm, id))!;
    expect(s).toMatchObject({ Operation: 'Install', MissingCount: 0 });
    expect(s.InstalledCount).toBeGreaterThan(0);
    expect(s.OperationEndTime!.getTime() - s.OperationStartTime!.getTime()).toBeGreaterThan(5 * 60_000);
  });

  it('AWS-RunPatchBaselineAssociation picks the baseline by its tags', async () => {
    const tagged = await createBaseline(t.ssm, { Name: 'tagged', ApprovalRules: undefined, ApprovedPatches: ['kernel.x86_64'] });
    await t.ssm.send(new AddTagsToResourceCommand({ ResourceType: 'PatchBaseline', ResourceId: tagged, Tags: [{ Key: 'Team', Value: 'infra' }] }));
    const id = await node(t, 1);
    await runPatch(t, [id], { Operation: ['Scan'], BaselineTags: ['Key=Team,Values=infra'] }, { document: 'AWS-RunPatchBaselineAssociation' });
    expect((await patchState(t.ssm, id))!.BaselineId).toBe(tagged);
    const { status } = await runPatch(t, [id], { Operation: ['Scan'], BaselineTags: ['Key=Team,Values=nobody'] }, { document: 'AWS-RunPatchBaselineAssociation' });
    expect(status).toBe('Failed');
  });

  it('a removed node has no patch state', async () => {
    const id = await node(t, 1);
    await runPatch(t, [id], { Operation: ['Scan'] });
    await t.http.delete(`/_emulator/fleet/instances/${id}`);
    expect(await patchState(t.ssm, id)).toBeUndefined();
  });
});

describe('Patch compliance and events', () => {
  const written = defineSlice('patching-test-compliance', () => ({ puts: [] as PutComplianceItemsRequest[] }), obj({ puts: arr(anyJson) }));
  const recorder: Area = {
    name: 'patching-test-compliance',
    provides: [complianceWriter.provide({ put: (ctx, request) => void written.of(ctx.scope).puts.push(structuredClone(request)) })],
  };
  const t = useEmulator({ areas: [...areas, recorder] });

  it('each operation writes the node\'s Patch compliance (COMPLETE), one item per reported patch', async () => {
    const id = await node(t, 1);
    await runPatch(t, [id], { Operation: ['Scan'] });
    const [put] = written.of(t.emu.store.scope('000000000000', 'us-east-1')).puts;
    const s = (await patchState(t.ssm, id))!;
    expect(put).toMatchObject({ ResourceId: id, ResourceType: 'ManagedInstance', ComplianceType: 'Patch', UploadType: 'COMPLETE' });
    expect(put.ExecutionSummary).toEqual({ ExecutionTime: s.OperationEndTime!.getTime() / 1000, ExecutionId: s.SnapshotId, ExecutionType: 'Command' });
    const missing = put.Items.filter((i) => i.Details!.PatchState === 'Missing');
    expect(missing.length).toBe(s.MissingCount);
    expect(missing.every((i) => i.Status === 'NON_COMPLIANT' && i.Severity === 'UNSPECIFIED' && i.Details!.PatchBaselineId === s.BaselineId)).toBe(true);
    expect(put.Items.filter((i) => i.Details!.PatchState === 'Installed').every((i) => i.Status === 'COMPLIANT' && i.Details!.InstalledTime)).toBe(true);
  });

  it('the plugin claims only the patching documents: other scripts still run in the shell', async () => {
    const id = iid(1);
    await node(t, 1);
    const { Command } = await t.ssm.send(new SendCommandCommand({ InstanceIds: [id], DocumentName: 'AWS-RunShellScript', Parameters: { commands: ['echo plain'] } }));
    await t.advance(10);
    expect((await t.ssm.send(new GetCommandInvocationCommand({ CommandId: Command!.CommandId!, InstanceId: id }))).StandardOutputContent).toBe('plain\n');
  });
});

describe('Patch compliance through the Compliance area', () => {
  const t = useEmulator();

  it('sends "Configuration Compliance State Change" when the patch compliance of a node changes', async () => {
    const id = await node(t, 1);
    await runPatch(t, [id], { Operation: ['Scan'] });
    await runPatch(t, [id], { Operation: ['Scan'] });
    await runPatch(t, [id], { Operation: ['Install'] });
    const events = (await t.http.get('/_emulator/events?detail-type=Configuration%20Compliance%20State%20Change')).body.events as any[];
    expect(events.map((e) => e.detail['compliance-status'])).toEqual(['non_compliant', 'compliant']);
    expect(events[0]).toMatchObject({
      source: 'aws.ssm',
      resources: [`arn:aws:ssm:us-east-1:000000000000:managed-instance/${id}`],
      detail: { 'resource-type': 'managed-instance', 'resource-id': id, 'compliance-type': 'Patch', 'patch-baseline-id': 'arn:aws:ssm:us-east-1:075727635805:patchbaseline/pb-05c9c9bf778d4c4d0', severity: 'unspecified' },
    });
  });

  it('lands in the compliance store (ListComplianceItems, ListResourceComplianceSummaries)', async () => {
    const id = await node(t, 1);
    await runPatch(t, [id], { Operation: ['Scan'] });
    const s = (await patchState(t.ssm, id))!;
    const items = (await t.ssm.send(new ListComplianceItemsCommand({ ResourceIds: [id], ResourceTypes: ['ManagedInstance'], Filters: [{ Key: 'ComplianceType', Values: ['Patch'] }] }))).ComplianceItems!;
    expect(items.filter((i) => i.Details!.PatchState === 'Missing')).toHaveLength(s.MissingCount!);
    const [summary] = (await t.ssm.send(new ListResourceComplianceSummariesCommand({ Filters: [{ Key: 'ComplianceType', Values: ['Patch'] }] }))).ResourceComplianceSummaryItems!;
    expect(summary).toMatchObject({ ResourceId: id, Status: s.MissingCount ? 'NON_COMPLIANT' : 'COMPLIANT' });
  });
});
