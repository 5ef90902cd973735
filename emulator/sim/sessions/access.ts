/**
 * Just-in-time node access: StartAccessRequest files a request for a node, an approver decides
 * (on AWS: approval policies and approvers in the console; here: the control API,
 * POST /_emulator/sessions/access-requests/{id}/approve | reject | revoke), and GetAccessToken
 * answers the request's status and, once approved, temporary credentials for the access window.
 *
 * On AWS an access request is an OpsItem of type /aws/accessrequest (its id is the OpsItem's,
 * oi- and 12 hex digits). When an OpsCenter area provides the opsItemCreator port the request is
 * created through it; otherwise the id has the same form. The OpsItem's Status follows the request
 * (Pending, Approved, Rejected, Revoked; Expired, which OpsItem statuses lack, shows as Closed
 * [unverified]) and its operational data /aws/accessrequest (JSON: requesterArn, requesterId,
 * targetResourceId, sourceAccountId, sourceRegion, isReplica, then approverId / approverArn) is
 * what DescribeOpsItems' AccessRequestBy* filters read.
 *
 * Emulator rules (AWS decides these with IAM and approval policies the emulator does not have):
 * - a session started to a node while the account holds an approved, unexpired request for it is
 *   recorded with AccessType JustInTime, others Standard;
 * - the credentials' AccessKeyId is the account id, so requests signed with them stay in the same
 *   account (the emulator's convention for 12-digit access keys);
 * - an approval opens a window of `hours` (1-336, as AWS's approval policies allow; default 1
 *   [unverified]); at its end the request is Expired. Revoking ends the window and terminates the
 *   node's just-in-time sessions.
 */
import { toEpochSeconds, toMillis, type Ctx } from '../../core/context.js';
import type { Task } from '../../time/scheduler.js';
import { ResourceNotFoundException, ValidationException } from '../../generated/ssm/errors.js';
import type { Credentials, GetAccessTokenResponse, StartAccessRequestRequest } from '../../generated/ssm/types.js';
import { getInstance } from '../fleet/index.js';
import { opsItemCreator } from '../ops-items/creator.js';
import { getAccessRequest, sessionsIn, sessionsOf, type AccessRequestRecord } from './state.js';
import { emitApiCall } from './events.js';
import * as messages from './messages.js';

export const DEFAULT_ACCESS_HOURS = 1;
export const MAX_ACCESS_HOURS = 336;
export const TASK_ACCESS_EXPIRE = 'sessions.accessExpire';

const expireKey = (ctx: Ctx, id: string) => `sessions:${ctx.account}:${ctx.region}:${id}:access`;

/** The node ids a request names (Targets Key=InstanceIds). */
const nodesOf = (r: { Targets: { Key?: string; Values?: string[] }[] }) => r.Targets.flatMap((t) => (t.Key === 'InstanceIds' ? (t.Values ?? []) : []));

export function startAccessRequest(ctx: Ctx, input: StartAccessRequestRequest): { AccessRequestId: string } {
  const targets = input.Targets ?? [];
  if (targets.some((t) => t.Key !== 'InstanceIds')) throw new ValidationException(messages.accessRequestOneTarget());
  const nodes = nodesOf({ Targets: targets });
  if (nodes.length !== 1) throw new ValidationException(messages.accessRequestOneTarget());
  if (!getInstance(ctx, nodes[0]!)) throw new ResourceNotFoundException(messages.accessRequestTargetNotFound(nodes[0]!));
  const creator = ctx.emu.ports.one(opsItemCreator);
  const id = creator
    ? creator.create(ctx, {
        Title: `Access request for ${nodes[0]}`,
        Description: input.Reason,
        Source: 'SSM',
        OpsItemType: '/aws/accessrequest',
        OperationalData: accessRequestData({
          requesterArn: `arn:aws:iam::${ctx.account}:root`,
          requesterId: ctx.account,
          targetResourceId: nodes[0],
          sourceAccountId: ctx.account,
          sourceRegion: ctx.region,
          isReplica: false,
        }),
        ...(input.Tags && { Tags: input.Tags }),
      })
    : `oi-${ctx.emu.ids.hex(12)}`;
  creator?.update(ctx, { OpsItemId: id, Status: 'Pending' });
  const slice = sessionsOf(ctx);
  const rec: AccessRequestRecord = {
    AccessRequestId: id,
    Status: 'Pending',
    Reason: input.Reason,
    Targets: targets.map((t) => ({ Key: t.Key, Values: [...(t.Values ?? [])] })),
    Tags: (input.Tags ?? []).map((t) => ({ Key: t.Key, Value: t.Value })),
    Requester: `arn:aws:iam::${ctx.account}:root`,
    CreatedDate: toEpochSeconds(ctx.now),
    Seq: ++slice.seq,
  };
  slice.accessRequests[id] = rec;
  emitApiCall(ctx, 'StartAccessRequest', { reason: input.Reason, targets: input.Targets, ...(input.Tags && { tags: input.Tags }) }, { accessRequestId: id });
  return { AccessRequestId: id };
}

