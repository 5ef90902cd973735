import { describe, expect, it } from 'vitest';
import { AddTagsToResourceCommand, GetAutomationExecutionCommand, ListTagsForResourceCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { automationStarter } from '../../sim/automation/starter.js';
import { eventDate } from '../../sim/automation/events.js';
import { runbook, start } from './testkit.js';

const t = useEmulator();

describe('EventBridge events, tags and the automationStarter port', () => {
  it('sends an execution event and a step event per status change, in AWS\'s shape', async () => {
    await runbook(t, 'Nap', { mainSteps: [{ name: 'nap', action: 'aws:sleep', inputs: { Duration: 'PT2S' } }] });
    const id = await start(t, { DocumentName: 'Nap' });
    await t.advance(2);
    const events = (await t.http.get('/_emulator/events?source=aws.ssm')).body.events as any[];
    const exec = events.filter((e) => e['detail-type'] === 'EC2 Automation Execution Status-change Notification');
    expect(exec.map((e) => e.detail.Status)).toEqual(['Pending', 'InProgress', 'Success']);
    expect(exec[2].resources).toEqual([`arn:aws:ssm:us-east-1:000000000000:automation-execution/${id}`, 'arn:aws:ssm:us-east-1:000000000000:automation-definition/Nap:1']);
    expect(exec[2].detail).toEqual({
      ExecutionId: id,
      Definition: 'Nap',
      DefinitionVersion: 1,
      Status: 'Success',
      StartTime: 'Jan 1, 2025 12:00:01 AM',
      EndTime: 'Jan 1, 2025 12:00:03 AM',
      Time: 2000,
      ExecutedBy: 'arn:aws:iam::000000000000:root',
    });
    const steps = events.filter((e) => e['detail-type'] === 'EC2 Automation Step Status-change Notification');
    expect(steps.map((e) => [e.detail.StepName, e.detail.Action, e.detail.Status])).toEqual([
      ['nap', 'aws:sleep', 'InProgress'],
      ['nap', 'aws:sleep', 'Success'],
    ]);
    expect(eventDate(Date.UTC(2016, 10, 29, 19, 43, 20) / 1000)).toBe('Nov 29, 2016 7:43:20 PM');
  });

  it('tags an execution at start and through AddTagsToResource (ResourceType Automation)', async () => {
    await runbook(t, 'Nap', { mainSteps: [{ name: 'nap', action: 'aws:sleep', inputs: { Duration: 'PT2S' } }] });
    const id = await start(t, { DocumentName: 'Nap', Tags: [{ Key: 'a', Value: '1' }] });
    await t.ssm.send(new AddTagsToResourceCommand({ ResourceType: 'Automation', ResourceId: id, Tags: [{ Key: 'b', Value: '2' }] }));
    const { TagList } = await t.ssm.send(new ListTagsForResourceCommand({ ResourceType: 'Automation', ResourceId: id }));
    expect(TagList).toEqual([{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }]);
  });

  it('automationStarter starts an execution for another capability, reports its status and stops it (watchers: starterPort.test.ts)', async () => {
    await runbook(t, 'Nap', { mainSteps: [{ name: 'nap', action: 'aws:sleep', inputs: { Duration: 'PT2S' } }] });
    const ctx = t.emu.context('000000000000', 'us-east-1');
    const starter = t.emu.ports.one(automationStarter)!;
    const id = starter.start(ctx, { DocumentName: 'Nap' }, { kind: 'nobody-watches', id: 'task-1' });
    expect(starter.status(ctx, id)).toBe('Pending');
    await t.advance(2);
    expect(starter.status(t.emu.context('000000000000', 'us-east-1'), id)).toBe('Success');
    const other = starter.start(t.emu.context('000000000000', 'us-east-1'), { DocumentName: 'Nap' });
    await t.advance(1);
    starter.stop(t.emu.context('000000000000', 'us-east-1'), other);
    await t.advance(1);
    expect(starter.status(t.emu.context('000000000000', 'us-east-1'), other)).toBe('Cancelled');
    expect(starter.status(ctx, '00000000-0000-0000-0000-000000000000')).toBeUndefined();
  });
});

describe('an execution survives a snapshot and restore', () => {
  it('picks up where it was: the pending sleep ends after the restore', async () => {
    await runbook(t, 'Nap', { mainSteps: [{ name: 'nap', action: 'aws:sleep', inputs: { Duration: 'PT30S' } }, { name: 'then', action: 'aws:sleep', inputs: { Duration: 'PT1S' } }] });
    const id = await start(t, { DocumentName: 'Nap' });
    await t.advance(10);
    const snap = t.emu.snapshot();
    await t.advance(60);
    t.emu.restore(JSON.parse(JSON.stringify(snap)));
    const { AutomationExecution } = await t.ssm.send(new GetAutomationExecutionCommand({ AutomationExecutionId: id }));
    expect(AutomationExecution!.AutomationExecutionStatus).toBe('InProgress');
    await t.advance(21);
    const after = await t.ssm.send(new GetAutomationExecutionCommand({ AutomationExecutionId: id }));
    expect(after.AutomationExecution!.AutomationExecutionStatus).toBe('Success');
  });
});
