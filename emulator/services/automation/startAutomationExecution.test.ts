import { describe, expect, it } from 'vitest';
import { StartAutomationExecutionCommand } from '@aws-sdk/client-ssm';
import { useEmulator, TEST_START_SECONDS } from '../../testing/harness.js';
import { execution, expectError, runbook, start, stepStatuses } from './testkit.js';

const t = useEmulator();

const sleepy = {
  description: 'two sleeps',
  parameters: { Message: { type: 'String', default: 'hi' }, Count: { type: 'Integer', default: 2 } },
  mainSteps: [
    { name: 'first', action: 'aws:sleep', inputs: { Duration: 'PT10S' } },
    { name: 'second', action: 'aws:sleep', inputs: { Duration: 'PT5S' } },
  ],
};

describe('StartAutomationExecution', () => {
  it('starts Pending, runs the steps on the virtual clock, and ends Success', async () => {
    await runbook(t, 'Sleepy', sleepy);
    const id = await start(t, { DocumentName: 'Sleepy', Parameters: { Message: ['hello'] } });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    let ex = await execution(t, id);
    expect(ex).toMatchObject({ DocumentName: 'Sleepy', DocumentVersion: '1', Mode: 'Auto', AutomationExecutionStatus: 'InProgress', CurrentStepName: 'first', CurrentAction: 'aws:sleep' });
    expect(ex.Parameters).toEqual({ Message: ['hello'], Count: ['2'] });
    expect(ex.StepExecutions!.map((s) => [s.StepName, s.StepStatus])).toEqual([
      ['first', 'InProgress'],
      ['second', 'Pending'],
    ]);
    expect(ex.ExecutionStartTime!.getTime() / 1000).toBe(TEST_START_SECONDS + 1);
    await t.advance(10);
    expect(await stepStatuses(t, id)).toEqual({ first: 'Success', second: 'InProgress' });
    await t.advance(5);
    ex = await execution(t, id);
    expect(ex.AutomationExecutionStatus).toBe('Success');
    expect(ex.ExecutionEndTime!.getTime() / 1000).toBe(TEST_START_SECONDS + 16);
    expect(ex.CurrentStepName).toBeUndefined();
    expect(ex.StepExecutions![0].Inputs).toEqual({ Duration: '"PT10S"' });
  });

  it('refuses an unknown runbook, an unknown version, and a document of another type', async () => {
    await expectError(t.ssm.send(new StartAutomationExecutionCommand({ DocumentName: 'Nope' })), 'AutomationDefinitionNotFoundException');
    await runbook(t, 'Sleepy', sleepy);
    await expectError(t.ssm.send(new StartAutomationExecutionCommand({ DocumentName: 'Sleepy', DocumentVersion: '9' })), 'AutomationDefinitionVersionNotFoundException');
    await expectError(t.ssm.send(new StartAutomationExecutionCommand({ DocumentName: 'AWS-RunShellScript' })), 'AutomationDefinitionNotFoundException');
  });

  it('checks parameters in Automation\'s words: undeclared, missing, wrong type', async () => {
    await runbook(t, 'Needs', { parameters: { InstanceId: { type: 'String' } }, mainSteps: [{ name: 's', action: 'aws:sleep', inputs: { Duration: 'PT1S' } }] });
    await expectError(t.ssm.send(new StartAutomationExecutionCommand({ DocumentName: 'Needs' })), 'InvalidAutomationExecutionParametersException', 'Missing required parameter: InstanceId in user inputs.');
    await expectError(t.ssm.send(new StartAutomationExecutionCommand({ DocumentName: 'Needs', Parameters: { InstanceId: ['i-1'], Other: ['x'] } })), 'InvalidAutomationExecutionParametersException');
  });

  it('answers the first answer to a retry with the same ClientToken, and refuses a different request with it', async () => {
    await runbook(t, 'Sleepy', sleepy);
    const token = '11111111-2222-3333-4444-555555555555';
    const a = await start(t, { DocumentName: 'Sleepy', ClientToken: token });
    const b = await start(t, { DocumentName: 'Sleepy', ClientToken: token });
    expect(b).toBe(a);
    await expectError(t.ssm.send(new StartAutomationExecutionCommand({ DocumentName: 'Sleepy', ClientToken: token, Parameters: { Message: ['x'] } })), 'IdempotentParameterMismatch');
  });
});
