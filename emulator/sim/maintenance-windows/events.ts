/**
 * What Maintenance Windows sends to EventBridge (user guide, "Amazon EventBridge event examples for
 * Systems Manager", Maintenance Windows events; EventBridge's list of SSM service events):
 *
 *   Maintenance Window State-change Notification          {window-id, status: ENABLED | DISABLED}
 *   Maintenance Window Target Registration Notification   {window-target-id, window-id, status: REGISTERED | DEREGISTERED}
 *   Maintenance Window Task Registration Notification     {window-task-id, window-id, status: REGISTERED | DEREGISTERED}
 *       (listed by EventBridge; no example is published, so its detail mirrors the target's [unverified])
 *   Maintenance Window Execution State-change Notification            {start-time, end-time, window-id, window-execution-id, status}
 *   Maintenance Window Task Execution State-change Notification       {start-time, task-execution-id, end-time, window-id, window-execution-id, status}
 *   Maintenance Window Task Target Invocation State-change Notification
 *       {start-time, end-time, window-id, window-execution-id, task-execution-id, window-target-id, status, owner-information}
 *
 * resources: the window's ARN (plus the target's or task's for registrations). Times are ISO 8601
 * with milliseconds, as in the examples; end-time is left out while a run has not ended. One event
 * per status change.
 */
import type { Ctx } from '../../core/context.js';
import { arn } from '../../core/context.js';
import type { ExecutionRecord, InvocationRecord, TaskExecutionRecord } from './state.js';

const iso = (seconds: number) => new Date(Math.round(seconds * 1000)).toISOString();

export const windowArn = (ctx: Ctx, windowId: string) => arn(ctx, 'ssm', `maintenancewindow/${windowId}`);

function emit(ctx: Ctx, detailType: string, resources: string[], detail: Record<string, unknown>): void {
  ctx.emu.events.emit(ctx, { source: 'aws.ssm', detailType, resources, detail });
}

const times = (run: { StartTime: number; EndTime?: number }) => ({
  'start-time': iso(run.StartTime),
  ...(run.EndTime !== undefined && { 'end-time': iso(run.EndTime) }),
});

export function emitWindowState(ctx: Ctx, windowId: string, enabled: boolean): void {
  emit(ctx, 'Maintenance Window State-change Notification', [windowArn(ctx, windowId)], { 'window-id': windowId, status: enabled ? 'ENABLED' : 'DISABLED' });
}

export function emitTargetRegistration(ctx: Ctx, windowId: string, targetId: string, status: 'REGISTERED' | 'DEREGISTERED'): void {
  emit(ctx, 'Maintenance Window Target Registration Notification', [windowArn(ctx, windowId), arn(ctx, 'ssm', `windowtarget/${targetId}`)], {
    'window-target-id': targetId,
    'window-id': windowId,
    status,
  });
}

export function emitTaskRegistration(ctx: Ctx, windowId: string, taskId: string, status: 'REGISTERED' | 'DEREGISTERED'): void {
  emit(ctx, 'Maintenance Window Task Registration Notification', [windowArn(ctx, windowId), arn(ctx, 'ssm', `windowtask/${taskId}`)], {
    'window-task-id': taskId,
    'window-id': windowId,
    status,
  });
}

export function emitExecution(ctx: Ctx, exec: ExecutionRecord): void {
  emit(ctx, 'Maintenance Window Execution State-change Notification', [windowArn(ctx, exec.WindowId)], {
    ...times(exec),
    'window-id': exec.WindowId,
    'window-execution-id': exec.WindowExecutionId,
    status: exec.Status,
  });
}

export function emitTaskExecution(ctx: Ctx, exec: ExecutionRecord, te: TaskExecutionRecord): void {
  emit(ctx, 'Maintenance Window Task Execution State-change Notification', [windowArn(ctx, exec.WindowId)], {
    ...times(te),
    'task-execution-id': te.TaskExecutionId,
    'window-id': exec.WindowId,
    'window-execution-id': exec.WindowExecutionId,
    status: te.Status,
  });
}

export function emitInvocation(ctx: Ctx, exec: ExecutionRecord, te: TaskExecutionRecord, inv: InvocationRecord): void {
  emit(ctx, 'Maintenance Window Task Target Invocation State-change Notification', [windowArn(ctx, exec.WindowId)], {
    ...times(inv),
    'window-id': exec.WindowId,
    'window-execution-id': exec.WindowExecutionId,
    'task-execution-id': te.TaskExecutionId,
    ...(inv.WindowTargetId !== undefined && { 'window-target-id': inv.WindowTargetId }),
    status: inv.Status,
    ...(inv.OwnerInformation !== undefined && { 'owner-information': inv.OwnerInformation }),
  });
}
