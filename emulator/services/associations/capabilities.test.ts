/**
 * Associations with the emulator's own capabilities behind their ports (providers.test.ts uses
 * stand-ins): Association compliance in ListComplianceItems and the summaries, a change calendar
 * gating runs, an Automation runbook run by the Automation engine, and an inventory association
 * filling GetInventory, a patch-scan association filling Patch Manager's patch states.
 */
import { describe as group, expect, it } from 'vitest';
import {
  CreateAssociationCommand,
  CreateDocumentCommand,
  DescribeAutomationExecutionsCommand,
  DescribeInstancePatchStatesCommand,
  GetInventoryCommand,
  ListComplianceItemsCommand,
  ListInventoryEntriesCommand,
  ListResourceComplianceSummariesCommand,
  StartAssociationsOnceCommand,
} from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { addNode, addNodes, describe, executions, expectError, iid, nodeStatus, shellAssociation, targets } from './testkit.js';

const t = useEmulator();

async function document(Name: string, DocumentType: 'Automation' | 'ChangeCalendar', Content: string, DocumentFormat: 'JSON' | 'TEXT' = 'JSON') {
  await t.ssm.send(new CreateDocumentCommand({ Name, DocumentType, DocumentFormat, Content }));
  await t.advance(1); // Creating -> Active
}