/** GetAccessToken: the status, and credentials while the request is approved. */
export function getAccessToken(ctx: Ctx, id: string): GetAccessTokenResponse {
  const rec = getAccessRequest(ctx, id);
  if (!rec) throw new ResourceNotFoundException(messages.accessRequestNotFound(id));
  if (rec.Status !== 'Approved' || rec.ExpirationTime === undefined) return { AccessRequestStatus: rec.Status };
  const credentials: Credentials = {
    AccessKeyId: ctx.account,
    SecretAccessKey: Buffer.from(ctx.emu.ids.bytes(30)).toString('base64'),
    SessionToken: Buffer.from(ctx.emu.ids.bytes(96)).toString('base64'),
    ExpirationTime: rec.ExpirationTime,
  };
  return { Credentials: credentials, AccessRequestStatus: rec.Status };
}

/** Whether the account holds approved, unexpired access to a node now. */
export function hasApprovedAccess(ctx: Ctx, instanceId: string): boolean {
  const now = toEpochSeconds(ctx.now);
  for (const r of Object.values(sessionsIn(ctx).accessRequests)) {
    if (r.Status === 'Approved' && (r.ExpirationTime ?? 0) > now && nodesOf(r).includes(instanceId)) return true;
  }
  return false;
}

const ACCESS_DATA_KEY = '/aws/accessrequest';
const accessRequestData = (o: Record<string, unknown>) => ({ [ACCESS_DATA_KEY]: { Type: 'SearchableString' as const, Value: JSON.stringify(o) } });

/** The request's OpsItem takes its status (and, with `fields`, more workflow data). */
function syncOpsItem(ctx: Ctx, rec: AccessRequestRecord, fields: Record<string, unknown> = {}): void {
  const creator = ctx.emu.ports.one(opsItemCreator);
  if (!creator) return;
  let data: Record<string, unknown> | undefined;
  if (Object.keys(fields).length) {
    const current = creator.operationalData(ctx, rec.AccessRequestId)?.[ACCESS_DATA_KEY]?.Value;
    try {
      data = { ...(current ? (JSON.parse(current) as Record<string, unknown>) : {}), ...fields };
    } catch {
      data = fields;
    }
  }
  creator.update(ctx, {
    OpsItemId: rec.AccessRequestId,
    Status: rec.Status === 'Expired' ? 'Closed' : rec.Status,
    ...(data && { OperationalData: accessRequestData(data) }),
  });
}

export type AccessDecision = 'approve' | 'reject' | 'revoke';

/** A decision refused: the request is not in a state that allows it. */
export class AccessDecisionError extends Error {}

/**
 * The approver's decision (control API). approve and reject take a Pending request; revoke an
 * Approved one. `onRevoke` ends the node's just-in-time sessions.
 */
export function decideAccess(
  ctx: Ctx,
  rec: AccessRequestRecord,
  decision: AccessDecision,
  opts: { hours?: number; approver?: string; onRevoke?: (instanceId: string) => void } = {},
): AccessRequestRecord {
  const need = decision === 'revoke' ? 'Approved' : 'Pending';
  if (rec.Status !== need) throw new AccessDecisionError(`Access request ${rec.AccessRequestId} is ${rec.Status}; only a ${need} request can be ${decision === 'approve' ? 'approved' : decision === 'reject' ? 'rejected' : 'revoked'}.`);
  if (opts.approver !== undefined) rec.DecidedBy = opts.approver;
  if (decision === 'reject') {
    rec.Status = 'Rejected';
  } else if (decision === 'approve') {
    const hours = opts.hours ?? DEFAULT_ACCESS_HOURS;
    rec.Status = 'Approved';
    rec.ApprovedDate = toEpochSeconds(ctx.now);
    rec.ExpirationTime = toEpochSeconds(ctx.now + hours * 3_600_000);
    ctx.emu.scheduler.schedule({ at: toMillis(rec.ExpirationTime), kind: TASK_ACCESS_EXPIRE, account: ctx.account, region: ctx.region, key: expireKey(ctx, rec.AccessRequestId), payload: { id: rec.AccessRequestId } });
  } else {
    rec.Status = 'Revoked';
    rec.ExpirationTime = toEpochSeconds(ctx.now);
    ctx.emu.scheduler.cancel(expireKey(ctx, rec.AccessRequestId));
    for (const node of nodesOf(rec)) if (!hasApprovedAccess(ctx, node)) opts.onRevoke?.(node);
  }
  const approver = opts.approver;
  syncOpsItem(ctx, rec, approver === undefined ? {} : { approverId: approver, ...(approver.startsWith('arn:') && { approverArn: approver }) });
  return rec;
}

export const accessTasks: Record<string, (task: Task<{ id: string }>, ctx: Ctx) => void> = {
  [TASK_ACCESS_EXPIRE]: (task, ctx) => {
    const rec = getAccessRequest(ctx, task.payload.id);
    if (rec && rec.Status === 'Approved') {
      rec.Status = 'Expired';
      syncOpsItem(ctx, rec);
    }
  },
};

