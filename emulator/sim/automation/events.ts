/**
 * What Automation sends to EventBridge (user guide, "Amazon EventBridge event examples for Systems
 * Manager", Automation events), one event per change of status:
 *
 *   "EC2 Automation Execution Status-change Notification"
 *     resources: the execution's ARN and the runbook's (automation-definition/<name>:<version>)
 *     detail {ExecutionId, Definition, DefinitionVersion, Status, StartTime, EndTime, Time, ExecutedBy}
 *   "EC2 Automation Step Status-change Notification"
 *     detail {ExecutionId, Definition, DefinitionVersion, Status, StartTime, EndTime, Time, StepName, Action}
 *
 * As in AWS's examples, DefinitionVersion is a number (1.0), StartTime and EndTime are written like
 * "Nov 29, 2016 7:43:20 PM" (UTC), and Time is the elapsed milliseconds as a number. EndTime and Time
 * are present once the execution or step has ended.
 */
import type { Ctx } from '../../core/context.js';
import type { ExecutionRecord, StepRecord } from './state.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Epoch seconds as AWS's examples write them: "Nov 29, 2016 7:43:20 PM". */
export function eventDate(seconds: number): string {
  const d = new Date(Math.round(seconds * 1000));
  const h = d.getUTCHours();
  const h12 = h % 12 === 0 ? 12 : h % 12;
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  const ss = String(d.getUTCSeconds()).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()} ${h12}:${mm}:${ss} ${h < 12 ? 'AM' : 'PM'}`;
}

export const executionArn = (ctx: { account: string; region: string }, id: string) => `arn:aws:ssm:${ctx.region}:${ctx.account}:automation-execution/${id}`;
const definitionArn = (ctx: { account: string; region: string }, ex: ExecutionRecord) =>
  `arn:aws:ssm:${ctx.region}:${ctx.account}:automation-definition/${ex.DocumentName}:${ex.DocumentVersion}`;

function timing(start: number | undefined, end: number | undefined): Record<string, unknown> {
  return {
    ...(start !== undefined && { StartTime: eventDate(start) }),
    ...(end !== undefined && { EndTime: eventDate(end) }),
    ...(start !== undefined && end !== undefined && { Time: Math.round((end - start) * 1000) }),
  };
}

const versionNumber = (v: string) => (Number.isFinite(Number(v)) ? Number(v) : v);

function emit(ctx: Ctx, ex: ExecutionRecord, detailType: string, status: string, start: number | undefined, end: number | undefined, extra: Record<string, unknown>): void {
  ctx.emu.events.emit(ctx, {
    source: 'aws.ssm',
    detailType,
    resources: [executionArn(ctx, ex.AutomationExecutionId), definitionArn(ctx, ex)],
    detail: { ExecutionId: ex.AutomationExecutionId, Definition: ex.DocumentName, DefinitionVersion: versionNumber(ex.DocumentVersion), Status: status, ...timing(start, end), ...extra },
  });
}

export function emitExecutionStatus(ctx: Ctx, ex: ExecutionRecord): void {
  emit(ctx, ex, 'EC2 Automation Execution Status-change Notification', ex.AutomationExecutionStatus, ex.ExecutionStartTime, ex.ExecutionEndTime, { ExecutedBy: ex.ExecutedBy });
}

export function emitStepStatus(ctx: Ctx, ex: ExecutionRecord, step: StepRecord): void {
  emit(ctx, ex, 'EC2 Automation Step Status-change Notification', step.StepStatus, step.ExecutionStartTime, step.ExecutionEndTime, { StepName: step.StepName, Action: step.Action });
}
