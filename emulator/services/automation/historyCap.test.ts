/**
 * The Automation execution history is bounded (sim/automation/engine.ts MAX_AUTOMATION_EXECUTIONS;
 * a lower limit here): past the cap the oldest finished executions are dropped, running ones never,
 * and GET /_emulator/health counts what was dropped.
 */
import { describe, expect, it } from 'vitest';
import { DescribeAutomationExecutionsCommand, GetAutomationExecutionCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { expectError, runbook, start } from './testkit.js';

const t = useEmulator({ limits: { maxAutomationExecutions: 3 } });

describe('Automation execution history cap', () => {
  it('drops the oldest finished executions first, keeps running ones, and counts the dropped in health', async () => {
    await runbook(t, 'Nap', { mainSteps: [{ name: 'nap', action: 'aws:sleep', inputs: { Duration: 'PT1S' } }] });
    await runbook(t, 'Hold', { mainSteps: [{ name: 'hold', action: 'aws:pause', inputs: {} }] });
    const held = await start(t, { DocumentName: 'Hold' });
    const first = await start(t, { DocumentName: 'Nap' });
    const second = await start(t, { DocumentName: 'Nap' });
    await t.advance(5);
    const third = await start(t, { DocumentName: 'Nap' });
    // four executions, cap three: the oldest finished one goes, not the older one still waiting
    const listed = (await t.ssm.send(new DescribeAutomationExecutionsCommand({}))).AutomationExecutionMetadataList!.map((e) => e.AutomationExecutionId);
    expect(listed.sort()).toEqual([held, second, third].sort());
    await expectError(t.ssm.send(new GetAutomationExecutionCommand({ AutomationExecutionId: first })), 'AutomationExecutionNotFoundException');
    expect((await t.ssm.send(new GetAutomationExecutionCommand({ AutomationExecutionId: held }))).AutomationExecution?.AutomationExecutionStatus).toBe('Waiting');
    expect((await t.http.get('/_emulator/health')).body.limits).toEqual({ commandsEvicted: 0, automationExecutionsEvicted: 1 });
  });
});
