import { describe, expect, it } from 'vitest';
import { DescribeOpsItemsCommand, GetOpsItemCommand, ListOpsItemEventsCommand, SendAutomationSignalCommand, StartChangeRequestExecutionCommand, UpdateDocumentMetadataCommand, type OpsItemFilter } from '@aws-sdk/client-ssm';
import { useEmulator, TEST_START } from '../../testing/harness.js';
import { calendar, createCalendar, execution, expectError, runbook } from './testkit.js';

const t = useEmulator();

const template = (autoApprovable = false) => ({
  description: 'restart with approval',
  templateInformation: '### restart',
  executableRunBooks: [{ name: 'Nap', version: '1' }],
  emergencyChange: false,
  autoApprovable,
  mainSteps: [
    {
      name: 'Review',
      action: 'aws:approve',
      timeoutSeconds: 3600,
      inputs: { Message: 'ok?', EnhancedApprovals: { Approvers: [{ approver: 'ops', type: 'IamRole', minRequiredApprovals: 2 }] } },
    },
  ],
});

async function approvedTemplate(name: string, autoApprovable = false) {
  await runbook(t, name, template(autoApprovable), 'Automation.ChangeTemplate');
  await t.ssm.send(new UpdateDocumentMetadataCommand({ Name: name, DocumentReviews: { Action: 'SendForReview' } }));
  await t.ssm.send(new UpdateDocumentMetadataCommand({ Name: name, DocumentReviews: { Action: 'Approve' } }));
}

const request = (input: Partial<ConstructorParameters<typeof StartChangeRequestExecutionCommand>[0]> = {}) =>
  t.ssm.send(new StartChangeRequestExecutionCommand({ DocumentName: 'Restart', Runbooks: [{ DocumentName: 'Nap' }], ChangeRequestName: 'restart web', ...input }));
const signal = (id: string, SignalType: 'Approve' | 'Reject') => t.ssm.send(new SendAutomationSignalCommand({ AutomationExecutionId: id, SignalType }));

