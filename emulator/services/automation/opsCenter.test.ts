/**
 * Automation and OpsCenter (sim/automation/opsitems.ts): a change request's OpsItem follows the
 * request; with the CreateOpsItemsOnFailure preference, failed executions create OpsItems.
 */
import { describe, expect, it } from 'vitest';
import {
  DeleteOpsItemCommand,
  DescribeOpsItemsCommand,
  GetOpsItemCommand,
  SendAutomationSignalCommand,
  StartChangeRequestExecutionCommand,
  UpdateDocumentMetadataCommand,
} from '@aws-sdk/client-ssm';
import { useEmulator, TEST_START } from '../../testing/harness.js';
import { addNode, execution, iid, runbook, start } from './testkit.js';

const t = useEmulator();

const opsItem = async (id: string) => (await t.ssm.send(new GetOpsItemCommand({ OpsItemId: id }))).OpsItem!;
const allOpsItems = async () => (await t.ssm.send(new DescribeOpsItemsCommand({}))).OpsItemSummaries ?? [];
const preferences = (body: Record<string, unknown>) => t.http.put('/_emulator/automation/preferences').send(body);

async function changeTemplate(name: string) {
  await runbook(
    t,
    name,
    { description: 'restart', templateInformation: '### restart', executableRunBooks: [{ name: 'Nap', version: '1' }], mainSteps: [{ name: 'Review', action: 'aws:approve', inputs: { Approvers: ['ops'] } }] },
    'Automation.ChangeTemplate',
  );
  await t.ssm.send(new UpdateDocumentMetadataCommand({ Name: name, DocumentReviews: { Action: 'SendForReview' } }));
  await t.ssm.send(new UpdateDocumentMetadataCommand({ Name: name, DocumentReviews: { Action: 'Approve' } }));
}

describe("a change request's OpsItem", () => {
  it('follows the request: PendingApproval, RunbookInProgress with ActualStartTime, CompletedWithSuccess with ActualEndTime', async () => {
    await runbook(t, 'Nap', { mainSteps: [{ name: 's', action: 'aws:sleep', inputs: { Duration: 'PT5S' } }] });
    await changeTemplate('Restart');
    const planned = new Date(TEST_START + 60_000);
    const plannedEnd = new Date(TEST_START + 3600_000);
    const { AutomationExecutionId: id } = await t.ssm.send(
      new StartChangeRequestExecutionCommand({ DocumentName: 'Restart', Runbooks: [{ DocumentName: 'Nap' }], ChangeRequestName: 'restart web', ScheduledTime: planned, ScheduledEndTime: plannedEnd }),
    );
    const opsItemId = (await execution(t, id!)).OpsItemId!;
    let item = await opsItem(opsItemId);
    expect(item).toMatchObject({ OpsItemType: '/aws/changerequest', Title: 'restart web', Status: 'PendingApproval', PlannedStartTime: planned, PlannedEndTime: plannedEnd });
    expect(JSON.parse(item.OperationalData!['/aws/changerequest']!.Value!)).toEqual({
      templateName: 'Restart',
      requesterArn: 'arn:aws:iam::000000000000:root',
      requesterName: 'root',
    });
    // DescribeOpsItems' Change Manager filters read that data.
    const byTemplate = await t.ssm.send(new DescribeOpsItemsCommand({ OpsItemFilters: [{ Key: 'ChangeRequestByTemplate', Values: ['Restart'], Operator: 'Equal' }] }));
    expect(byTemplate.OpsItemSummaries!.map((s) => s.OpsItemId)).toEqual([opsItemId]);

    await t.ssm.send(new SendAutomationSignalCommand({ AutomationExecutionId: id, SignalType: 'Approve' }));
    expect((await opsItem(opsItemId)).Status).toBe('Scheduled');
    await t.advance(60);
    item = await opsItem(opsItemId);
    expect(item).toMatchObject({ Status: 'RunbookInProgress', ActualStartTime: planned });
    expect(item.ActualEndTime).toBeUndefined();
    await t.advance(5);
    item = await opsItem(opsItemId);
    expect(item).toMatchObject({ Status: 'CompletedWithSuccess', ActualEndTime: new Date(TEST_START + 65_000) });
  });

  it('a rejected request leaves its OpsItem Rejected; a deleted OpsItem does not stop the request', async () => {
    await runbook(t, 'Nap', { mainSteps: [{ name: 's', action: 'aws:sleep', inputs: { Duration: 'PT5S' } }] });
    await changeTemplate('Restart');
    const first = (await t.ssm.send(new StartChangeRequestExecutionCommand({ DocumentName: 'Restart', Runbooks: [{ DocumentName: 'Nap' }] }))).AutomationExecutionId!;
    await t.ssm.send(new SendAutomationSignalCommand({ AutomationExecutionId: first, SignalType: 'Reject' }));
    expect((await opsItem((await execution(t, first)).OpsItemId!)).Status).toBe('Rejected');

    const second = (await t.ssm.send(new StartChangeRequestExecutionCommand({ DocumentName: 'Restart', Runbooks: [{ DocumentName: 'Nap' }] }))).AutomationExecutionId!;
    await t.ssm.send(new DeleteOpsItemCommand({ OpsItemId: (await execution(t, second)).OpsItemId! }));
    await t.ssm.send(new SendAutomationSignalCommand({ AutomationExecutionId: second, SignalType: 'Approve' }));
    await t.advance(5);
    expect((await execution(t, second)).AutomationExecutionStatus).toBe('CompletedWithSuccess');
  });
});

