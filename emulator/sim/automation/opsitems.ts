/**
 * Automation and OpsCenter. Both go through the ops-items area (the opsItemCreator port to create,
 * UpdateOpsItem through the internal invoke to edit); without that area there is nothing to do.
 *
 * - A change request's OpsItem (type /aws/changerequest, OpsItemId on the execution) follows the
 *   request as Change Manager's does: its Status is the request's status whenever that is one of
 *   the OpsItem workflow statuses (PendingApproval, Approved, Scheduled, RunbookInProgress,
 *   CompletedWithSuccess...), ActualStartTime is set when the runbook starts and ActualEndTime when
 *   the request ends (API reference, OpsItem: "Currently reported only for the OpsItem type
 *   /aws/changerequest"); PlannedStartTime/PlannedEndTime are ScheduledTime/ScheduledEndTime and
 *   /aws/changerequest holds templateName and the requester, so the ChangeRequestBy* filters of
 *   DescribeOpsItems find it.
 * - OpsItems for failed executions. In AWS this is an EventBridge rule on "EC2 Automation Execution
 *   Status-change Notification" (status Failed or TimedOut) whose target is OpsCenter; the emulator has
 *   no EventBridge rules, so the Automation preference CreateOpsItemsOnFailure (control route) stands
 *   in for that rule. A top-level execution (not a child: its parent fails too and names it) that ends
 *   Failed or TimedOut creates an issue OpsItem: the execution's ARN under /aws/resources, the runbook
 *   under /aws/automations (the console offers it to run again; DescribeOpsItems' AutomationId filter
 *   finds it), the execution id as searchable operational data, and one dedup string per runbook, so
 *   a runbook that keeps failing keeps one open OpsItem. The title, source and dedup string are the
 *   emulator's choice [unverified]: a rule's input transformer decides them in AWS.
 */
import type { Ctx } from '../../core/context.js';
import { toEpochSeconds } from '../../core/context.js';
import { ServiceError } from '../../core/errors.js';
import type { AutomationExecutionStatus, CreateOpsItemRequest } from '../../generated/ssm/types.js';
import { opsItemCreator } from '../ops-items/creator.js';
import { executionArn } from './events.js';
import { automationOf, type ExecutionRecord } from './state.js';

/** The OpsItem workflow statuses a change request's status maps to one for one (the model's OpsItemStatus enum). */
const OPS_ITEM_STATUSES: ReadonlySet<string> = new Set([
  'Pending', 'InProgress', 'TimedOut', 'Cancelling', 'Cancelled', 'Failed', 'CompletedWithSuccess', 'CompletedWithFailure', 'Scheduled',
  'RunbookInProgress', 'PendingChangeCalendarOverride', 'ChangeCalendarOverrideApproved', 'ChangeCalendarOverrideRejected',
  'PendingApproval', 'Approved', 'Rejected',
]);

const FAILED: ReadonlySet<AutomationExecutionStatus> = new Set(['Failed', 'TimedOut']);

const searchable = (value: unknown) => ({ Value: typeof value === 'string' ? value : JSON.stringify(value), Type: 'SearchableString' as const });

/** The operational data and planned times of a change request's OpsItem. */
export function changeRequestOpsItem(
  request: { templateName: string; requesterArn: string; targetsResourceGroup?: string; scheduledTime?: number; scheduledEndTime?: number },
): Pick<CreateOpsItemRequest, 'OperationalData' | 'PlannedStartTime' | 'PlannedEndTime'> {
  const requesterName = request.requesterArn.split(/[:/]/).pop() ?? request.requesterArn;
  const data = {
    templateName: request.templateName,
    requesterArn: request.requesterArn,
    requesterName,
    ...(request.targetsResourceGroup !== undefined && { targetsResourceGroup: request.targetsResourceGroup }),
  };
  return {
    OperationalData: { '/aws/changerequest': searchable(data) },
    ...(request.scheduledTime !== undefined && { PlannedStartTime: request.scheduledTime }),
    ...(request.scheduledEndTime !== undefined && { PlannedEndTime: request.scheduledEndTime }),
  };
}

/** The execution's status changed: a change request's OpsItem follows it. */
export function statusChanged(ctx: Ctx, ex: ExecutionRecord): void {
  if (ex.OpsItemId === undefined || !OPS_ITEM_STATUSES.has(ex.AutomationExecutionStatus)) return;
  const now = toEpochSeconds(ctx.now);
  const status = ex.AutomationExecutionStatus;
  try {
    ctx.emu.invoke('ssm', 'UpdateOpsItem', {
      OpsItemId: ex.OpsItemId,
      Status: status,
      ...(status === 'RunbookInProgress' && { ActualStartTime: now }),
      ...(ex.ExecutionEndTime !== undefined && { ActualEndTime: now }),
    }, { account: ctx.account, region: ctx.region }, ctx.now);
  } catch (e) {
    // The user deleted or can no longer edit the OpsItem: the request goes on without it.
    if (!(e instanceof ServiceError)) throw e;
  }
}

/** The execution ended: with the preference on, a failed top-level execution gets an OpsItem. */
export function executionEnded(ctx: Ctx, ex: ExecutionRecord): void {
  if (!automationOf(ctx).opsItemOnFailure || !FAILED.has(ex.AutomationExecutionStatus)) return;
  if (ex.E.parentStep || ex.AutomationSubtype === 'ChangeRequest') return;
  const creator = ctx.emu.ports.one(opsItemCreator);
  if (!creator) return;
  const status = ex.AutomationExecutionStatus;
  const arn = executionArn(ctx, ex.AutomationExecutionId);
  try {
    creator.create(ctx, {
      Title: `Automation execution ${status}: ${ex.DocumentName}`.slice(0, 1024),
      Description: (ex.FailureMessage ?? `Automation execution ${ex.AutomationExecutionId} of ${ex.DocumentName} ended ${status}.`).slice(0, 2048),
      Source: 'SSM',
      OperationalData: {
        '/aws/dedup': searchable({ dedupString: `SSMAutomationFailed-${ex.DocumentName}` }),
        '/aws/resources': searchable([{ arn }]),
        '/aws/automations': searchable([{ automationType: 'AWS:SSM:Automation', automationId: ex.DocumentName }]),
        automationExecutionId: searchable(ex.AutomationExecutionId),
        automationExecutionStatus: searchable(status),
      },
    });
  } catch (e) {
    // OpsCenter's quotas: no OpsItem, the execution's outcome is unchanged.
    if (!(e instanceof ServiceError)) throw e;
  }
}