describe('StartChangeRequestExecution', () => {
  it('PendingApproval until the reviews are in, then the runbook runs: RunbookInProgress, CompletedWithSuccess', async () => {
    await runbook(t, 'Nap', { mainSteps: [{ name: 's', action: 'aws:sleep', inputs: { Duration: 'PT5S' } }] });
    await approvedTemplate('Restart');
    const { AutomationExecutionId: id } = await request();
    let ex = await execution(t, id!);
    expect(ex).toMatchObject({ AutomationSubtype: 'ChangeRequest', ChangeRequestName: 'restart web', AutomationExecutionStatus: 'PendingApproval', Runbooks: [{ DocumentName: 'Nap' }] });
    expect(ex.StepExecutions![0]).toMatchObject({ StepName: 'Review', StepStatus: 'Waiting' });
    await signal(id!, 'Approve');
    expect((await execution(t, id!)).AutomationExecutionStatus).toBe('PendingApproval');
    await signal(id!, 'Approve');
    expect((await execution(t, id!)).AutomationExecutionStatus).toBe('RunbookInProgress');
    await t.advance(5);
    ex = await execution(t, id!);
    expect(ex.AutomationExecutionStatus).toBe('CompletedWithSuccess');
  });

  it('its OpsItem (/aws/changerequest) follows the request, and the ChangeRequestBy* filters find it', async () => {
    await runbook(t, 'Nap', { mainSteps: [{ name: 's', action: 'aws:sleep', inputs: { Duration: 'PT5S' } }] });
    await approvedTemplate('Restart');
    const { AutomationExecutionId: id } = await request();
    const OpsItemId = (await execution(t, id!)).OpsItemId!;
    const item = async () => (await t.ssm.send(new GetOpsItemCommand({ OpsItemId }))).OpsItem!;
    expect(await item()).toMatchObject({ OpsItemType: '/aws/changerequest', Title: 'restart web', Status: 'PendingApproval' });
    const data = () => item().then((i) => JSON.parse(i.OperationalData!['/aws/changerequest'].Value!));
    expect(await data()).toEqual({ templateName: 'Restart', requesterArn: 'arn:aws:iam::000000000000:root', requesterName: 'root' });
    const found = async (Key: string, value: string) =>
      ((await t.ssm.send(new DescribeOpsItemsCommand({ OpsItemFilters: [{ Key, Values: [value], Operator: 'Equal' } as OpsItemFilter] }))).OpsItemSummaries ?? []).map((x) => x.OpsItemId);
    expect(await found('ChangeRequestByTemplate', 'Restart')).toEqual([OpsItemId]);
    expect(await found('ChangeRequestByRequesterArn', 'arn:aws:iam::000000000000:root')).toEqual([OpsItemId]);
    expect(await found('ChangeRequestByApproverName', 'root')).toEqual([]);
    await signal(id!, 'Approve');
    await signal(id!, 'Approve');
    expect(await found('ChangeRequestByApproverName', 'root')).toEqual([OpsItemId]);
    expect((await item()).Status).toBe('RunbookInProgress');
    await t.advance(5);
    expect((await item()).Status).toBe('CompletedWithSuccess');
    const events = (await t.ssm.send(new ListOpsItemEventsCommand({ Filters: [{ Key: 'OpsItemId', Values: [OpsItemId], Operator: 'Equal' }] }))).Summaries!;
    const statuses = events.map((e) => JSON.parse(e.Detail!).Status).reverse();
    expect(statuses).toEqual(expect.arrayContaining(['Open', 'PendingApproval', 'Approved', 'RunbookInProgress', 'CompletedWithSuccess']));
  });

  it("a Rejected request's OpsItem is Rejected", async () => {
    await runbook(t, 'Nap', { mainSteps: [{ name: 's', action: 'aws:sleep', inputs: { Duration: 'PT5S' } }] });
    await approvedTemplate('Restart');
    const { AutomationExecutionId: id } = await request();
    await signal(id!, 'Reject');
    const OpsItemId = (await execution(t, id!)).OpsItemId!;
    expect((await t.ssm.send(new GetOpsItemCommand({ OpsItemId }))).OpsItem!.Status).toBe('Rejected');
  });

  it('Reject: Rejected, and the runbook never runs', async () => {
    await runbook(t, 'Nap', { mainSteps: [{ name: 's', action: 'aws:sleep', inputs: { Duration: 'PT5S' } }] });
    await approvedTemplate('Restart');
    const { AutomationExecutionId: id } = await request();
    await signal(id!, 'Reject');
    expect((await execution(t, id!)).AutomationExecutionStatus).toBe('Rejected');
    await expectError(signal(id!, 'Approve'), 'InvalidAutomationSignalException');
  });

  it('AutoApprove and a later ScheduledTime: Scheduled, then a closed calendar asks for an override', async () => {
    await runbook(t, 'Nap', { mainSteps: [{ name: 's', action: 'aws:sleep', inputs: { Duration: 'PT5S' } }] });
    await approvedTemplate('Restart', true);
    await createCalendar(t, 'Freeze', calendar('DEFAULT_CLOSED'));
    await t.http.put('/_emulator/automation/preferences').send({ ChangeCalendarNames: ['Freeze'] }).expect(200);
    const { AutomationExecutionId: id } = await request({ AutoApprove: true, ScheduledTime: new Date(TEST_START + 3600_000) });
    expect((await execution(t, id!)).AutomationExecutionStatus).toBe('Scheduled');
    await t.advance(3600);
    expect((await execution(t, id!)).AutomationExecutionStatus).toBe('PendingChangeCalendarOverride');
    await signal(id!, 'Approve');
    expect((await execution(t, id!)).AutomationExecutionStatus).toBe('RunbookInProgress');
    await t.advance(5);
    expect((await execution(t, id!)).AutomationExecutionStatus).toBe('CompletedWithSuccess');
  });

  it('refuses a template that is not approved, AutoApprove on a template that does not allow it, and a runbook it does not list', async () => {
    await runbook(t, 'Nap', { mainSteps: [{ name: 's', action: 'aws:sleep', inputs: { Duration: 'PT5S' } }] });
    await runbook(t, 'Draft', template(), 'Automation.ChangeTemplate');
    await expectError(request({ DocumentName: 'Draft' }), 'AutomationDefinitionNotApprovedException');
    await approvedTemplate('Restart');
    await expectError(request({ AutoApprove: true }), 'InvalidAutomationExecutionParametersException');
    await expectError(request({ Runbooks: [{ DocumentName: 'AWS-RestartEC2Instance' }] }), 'InvalidAutomationExecutionParametersException');
    await expectError(request({ DocumentName: 'Nap' }), 'InvalidAutomationExecutionParametersException');
    await expectError(request({ Runbooks: [{ DocumentName: 'Ghost' }] }), 'AutomationDefinitionNotFoundException');
  });
});
