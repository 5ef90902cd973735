import { describe, expect, it } from 'vitest';
import { GetCommandInvocationCommand, ListCommandsCommand, StopAutomationExecutionCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { addNode, execution, expectError, iid, runbook, start, stepStatuses } from './testkit.js';

const t = useEmulator();
const stop = (id: string, Type?: 'Cancel' | 'Complete') => t.ssm.send(new StopAutomationExecutionCommand({ AutomationExecutionId: id, ...(Type && { Type }) }));

describe('StopAutomationExecution', () => {
  it('Cancel: Cancelling, then Cancelled; the running step Cancelled, the rest stay Pending', async () => {
    await runbook(t, 'Long', { mainSteps: [{ name: 'nap', action: 'aws:sleep', inputs: { Duration: 'PT1H' } }, { name: 'later', action: 'aws:sleep', inputs: { Duration: 'PT1S' } }] });
    const id = await start(t, { DocumentName: 'Long' });
    await stop(id);
    let ex = await execution(t, id);
    expect(ex.AutomationExecutionStatus).toBe('Cancelling');
    expect(ex.StepExecutions![0].StepStatus).toBe('Cancelling');
    await t.advance(1);
    ex = await execution(t, id);
    expect(ex.AutomationExecutionStatus).toBe('Cancelled');
    expect(await stepStatuses(t, id)).toEqual({ nap: 'Cancelled', later: 'Pending' });
    await expectError(stop(id), 'InvalidAutomationStatusUpdateException');
  });

  it('runs the onCancel step before ending Cancelled', async () => {
    await runbook(t, 'Tidy', {
      mainSteps: [
        { name: 'work', action: 'aws:sleep', onCancel: 'step:cleanup', inputs: { Duration: 'PT1H' } },
        { name: 'more', action: 'aws:sleep', isEnd: true, inputs: { Duration: 'PT1S' } },
        { name: 'cleanup', action: 'aws:sleep', inputs: { Duration: 'PT5S' } },
      ],
    });
    const id = await start(t, { DocumentName: 'Tidy' });
    await stop(id);
    await t.advance(1);
    expect((await execution(t, id)).AutomationExecutionStatus).toBe('Cancelling');
    await t.advance(5);
    const ex = await execution(t, id);
    expect(ex.AutomationExecutionStatus).toBe('Cancelled');
    expect(await stepStatuses(t, id)).toEqual({ work: 'Cancelled', more: 'Pending', cleanup: 'Success' });
  });

  it('cancels the command of a running aws:runCommand step', async () => {
    await addNode(t.http, { InstanceId: iid(1), Behaviors: [{ Match: 'long', DurationSeconds: 600 }] });
    await runbook(t, 'Cmd', { mainSteps: [{ name: 'run', action: 'aws:runCommand', inputs: { DocumentName: 'AWS-RunShellScript', InstanceIds: [iid(1)], Parameters: { commands: ['long'] } } }] });
    const id = await start(t, { DocumentName: 'Cmd' });
    await t.advance(2);
    await stop(id);
    await t.advance(2);
    const ex = await execution(t, id);
    expect(ex.AutomationExecutionStatus).toBe('Cancelled');
    const [cmd] = (await t.ssm.send(new ListCommandsCommand({}))).Commands!;
    expect(cmd.Status).toBe('Cancelled');
    const inv = await t.ssm.send(new GetCommandInvocationCommand({ CommandId: cmd.CommandId, InstanceId: iid(1) }));
    expect(inv.Status).toBe('Cancelled');
  });

  it('Complete ends an Interactive execution waiting between steps; not an Auto one that runs', async () => {
    await runbook(t, 'Steps', { mainSteps: [{ name: 'one', action: 'aws:sleep', inputs: { Duration: 'PT1S' } }] });
    const auto = await start(t, { DocumentName: 'Steps' });
    await expectError(stop(auto, 'Complete'), 'InvalidAutomationStatusUpdateException');
    const id = await start(t, { DocumentName: 'Steps', Mode: 'Interactive' });
    await stop(id, 'Complete');
    expect((await execution(t, id)).AutomationExecutionStatus).toBe('Success');
  });

  it('refuses an unknown execution', async () => {
    await expectError(stop('00000000-0000-0000-0000-000000000000'), 'AutomationExecutionNotFoundException');
  });
});
