import { describe, expect, it } from 'vitest';
import { DescribeAutomationStepExecutionsCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { expectError, runbook, start } from './testkit.js';

const t = useEmulator();
const steps = (input: ConstructorParameters<typeof DescribeAutomationStepExecutionsCommand>[0]) => t.ssm.send(new DescribeAutomationStepExecutionsCommand(input));

describe('DescribeAutomationStepExecutions', () => {
  it('lists the steps in order or reversed, filters them, and pages', async () => {
    await runbook(t, 'Three', {
      mainSteps: [
        { name: 'a', action: 'aws:sleep', inputs: { Duration: 'PT1S' } },
        { name: 'b', action: 'aws:sleep', inputs: { Duration: 'PT1S' } },
        { name: 'c', action: 'aws:pause', inputs: {} },
      ],
    });
    const id = await start(t, { DocumentName: 'Three' });
    await t.advance(2);
    const names = async (input: Partial<ConstructorParameters<typeof DescribeAutomationStepExecutionsCommand>[0]> = {}) =>
      ((await steps({ AutomationExecutionId: id, ...input })).StepExecutions ?? []).map((s) => s.StepName);
    expect(await names()).toEqual(['a', 'b', 'c']);
    expect(await names({ ReverseOrder: true })).toEqual(['c', 'b', 'a']);
    expect(await names({ Filters: [{ Key: 'StepExecutionStatus', Values: ['Success'] }] })).toEqual(['a', 'b']);
    expect(await names({ Filters: [{ Key: 'StepName', Values: ['c'] }] })).toEqual(['c']);
    expect(await names({ Filters: [{ Key: 'Action', Values: ['aws:pause'] }] })).toEqual(['c']);
    const p1 = await steps({ AutomationExecutionId: id, MaxResults: 2 });
    expect(p1.StepExecutions!.map((s) => s.StepName)).toEqual(['a', 'b']);
    const p2 = await steps({ AutomationExecutionId: id, MaxResults: 2, NextToken: p1.NextToken });
    expect(p2.StepExecutions!.map((s) => s.StepName)).toEqual(['c']);
    const stepId = p1.StepExecutions![1].StepExecutionId!;
    expect(await names({ Filters: [{ Key: 'StepExecutionId', Values: [stepId] }] })).toEqual(['b']);
  });

  it('refuses an unknown execution, a bad status and a bad token', async () => {
    await expectError(steps({ AutomationExecutionId: '00000000-0000-0000-0000-000000000000' }), 'AutomationExecutionNotFoundException');
    await runbook(t, 'One', { mainSteps: [{ name: 'a', action: 'aws:sleep', inputs: { Duration: 'PT1S' } }] });
    const id = await start(t, { DocumentName: 'One' });
    await expectError(steps({ AutomationExecutionId: id, Filters: [{ Key: 'StepExecutionStatus', Values: ['Nope'] }] }), 'InvalidFilterValue');
    await expectError(steps({ AutomationExecutionId: id, NextToken: 'bad' }), 'InvalidNextToken');
  });
});
