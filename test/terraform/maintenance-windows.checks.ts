import { expect } from 'vitest';
import {
  DescribeMaintenanceWindowScheduleCommand,
  DescribeMaintenanceWindowsCommand,
  GetMaintenanceWindowCommand,
  GetMaintenanceWindowTaskCommand,
  ListTagsForResourceCommand,
} from '@aws-sdk/client-ssm';
import type { TerraformChecks } from './checks.js';

export const checks: TerraformChecks = {
  name: 'maintenance windows',
  async afterApply({ ssm, outputs }) {
    const WindowId = outputs.window_id as string;
    const w = await ssm.send(new GetMaintenanceWindowCommand({ WindowId }));
    expect(w).toMatchObject({ Name: 'tf-weekly-patch', ScheduleTimezone: 'Asia/Seoul', ScheduleOffset: 2, Duration: 4, Cutoff: 1, Enabled: true });
    expect(w.NextExecutionTime).toMatch(/T02:00\+09:00$/);
    const tags = await ssm.send(new ListTagsForResourceCommand({ ResourceType: 'MaintenanceWindow', ResourceId: WindowId }));
    expect(tags.TagList).toEqual([{ Key: 'Owner', Value: 'terraform' }]);
    const task = await ssm.send(new GetMaintenanceWindowTaskCommand({ WindowId, WindowTaskId: outputs.window_task_id as string }));
    expect(task).toMatchObject({ TaskType: 'RUN_COMMAND', CutoffBehavior: 'CANCEL_TASK', MaxConcurrency: '2', MaxErrors: '1' });
    expect(task.TaskInvocationParameters?.RunCommand?.Parameters).toEqual({ commands: ['yum -y update', 'echo {{WINDOW_EXECUTION_ID}}'], executionTimeout: ['3600'] });
    const restart = await ssm.send(new GetMaintenanceWindowTaskCommand({ WindowId, WindowTaskId: outputs.restart_task_id as string }));
    expect(restart).toMatchObject({ TaskType: 'AUTOMATION', TaskArn: 'AWS-RestartEC2Instance', Priority: 2 });
    expect(restart.TaskInvocationParameters?.Automation).toEqual({ DocumentVersion: '$DEFAULT', Parameters: { InstanceId: ['{{RESOURCE_ID}}'] } });
    const runs = await ssm.send(new DescribeMaintenanceWindowScheduleCommand({ WindowId, MaxResults: 2 }));
    expect(runs.ScheduledWindowExecutions).toHaveLength(2);
  },
  async afterDestroy({ ssm }) {
    const left = await ssm.send(new DescribeMaintenanceWindowsCommand({ Filters: [{ Key: 'Name', Values: ['tf-'] }] }));
    expect(left.WindowIdentities).toEqual([]);
  },
};
