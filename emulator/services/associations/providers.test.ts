/**
 * What associations do with the capabilities around them, through their ports, with stand-in
 * providers: compliance written for SyncCompliance AUTO, Automation runbooks started and watched,
 * change calendars gating runs. Also the EventBridge events of association state changes.
 */
import { describe as group, expect, it, beforeEach } from 'vitest';
import { CreateAssociationCommand, DescribeAssociationExecutionTargetsCommand, DeleteAssociationCommand, type PutComplianceItemsRequest } from '@aws-sdk/client-ssm';
import type { Area } from '../../core/operation.js';
import { InvalidDocument } from '../../generated/ssm/errors.js';
import type { PutComplianceItemsRequest as ComplianceRequest, StartAutomationExecutionRequest } from '../../generated/ssm/types.js';
import { areas } from '../index.js';
import { automationStarter, automationWatchers, type AutomationOrigin } from '../../sim/automation/starter.js';
import { changeCalendars } from '../../sim/calendars/port.js';
import { complianceWriter } from '../../sim/compliance/writer.js';
import { useEmulator } from '../../testing/harness.js';
import { addNode, describe, events, executions, expectError, iid, shellAssociation } from './testkit.js';

const compliance: ComplianceRequest[] = [];
const automations: { request: StartAutomationExecutionRequest; origin?: AutomationOrigin }[] = [];
let calendar: 'OPEN' | 'CLOSED' = 'OPEN';

const standIns: Area = {
  name: 'stand-ins',
  provides: [
    complianceWriter.provide({ put: (_ctx, r) => void compliance.push(structuredClone(r)) }),
    automationStarter.provide({
      start: (_ctx, request, origin) => {
        automations.push({ request, origin });
        return `auto-${automations.length}`;
      },
      status: () => 'InProgress',
      stop: () => {},
    }),
    changeCalendars.provide({
      stateAt: (_ctx, names) => {
        if (names.some((n) => n !== 'release-freeze')) throw new InvalidDocument(`Document with name ${names[0]} does not exist.`);
        return { state: calendar };
      },
    }),
  ],
};

const t = useEmulator({ areas: [...areas, standIns] });

beforeEach(() => {
  compliance.length = 0;
  automations.length = 0;
  calendar = 'OPEN';
});

group('compliance (SyncCompliance AUTO)', () => {
  it("writes each node's Association compliance when a run ends: COMPLIANT for Success, with the association's severity", async () => {
    await addNode(t.http, { InstanceId: iid(1), Tags: { Role: 'web' } });
    const ok = await shellAssociation(t, ['true'], { ComplianceSeverity: 'CRITICAL' });
    await t.advance(5);
    expect(compliance.at(-1)).toMatchObject({
      ResourceId: iid(1),
      ResourceType: 'ManagedInstance',
      ComplianceType: 'Association',
      UploadType: 'COMPLETE',
      Items: [{ Id: ok, Severity: 'CRITICAL', Status: 'COMPLIANT', Details: { DocumentName: 'AWS-RunShellScript', DocumentVersion: '1' } }],
    });
    const bad = await shellAssociation(t, ['exit 1']);
    await t.advance(5);
    // Every AUTO association of the node, in one COMPLETE upload.
    expect(compliance.at(-1)!.Items).toEqual([
      expect.objectContaining({ Id: ok, Status: 'COMPLIANT' }),
      expect.objectContaining({ Id: bad, Status: 'NON_COMPLIANT', Severity: 'UNSPECIFIED' }),
    ]);
    // A deleted association leaves the node's compliance.
    await t.ssm.send(new DeleteAssociationCommand({ AssociationId: bad }));
    expect(compliance.at(-1)!.Items!.map((i) => i.Id)).toEqual([ok]);
  });

  it('MANUAL leaves compliance to PutComplianceItems', async () => {
    await addNode(t.http, { InstanceId: iid(1), Tags: { Role: 'web' } });
    await shellAssociation(t, ['true'], { SyncCompliance: 'MANUAL' });
    await t.advance(5);
    expect(compliance).toEqual([]);
  });
});