/** A DEFAULT_OPEN calendar with one event (closed during it), as the Change Calendar console writes it. */
const freeze = (start: string, end: string) =>
  [
    'BEGIN:VCALENDAR',
    'PRODID:-//AWS//Change Calendar 1.0//EN',
    'VERSION:2.0',
    'X-CALENDAR-TYPE:DEFAULT_OPEN',
    'BEGIN:VEVENT',
    'UID:freeze-1',
    'DTSTAMP:20250101T000000Z',
    `DTSTART:${start}`,
    `DTEND:${end}`,
    'SUMMARY:release freeze',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');

const complianceOf = async (id: string, type = 'Association') =>
  (await t.ssm.send(new ListComplianceItemsCommand({ ResourceIds: [id], ResourceTypes: ['ManagedInstance'], Filters: [{ Key: 'ComplianceType', Values: [type] }] }))).ComplianceItems ?? [];

group('compliance (SyncCompliance AUTO)', () => {
  it('each node\'s run is in ListComplianceItems with the association\'s severity; the summaries count it', async () => {
    await addNodes(t, 2, (k) => ({ Tags: { Role: 'web' }, Behaviors: [k === 2 ? { Match: 'check-config', ExitCode: 1, Stderr: 'drifted\n' } : { Match: 'check-config', ExitCode: 0 }] }));
    const id = await shellAssociation(t, ['check-config'], { AssociationName: 'config-check', ComplianceSeverity: 'HIGH', ScheduleExpression: 'rate(1 day)' });
    await t.advance(60);
    const [e] = await executions(t, id);
    expect(e!.Status).toBe('Failed');
    const items = [...(await complianceOf(iid(1))), ...(await complianceOf(iid(2)))];
    expect(items.map((i) => [i.ResourceId, i.Id, i.Status, i.Severity, i.ExecutionSummary?.ExecutionId])).toEqual([
      [iid(1), id, 'COMPLIANT', 'HIGH', e!.ExecutionId],
      [iid(2), id, 'NON_COMPLIANT', 'HIGH', e!.ExecutionId],
    ]);
    const summaries = (await t.ssm.send(new ListResourceComplianceSummariesCommand({ Filters: [{ Key: 'ComplianceType', Values: ['Association'] }] }))).ResourceComplianceSummaryItems!;
    expect(summaries.map((s) => [s.ResourceId, s.Status, s.OverallSeverity])).toEqual(
      expect.arrayContaining([
        [iid(1), 'COMPLIANT', 'HIGH'],
        [iid(2), 'NON_COMPLIANT', 'HIGH'],
      ]),
    );
  });

  it('MANUAL writes nothing', async () => {
    await addNode(t.http, { InstanceId: iid(1), Tags: { Role: 'web' } });
    await shellAssociation(t, ['true'], { SyncCompliance: 'MANUAL' });
    await t.advance(60);
    expect(await complianceOf(iid(1))).toEqual([]);
  });
});

group('change calendars (CalendarNames)', () => {
  it('a run while the calendar is closed is Skipped; the next one after the freeze runs', async () => {
    await addNode(t.http, { InstanceId: iid(1), Tags: { Role: 'web' } });
    // The clock starts at 2025-01-01T00:00:00Z: frozen for the first two hours.
    await document('release-freeze', 'ChangeCalendar', freeze('20250101T000000Z', '20250101T020000Z'), 'TEXT');
    await expectError(shellAssociation(t, ['true'], { CalendarNames: ['no-such-calendar'] }), 'InvalidDocument');
    const id = await shellAssociation(t, ['true'], { CalendarNames: ['release-freeze'], ScheduleExpression: 'rate(1 hour)' });
    await t.advance(5);
    expect((await executions(t, id))[0]).toMatchObject({ Status: 'Skipped', DetailedStatus: 'ChangeCalendarClosed' });
    await t.advance(3 * 3600);
    // Newest first: 03:00 and 02:00 (the event ends at 02:00) ran; 01:00 and 00:00 were skipped.
    expect((await executions(t, id)).map((e) => e.Status)).toEqual(['Success', 'Success', 'Skipped', 'Skipped']);
    expect((await nodeStatus(t, iid(1), id))!.Status).toBe('Success');
  });
});

group('Automation runbooks', () => {
  it('an association of a runbook starts a real Automation execution over its targets and ends as it does', async () => {
    await addNodes(t, 2, () => ({ Tags: { Env: 'dev' } }));
    await document(
      'TouchNode',
      'Automation',
      JSON.stringify({
        schemaVersion: '0.3',
        parameters: { InstanceId: { type: 'String' } },
        mainSteps: [{ name: 'wait', action: 'aws:sleep', inputs: { Duration: 'PT1M' } }],
      }),
    );
    const out = await t.ssm.send(
      new CreateAssociationCommand({ Name: 'TouchNode', Targets: [{ Key: 'tag:Env', Values: ['dev'] }], AutomationTargetParameterName: 'InstanceId', MaxConcurrency: '2' }),
    );
    const id = out.AssociationDescription!.AssociationId!;
    await t.advance(5);
    const [e] = await executions(t, id);
    expect(e!.Status).toBe('InProgress');
    const [target] = await targets(t, id, e!.ExecutionId!);
    expect(target).toMatchObject({ ResourceType: 'AutomationExecution' });
    const autos = (await t.ssm.send(new DescribeAutomationExecutionsCommand({ Filters: [{ Key: 'ExecutionId', Values: [target!.ResourceId!] }] }))).AutomationExecutionMetadataList!;
    expect(autos).toMatchObject([{ DocumentName: 'TouchNode', AutomationExecutionStatus: 'InProgress', TargetParameterName: 'InstanceId' }]);
    await t.advance(300);
    expect((await executions(t, id))[0]).toMatchObject({ Status: 'Success', DetailedStatus: 'Success' });
    expect((await describe(t, id)).Overview).toMatchObject({ Status: 'Success' });
  });

  it('a runbook that does not exist is refused when the association is created', async () => {
    await expectError(t.ssm.send(new CreateAssociationCommand({ Name: 'NoSuchRunbook', Targets: [{ Key: 'tag:Env', Values: ['dev'] }] })), 'InvalidDocument');
  });
});

group('inventory (AWS-GatherSoftwareInventory)', () => {
  it('an inventory association over every node fills GetInventory; the next run shows what a script changed', async () => {
    await addNodes(t, 2, () => ({ Platform: 'amazon-linux-2023', Tags: { Role: 'web' } }));
    const gather = await t.ssm.send(new CreateAssociationCommand({ Name: 'AWS-GatherSoftwareInventory', Targets: [{ Key: 'InstanceIds', Values: ['*'] }], ScheduleExpression: 'rate(1 day)' }));
    const gatherId = gather.AssociationDescription!.AssociationId!;
    await t.advance(120);
    expect((await describe(t, gatherId)).Overview).toMatchObject({ Status: 'Success', AssociationStatusAggregatedCount: { Success: 2 } });
    const apps = async (id: string) => ((await t.ssm.send(new ListInventoryEntriesCommand({ InstanceId: id, TypeName: 'AWS:Application' }))).Entries ?? []).map((a) => a['Name']);
    expect(await apps(iid(1))).toContain('amazon-ssm-agent');
    expect(await apps(iid(1))).not.toContain('nginx');

    // A desired-state association installs nginx on the web servers; the next inventory shows it.
    await shellAssociation(t, ['yum install -y nginx']);
    await t.advance(120);
    await t.ssm.send(new StartAssociationsOnceCommand({ AssociationIds: [gatherId] }));
    await t.advance(120);
    expect(await apps(iid(1))).toContain('nginx');
    const counted = await t.ssm.send(
      new GetInventoryCommand({
        Filters: [{ Key: 'AWS:Application.Name', Values: ['nginx'], Type: 'Equal' }],
        Aggregators: [{ Expression: 'AWS:Application.Name' }],
      }),
    );
    // The two nodes that have nginx, their applications counted by name.
    const byName = counted.Entities![0]!.Data!['AWS:Application']!.Content!;
    expect(byName.find((a) => a['Name'] === 'nginx')).toEqual({ Name: 'nginx', Count: '2' });
  });
});

group('patching (AWS-RunPatchBaseline)', () => {
  it('a daily scan association reports each node\'s patch state and Patch compliance', async () => {
    const ids = await addNodes(t, 2, () => ({ Platform: 'amazon-linux-2023', Tags: { Role: 'web' } }));
    const out = await t.ssm.send(
      new CreateAssociationCommand({
        Name: 'AWS-RunPatchBaseline',
        AssociationName: 'daily-patch-scan',
        Targets: [{ Key: 'tag:Role', Values: ['web'] }],
        Parameters: { Operation: ['Scan'] },
        ScheduleExpression: 'cron(0 2 * * ? *)',
      }),
    );
    const id = out.AssociationDescription!.AssociationId!;
    await t.advance(600);
    expect((await describe(t, id)).Overview).toMatchObject({ Status: 'Success', AssociationStatusAggregatedCount: { Success: 2 } });
    const states = (await t.ssm.send(new DescribeInstancePatchStatesCommand({ InstanceIds: ids }))).InstancePatchStates!;
    expect(states.map((s) => [s.InstanceId, s.Operation, s.MissingCount! > 0])).toEqual([
      [ids[0], 'Scan', true],
      [ids[1], 'Scan', true],
    ]);
    const patch = await complianceOf(ids[0]!, 'Patch');
    expect(patch.some((i) => i.Status === 'NON_COMPLIANT' && i.Details?.['PatchState'] === 'Missing')).toBe(true);
    // The association's own compliance says the scan ran; the node's patches say what it found.
    expect((await complianceOf(ids[0]!)).map((i) => [i.Id, i.Status])).toEqual([[id, 'COMPLIANT']]);
  });
});
