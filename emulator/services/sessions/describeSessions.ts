import { defineOperation } from '../../core/operation.js';
import { decodeToken, encodeToken } from '../../core/pagination.js';
import { toEpochSeconds } from '../../core/context.js';
import { InvalidNextToken } from '../../generated/ssm/errors.js';
import type { Session } from '../../generated/ssm/types.js';
import { HISTORY_DAYS } from '../../sim/sessions/lifecycle.js';
import { isActive, sessionsIn, type SessionRecord } from '../../sim/sessions/state.js';
import { compileSessionFilters } from './filters.js';
import * as messages from './messages.js';

/** MaxResults when the request gives none [unverified: AWS documents only the 1-200 range]. */
export const DEFAULT_MAX_RESULTS = 20;

/** The wire view of a session record. */
export function sessionView(s: SessionRecord): Session {
  return {
    SessionId: s.SessionId,
    Target: s.Target,
    Status: s.Status,
    StartDate: s.StartDate,
    ...(s.EndDate !== undefined && { EndDate: s.EndDate }),
    DocumentName: s.DocumentName,
    Owner: s.Owner,
    ...(s.Reason !== undefined && { Reason: s.Reason }),
    ...(s.MaxSessionDuration !== undefined && { MaxSessionDuration: s.MaxSessionDuration }),
    AccessType: s.AccessType,
  };
}

/**
 * DescribeSessions: State Active (Connected, Connecting, Disconnected, Terminating) or History
 * (Terminated and Failed sessions of the last 30 days), newest first, narrowed by Filters, paged
 * by a token that carries the position (the creation number), so pages stay right while sessions
 * start and end between calls.
 */
export default defineOperation('DescribeSessions', (input, ctx) => {
  const max = input.MaxResults ?? DEFAULT_MAX_RESULTS;
  const match = compileSessionFilters(input.Filters);
  let after: number | undefined;
  if (input.NextToken !== undefined) {
    const invalid = () => new InvalidNextToken(messages.invalidNextToken());
    const t = decodeToken<{ s?: unknown; st?: unknown }>(input.NextToken, invalid);
    if (typeof t.s !== 'number' || t.st !== input.State) throw invalid();
    after = t.s;
  }
  const horizon = toEpochSeconds(ctx.now) - HISTORY_DAYS * 86400;
  const wanted = (s: SessionRecord) =>
    input.State === 'Active' ? isActive(s) : !isActive(s) && (s.EndDate ?? s.StartDate) >= horizon;
  const all = Object.values(sessionsIn(ctx).sessions).sort((a, b) => b.Seq - a.Seq);
  const page: SessionRecord[] = [];
  let next: number | undefined;
  for (const s of all) {
    if (after !== undefined && s.Seq >= after) continue;
    if (!wanted(s) || !match(s)) continue;
    if (page.length === max) {
      next = page[page.length - 1]!.Seq;
      break;
    }
    page.push(s);
  }
  return { Sessions: page.map(sessionView), ...(next !== undefined && { NextToken: encodeToken({ s: next, st: input.State }) }) };
});