describe('OpsItems for failed executions (the CreateOpsItemsOnFailure preference)', () => {
  const failing = { mainSteps: [{ name: 'stop', action: 'aws:changeInstanceState', inputs: { InstanceIds: ['{{ InstanceId }}'], DesiredState: 'stopped' } }], parameters: { InstanceId: { type: 'String' } } };

  it('are off by default', async () => {
    await runbook(t, 'StopIt', failing);
    const id = await start(t, { DocumentName: 'StopIt', Parameters: { InstanceId: ['i-0000000000000dead'] } });
    await t.advance(5);
    expect((await execution(t, id)).AutomationExecutionStatus).toBe('Failed');
    expect(await allOpsItems()).toEqual([]);
  });

  it('a failed execution creates an OpsItem naming the execution and the runbook; one stays open per runbook', async () => {
    expect((await preferences({ CreateOpsItemsOnFailure: true }).expect(200)).body).toEqual({ ChangeCalendarNames: [], CreateOpsItemsOnFailure: true });
    await runbook(t, 'StopIt', failing);
    const id = await start(t, { DocumentName: 'StopIt', Parameters: { InstanceId: ['i-0000000000000dead'] } });
    await t.advance(5);
    const ex = await execution(t, id);
    expect(ex.AutomationExecutionStatus).toBe('Failed');
    const [summary] = await allOpsItems();
    const item = await opsItem(summary!.OpsItemId!);
    expect(item).toMatchObject({ OpsItemType: '/aws/issue', Status: 'Open', Source: 'SSM', Title: 'Automation execution Failed: StopIt', Description: ex.FailureMessage });
    expect(JSON.parse(item.OperationalData!['/aws/resources']!.Value!)).toEqual([{ arn: `arn:aws:ssm:us-east-1:000000000000:automation-execution/${id}` }]);
    expect(item.OperationalData!.automationExecutionId!.Value).toBe(id);
    // DescribeOpsItems finds it by the runbook (AutomationId) and by the execution id.
    const byRunbook = await t.ssm.send(new DescribeOpsItemsCommand({ OpsItemFilters: [{ Key: 'AutomationId', Values: ['StopIt'], Operator: 'Equal' }] }));
    expect(byRunbook.OpsItemSummaries!.map((s) => s.OpsItemId)).toEqual([item.OpsItemId]);
    const byExecution = await t.ssm.send(
      new DescribeOpsItemsCommand({ OpsItemFilters: [{ Key: 'OperationalData', Values: [JSON.stringify({ key: 'automationExecutionId', value: id })], Operator: 'Equal' }] }),
    );
    expect(byExecution.OpsItemSummaries).toHaveLength(1);

    // The runbook fails again while its OpsItem is open: no second OpsItem.
    await start(t, { DocumentName: 'StopIt', Parameters: { InstanceId: ['i-0000000000000dead'] } });
    await t.advance(5);
    expect(await allOpsItems()).toHaveLength(1);
  });

  it('successful and child executions create none; a rate-control parent that fails does', async () => {
    await preferences({ CreateOpsItemsOnFailure: true }).expect(200);
    await addNode(t.http, { InstanceId: iid(1), Tags: { Env: 'dev' } });
    await runbook(t, 'StopIt', failing);
    await start(t, { DocumentName: 'StopIt', Parameters: { InstanceId: [iid(1)] } });
    await t.advance(60);
    expect(await allOpsItems()).toEqual([]);
    const parent = await start(t, { DocumentName: 'StopIt', TargetParameterName: 'InstanceId', Targets: [{ Key: 'ParameterValues', Values: ['i-0000000000000dead', 'i-0000000000000beef'] }], MaxErrors: '0' });
    await t.advance(60);
    expect((await execution(t, parent)).AutomationExecutionStatus).toBe('Failed');
    const items = await allOpsItems();
    expect(items).toHaveLength(1);
    expect((await opsItem(items[0]!.OpsItemId!)).OperationalData!.automationExecutionId!.Value).toBe(parent);
  });

  it('the preference is off again with false; other members keep their values', async () => {
    await preferences({ ChangeCalendarNames: ['Freeze'], CreateOpsItemsOnFailure: true }).expect(200);
    expect((await preferences({ CreateOpsItemsOnFailure: false }).expect(200)).body).toEqual({ ChangeCalendarNames: ['Freeze'], CreateOpsItemsOnFailure: false });
    await preferences({ CreateOpsItemsOnFailure: 'yes' }).expect(400);
  });
});
