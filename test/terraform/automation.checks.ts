import { expect } from 'vitest';
import { DescribeDocumentCommand, GetAutomationExecutionCommand, GetCalendarStateCommand, StartAutomationExecutionCommand } from '@aws-sdk/client-ssm';
import type { TerraformChecks } from './checks.js';

export const checks: TerraformChecks = {
  name: 'automation runbooks and change calendars',
  async afterApply({ ssm }) {
    expect((await ssm.send(new DescribeDocumentCommand({ Name: 'tf-nap' }))).Document).toMatchObject({ DocumentType: 'Automation', DocumentFormat: 'YAML' });
    const { AutomationExecutionId } = await ssm.send(new StartAutomationExecutionCommand({ DocumentName: 'tf-nap', Parameters: { Seconds: ['PT1S'] } }));
    const ex = (await ssm.send(new GetAutomationExecutionCommand({ AutomationExecutionId }))).AutomationExecution!;
    expect(ex).toMatchObject({ DocumentName: 'tf-nap', Parameters: { Seconds: ['PT1S'] } });
    expect((await ssm.send(new GetCalendarStateCommand({ CalendarNames: ['tf-freeze'] }))).State).toBe('CLOSED');
  },
  async afterDestroy({ ssm }) {
    await expect(ssm.send(new GetCalendarStateCommand({ CalendarNames: ['tf-freeze'] }))).rejects.toMatchObject({ name: 'InvalidDocument' });
  },
};
