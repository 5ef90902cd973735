/**
 * Simulation controls for Session Manager, under /_emulator/sessions (never part of the AWS
 * surface), declared as data (core/control.ts):
 *
 *   GET  /sessions                                 every session (all accounts and regions, or one),
 *                                                  with whether a data channel is attached now
 *   POST /sessions/{id}/disconnect                 cuts the session's WebSocket as a network failure
 *                                                  would: Disconnected, until the client resumes it
 *   GET  /sessions/access-requests                 just-in-time access requests
 *   POST /sessions/access-requests/{id}/approve    {"hours"?: 1-336, "approver"?}: Approved for that
 *                                                  window (default 1 hour); GetAccessToken issues
 *                                                  credentials until it ends (Expired)
 *   POST /sessions/access-requests/{id}/reject     {"approver"?}: Rejected
 *   POST /sessions/access-requests/{id}/revoke     {"approver"?}: Revoked; the node's just-in-time
 *                                                  sessions end
 *
 * 404 for an unknown request, 409 for a decision its state does not allow.
 */
import type { Runtime } from '../../core/runtime.js';
import { ControlError, defineControlRoute, type ControlRoute, type Schema } from '../../core/control.js';
import type { Ctx } from '../../core/context.js';
import { AccessDecisionError, decideAccess, MAX_ACCESS_HOURS, type AccessDecision } from '../../sim/sessions/access.js';
import { accessRevoked } from '../../sim/sessions/lifecycle.js';
import { liveSessions } from '../../sim/sessions/live.js';
import { getAccessRequest, getSession, sessionsIn, type AccessRequestRecord } from '../../sim/sessions/state.js';
import { sessionView } from './describeSessions.js';

interface Where {
  account?: string;
  region?: string;
}

const where: Record<keyof Where, Schema> = {
  account: { type: 'string', description: 'a 12-digit account id' },
  region: { type: 'string', description: 'a region name such as us-east-1' },
};

const within = (emu: Runtime, q: Where) => emu.store.scopesIn(q).map((scope) => emu.context(scope.account, scope.region));

const listSessions = defineControlRoute<undefined, Where>({
  method: 'GET',
  path: '/sessions',
  operationId: 'listSessions',
  summary: 'Every session, with its data channel state',
  description: 'DescribeSessions members plus account, region, the session type, whether a WebSocket is attached, and why an ended session ended.',
  query: where,
  responses: { 200: { description: 'The sessions', schema: { type: 'object', properties: { sessions: { type: 'array', items: { type: 'object' } } } } } },
  handle: ({ query }, emu) => {
    const live = liveSessions(emu);
    return {
      sessions: within(emu, query).flatMap((ctx) =>
        Object.values(sessionsIn(ctx).sessions)
          .sort((a, b) => a.Seq - b.Seq)
          .map((s) => ({
            account: ctx.account,
            region: ctx.region,
            ...sessionView(s),
            SessionType: s.SessionType,
            connected: live.find(ctx.account, ctx.region, s.SessionId)?.socket !== undefined,
            ...(s.EndReason !== undefined && { EndReason: s.EndReason }),
          })),
      ),
    };
  },
});

const disconnect = defineControlRoute<undefined, Where>({
  method: 'POST',
  path: '/sessions/{id}/disconnect',
  operationId: 'disconnectSession',
  summary: "Cuts a session's data channel as a network failure would",
  description:
    'Closes the WebSocket without a close frame. The session becomes Disconnected; a client resumes it with ResumeSession and a new token (session-manager-plugin does so on its own), keeping the shell and the sequence numbers.',
  query: where,
  responses: {
    200: { description: 'The session after the cut', schema: { type: 'object', properties: { session: { type: 'object' } } } },
    404: { description: 'No such session' },
    409: { description: 'No client holds the session now' },
  },
  handle: ({ params, query }, emu) => {
    for (const ctx of within(emu, query)) {
      const rec = getSession(ctx, params.id);
      if (!rec) continue;
      if (!liveSessions(emu).find(ctx.account, ctx.region, rec.SessionId)?.dropConnection()) {
        throw new ControlError('Conflict', `Session ${params.id} has no data channel connected (${rec.Status}).`, 409);
      }
      return { session: { account: ctx.account, region: ctx.region, ...sessionView(rec) } };
    }
    throw new ControlError('NotFound', `No session ${params.id}.`, 404);
  },
});

const accessView = (ctx: Ctx, r: AccessRequestRecord) => ({ account: ctx.account, region: ctx.region, ...r });

const listAccessRequests = defineControlRoute<undefined, Where>({
  method: 'GET',
  path: '/sessions/access-requests',
  operationId: 'listAccessRequests',
  summary: 'Just-in-time access requests and their status',
  query: where,
  responses: { 200: { description: 'The requests', schema: { type: 'object', properties: { accessRequests: { type: 'array', items: { type: 'object' } } } } } },
  handle: ({ query }, emu) => ({
    accessRequests: within(emu, query).flatMap((ctx) =>
      Object.values(sessionsIn(ctx).accessRequests)
        .sort((a, b) => a.Seq - b.Seq)
        .map((r) => accessView(ctx, r)),
    ),
  }),
});

interface DecisionBody {
  hours?: number;
  approver?: string;
}

const decision = (verb: AccessDecision, summary: string) =>
  defineControlRoute<DecisionBody, Where>({
    method: 'POST',
    path: `/sessions/access-requests/{id}/${verb}`,
    operationId: `${verb}AccessRequest`,
    summary,
    query: where,
    body: {
      type: 'object',
      additionalProperties: false,
      properties: {
        ...(verb === 'approve' && { hours: { type: 'integer', minimum: 1, maximum: MAX_ACCESS_HOURS, description: 'the access window (default 1)' } }),
        approver: { type: 'string', description: 'who decided (recorded as DecidedBy)' },
      },
    },
    responses: {
      200: { description: 'The request after the decision', schema: { type: 'object', properties: { accessRequest: { type: 'object' } } } },
      404: { description: 'No such access request' },
      409: { description: 'The request is not in a state that allows the decision' },
    },
    handle: ({ params, query, body }, emu) => {
      for (const ctx of within(emu, query)) {
        const found = getAccessRequest(ctx, params.id);
        if (!found) continue;
        try {
          const rec = decideAccess(ctx, found, verb, { hours: body?.hours, approver: body?.approver, onRevoke: (node) => accessRevoked(ctx, node) });
          return { accessRequest: accessView(ctx, rec) };
        } catch (e) {
          if (e instanceof AccessDecisionError) throw new ControlError('Conflict', e.message, 409);
          throw e;
        }
      }
      throw new ControlError('NotFound', `No access request ${params.id}.`, 404);
    },
  });

export const sessionsControlRoutes: readonly ControlRoute[] = [
  listSessions,
  disconnect,
  listAccessRequests,
  decision('approve', 'Approves a pending just-in-time access request'),
  decision('reject', 'Rejects a pending just-in-time access request'),
  decision('revoke', 'Revokes an approved just-in-time access request'),
];