group('Automation runbooks', () => {
  it('an association of a runbook starts an Automation execution with its targets and rate controls, and learns how it ended', async () => {
    const out = await t.ssm.send(
      new CreateAssociationCommand({
        Name: 'AWS-StopEC2Instance',
        Targets: [{ Key: 'tag:Env', Values: ['dev'] }],
        AutomationTargetParameterName: 'InstanceId',
        MaxConcurrency: '2',
        ScheduleExpression: 'cron(0 20 * * ? *)',
      }),
    );
    const id = out.AssociationDescription!.AssociationId!;
    expect(out.AssociationDescription).toMatchObject({ AutomationTargetParameterName: 'InstanceId' });
    await t.advance(1);
    expect(automations).toHaveLength(1);
    expect(automations[0].request).toEqual({
      DocumentName: 'AWS-StopEC2Instance',
      Targets: [{ Key: 'tag:Env', Values: ['dev'] }],
      TargetParameterName: 'InstanceId',
      MaxConcurrency: '2',
    });
    const [e] = await executions(t, id);
    expect(e.Status).toBe('InProgress');
    const ctx = t.emu.context('000000000000', 'us-east-1');
    for (const w of t.emu.ports.all(automationWatchers)) if (w.kind === automations[0].origin!.kind) w.settled(ctx, 'auto-1', 'Success', automations[0].origin!);
    const [done] = await executions(t, id);
    expect(done).toMatchObject({ Status: 'Success', DetailedStatus: 'Success', ResourceCountByStatus: '{Success=1}' });
    const ts = await t.ssm.send(new DescribeAssociationExecutionTargetsCommand({ AssociationId: id, ExecutionId: e.ExecutionId }));
    expect(ts.AssociationExecutionTargets).toMatchObject([{ ResourceId: 'auto-1', ResourceType: 'AutomationExecution', Status: 'Success' }]);
    expect((await describe(t, id)).Overview).toMatchObject({ Status: 'Success', AssociationStatusAggregatedCount: {} });
  });

  it("a runbook without targets gets AWS's no-op target; rate controls need AutomationTargetParameterName", async () => {
    const out = await t.ssm.send(new CreateAssociationCommand({ Name: 'AWS-StopEC2Instance', Parameters: { InstanceId: ['i-0123456789abcdef0'] } }));
    expect(out.AssociationDescription!.Targets).toEqual([{ Key: 'aws:NoOpAutomationTag', Values: ['AWS-NoOpAutomationTarget-Value'] }]);
    await t.advance(1);
    expect(automations[0].request).toEqual({ DocumentName: 'AWS-StopEC2Instance', Parameters: { InstanceId: ['i-0123456789abcdef0'] } });
    await expectError(
      t.ssm.send(new CreateAssociationCommand({ Name: 'AWS-StopEC2Instance', Targets: [{ Key: 'tag:Env', Values: ['dev'] }], MaxConcurrency: '2' })),
      'InvalidParameters',
      /AutomationTargetParameterName is required/,
    );
    await expectError(
      t.ssm.send(new CreateAssociationCommand({ Name: 'AWS-StopEC2Instance', Targets: [{ Key: 'tag:Env', Values: ['dev'] }], AutomationTargetParameterName: 'Nope' })),
      'InvalidParameters',
    );
  });
});

group('change calendars', () => {
  it('CalendarNames gate runs: a closed calendar skips the run', async () => {
    await addNode(t.http, { InstanceId: iid(1), Tags: { Role: 'web' } });
    await expectError(shellAssociation(t, ['true'], { CalendarNames: ['unknown-calendar'] }), 'InvalidDocument');
    calendar = 'CLOSED';
    const id = await shellAssociation(t, ['true'], { CalendarNames: ['release-freeze'], ScheduleExpression: 'rate(1 hour)' });
    await t.advance(5);
    expect((await executions(t, id))[0]).toMatchObject({ Status: 'Skipped', DetailedStatus: 'ChangeCalendarClosed', ResourceCountByStatus: '{}' });
    calendar = 'OPEN';
    await t.advance(3600);
    expect((await executions(t, id)).map((e) => e.Status)).toEqual(['Success', 'Skipped']);
  });
});

group('EventBridge', () => {
  it('sends association and instance association state changes', async () => {
    await addNode(t.http, { InstanceId: iid(1), Tags: { Role: 'web' } });
    const id = await shellAssociation(t, ['true'], { ScheduleExpression: 'rate(1 day)' });
    await t.advance(5);
    const assoc = await events(t, 'EC2 State Manager Association State Change');
    expect(assoc.map((e) => e.detail.status)).toEqual(['Pending', 'Success']);
    expect(assoc[1]).toMatchObject({
      source: 'aws.ssm',
      resources: ['arn:aws:ssm:us-east-1::document/AWS-RunShellScript'],
      detail: {
        'association-id': id,
        'document-name': 'AWS-RunShellScript',
        'association-version': '1',
        'document-version': 'Optional.empty',
        targets: '[{"key":"tag:Role","values":["web"]}]',
        'creation-date': '2025-01-01T00:00:00.000Z',
        'association-status-aggregated-count': '{"Success":1}',
        'schedule-expression': 'rate(1 day)',
        'association-cwe-version': '1.0',
      },
    });
    const node = await events(t, 'EC2 State Manager Instance Association State Change');
    // What the agent reports: the run received, the run ended.
    expect(node.map((e) => e.detail.status)).toEqual(['InProgress', 'Success']);
    expect(node[1]).toMatchObject({
      resources: [`arn:aws:ec2:us-east-1:000000000000:instance/${iid(1)}`, 'arn:aws:ssm:us-east-1::document/AWS-RunShellScript'],
      detail: { 'association-id': id, 'instance-id': iid(1), 'document-version': '1', 'detailed-status': 'Success', 'instance-association-cwe-version': '1' },
    });
  });
});

// Keeps the SDK's type of the compliance request and ours in step (the writer receives the wire shape).
export type _SameShape = PutComplianceItemsRequest extends ComplianceRequest ? true : never;
