import { describe, expect, it } from 'vitest';
import { SendAutomationSignalCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { execution, expectError, runbook, start, stepStatuses } from './testkit.js';

const t = useEmulator();

const approval = (min = 1) => ({
  parameters: { Approvers: { type: 'StringList', default: ['arn:aws:iam::000000000000:user/ana', 'arn:aws:iam::000000000000:user/bo'] } },
  mainSteps: [
    { name: 'approve', action: 'aws:approve', timeoutSeconds: 600, inputs: { Approvers: '{{ Approvers }}', MinRequiredApprovals: min, Message: 'ok?' } },
    { name: 'after', action: 'aws:sleep', inputs: { Duration: 'PT1S' } },
  ],
});

const signal = (id: string, SignalType: 'Approve' | 'Reject' | 'Resume' | 'StartStep' | 'StopStep', Payload?: Record<string, string[]>) =>
  t.ssm.send(new SendAutomationSignalCommand({ AutomationExecutionId: id, SignalType, ...(Payload && { Payload }) }));

describe('SendAutomationSignal', () => {
  it('Approve: the execution waits (Waiting) until the approvals are in, then goes on; outputs record the decisions', async () => {
    await runbook(t, 'Approval', approval(2));
    const id = await start(t, { DocumentName: 'Approval' });
    let ex = await execution(t, id);
    expect(ex.AutomationExecutionStatus).toBe('Waiting');
    expect(ex.StepExecutions![0].StepStatus).toBe('Waiting');
    await signal(id, 'Approve', { Comment: ['looks good'] });
    expect((await execution(t, id)).AutomationExecutionStatus).toBe('Waiting');
    await signal(id, 'Approve');
    ex = await execution(t, id);
    expect(ex.AutomationExecutionStatus).toBe('InProgress');
    expect(ex.StepExecutions![0].Outputs!.ApprovalStatus).toEqual(['Approved']);
    expect(JSON.parse(ex.StepExecutions![0].Outputs!.ApproverDecisions[0])).toMatchObject({ Decision: 'Approve', Comment: 'looks good' });
    await t.advance(1);
    expect((await execution(t, id)).AutomationExecutionStatus).toBe('Success');
  });

  it('Reject fails the step and the execution', async () => {
    await runbook(t, 'Approval', approval());
    const id = await start(t, { DocumentName: 'Approval' });
    await signal(id, 'Reject', { Comment: ['no'] });
    const ex = await execution(t, id);
    expect(ex.AutomationExecutionStatus).toBe('Failed');
    expect(ex.StepExecutions![0].StepStatus).toBe('Failed');
    expect(ex.FailureMessage).toBe('The step was rejected by an approver: no.');
    expect(ex.StepExecutions![1].StepStatus).toBe('Pending');
  });

  it('an approval that nobody gives times out: TimedOut', async () => {
    await runbook(t, 'Approval', approval());
    const id = await start(t, { DocumentName: 'Approval' });
    await t.advance(600);
    const ex = await execution(t, id);
    expect(ex.AutomationExecutionStatus).toBe('TimedOut');
    expect(ex.StepExecutions![0].StepStatus).toBe('TimedOut');
  });

  it('Resume continues an aws:pause step named in the payload', async () => {
    await runbook(t, 'Pause', { mainSteps: [{ name: 'hold', action: 'aws:pause', inputs: {} }, { name: 'go', action: 'aws:sleep', inputs: { Duration: 'PT1S' } }] });
    const id = await start(t, { DocumentName: 'Pause' });
    expect((await execution(t, id)).AutomationExecutionStatus).toBe('Waiting');
    await expectError(signal(id, 'Resume'), 'InvalidAutomationSignalException');
    await expectError(signal(id, 'Resume', { StepName: ['nope'] }), 'AutomationStepNotFoundException');
    await expectError(signal(id, 'Approve'), 'InvalidAutomationSignalException');
    await signal(id, 'Resume', { StepName: ['hold'] });
    await t.advance(1);
    expect(await stepStatuses(t, id)).toEqual({ hold: 'Success', go: 'Success' });
  });

  it('Interactive mode: Waiting between steps; StartStep runs the named step; StopStep stops a running one', async () => {
    await runbook(t, 'Steps', {
      mainSteps: [
        { name: 'one', action: 'aws:sleep', inputs: { Duration: 'PT5S' } },
        { name: 'two', action: 'aws:sleep', inputs: { Duration: 'PT5S' } },
      ],
    });
    const id = await start(t, { DocumentName: 'Steps', Mode: 'Interactive' });
    let ex = await execution(t, id);
    expect(ex).toMatchObject({ Mode: 'Interactive', AutomationExecutionStatus: 'Waiting' });
    await expectError(signal(id, 'StartStep', { StepName: ['three'] }), 'AutomationStepNotFoundException');
    await signal(id, 'StartStep', { StepName: ['one'] });
    expect((await execution(t, id)).AutomationExecutionStatus).toBe('InProgress');
    await expectError(signal(id, 'StartStep', { StepName: ['two'] }), 'InvalidAutomationSignalException');
    await t.advance(5);
    ex = await execution(t, id);
    expect(ex.AutomationExecutionStatus).toBe('Waiting');
    expect(ex.StepExecutions![0]).toMatchObject({ StepStatus: 'Success', ValidNextSteps: ['two'] });
    await signal(id, 'StartStep', { StepName: ['two'] });
    const running = (await execution(t, id)).StepExecutions![1];
    await expectError(signal(id, 'StopStep', { StepExecutionId: ['00000000-0000-0000-0000-000000000000'] }), 'AutomationStepNotFoundException');
    await signal(id, 'StopStep', { StepExecutionId: [running.StepExecutionId!] });
    ex = await execution(t, id);
    expect(ex.StepExecutions![1].StepStatus).toBe('Cancelled');
    expect(ex.AutomationExecutionStatus).toBe('Waiting');
  });

  it('refuses signals to an unknown or finished execution', async () => {
    await expectError(signal('00000000-0000-0000-0000-000000000000', 'Approve'), 'AutomationExecutionNotFoundException');
    await runbook(t, 'Quick', { mainSteps: [{ name: 's', action: 'aws:sleep', inputs: { Duration: 'PT1S' } }] });
    const id = await start(t, { DocumentName: 'Quick' });
    await t.advance(1);
    await expectError(signal(id, 'Approve'), 'InvalidAutomationSignalException');
  });
});
