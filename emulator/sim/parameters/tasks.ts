/**
 * The parameters.policy scheduler task: fires what a parameter's policies have made due at the task's
 * instant (see policies.ts), then schedules the next pending one.
 *
 *   ExpirationNotification, NoChangeNotification -> a "Parameter Store Policy Action" event; the
 *                                                   policy's status becomes Finished;
 *   Expiration                                   -> the event, then the parameter is deleted.
 */
import type { Ctx } from '../../core/context.js';
import type { Task } from '../../time/scheduler.js';
import { current, parameters, type StoredPolicy } from './state.js';
import { amountOf, documentOf, dueAt, schedulePolicies } from './policies.js';
import { emitPolicyAction } from './events.js';
import { recordArn, removeParameter } from './model.js';
import * as messages from './messages.js';

export function runPolicyTask(task: Task<{ key: string }>, ctx: Ctx): void {
  const key = task.payload.key;
  const rec = parameters.of(ctx.scope).byName[key];
  if (!rec) return;
  const v = current(rec);
  const due: { p: StoredPolicy; at: number }[] = [];
  for (const p of v.Policies) {
    if (p.PolicyStatus !== 'Pending') continue;
    const at = dueAt(p, v);
    if (at !== undefined && at <= ctx.now) due.push({ p, at });
  }
  // Notifications before the expiry they announce when both fall due together.
  due.sort((a, b) => a.at - b.at || (a.p.PolicyType === 'Expiration' ? 1 : 0) - (b.p.PolicyType === 'Expiration' ? 1 : 0));
  const who = { name: rec.Name, type: v.Type, arn: recordArn(ctx, rec) };
  for (const { p } of due) {
    if (p.PolicyType === 'Expiration') {
      p.PolicyStatus = 'Finished';
      emitPolicyAction(ctx, who, p, messages.policyReasons.expired());
      removeParameter(ctx, key, { event: false });
      return;
    }
    if (p.PolicyType === 'ExpirationNotification') {
      const { amount, unit } = amountOf(p);
      const exp = v.Policies.find((x) => x.PolicyType === 'Expiration');
      emitPolicyAction(ctx, who, p, messages.policyReasons.expiresSoon(amount, unit, exp ? documentOf(exp).Attributes.Timestamp : 'unknown'));
    } else {
      const { amount, unit } = amountOf(p);
      emitPolicyAction(ctx, who, p, messages.policyReasons.unchanged(amount, unit));
    }
    p.PolicyStatus = 'Finished';
  }
  schedulePolicies(ctx, key);
}
