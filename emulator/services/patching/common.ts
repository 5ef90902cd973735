/**
 * What several Patch Manager handlers share: naming a baseline in a request (InvalidResourceId for
 * what is not shaped like an id or ARN, DoesNotExistException for what does not exist), the
 * PatchOrchestratorFilter lists of the Describe operations, and paging tokens.
 *
 * The filter code stays in this one file until the shared filter engine (core/filters.ts) lands.
 */
import type { Ctx } from '../../core/context.js';
import { DoesNotExistException, InvalidNextToken, InvalidResourceId, ValidationException } from '../../generated/ssm/errors.js';
import type { PatchOrchestratorFilter } from '../../generated/ssm/types.js';
import { lookupBaseline } from '../../sim/patching/baselines.js';
import * as m from '../../sim/patching/messages.js';
import type { StoredBaseline } from '../../sim/patching/state.js';

export const invalid = (msg: string) => new ValidationException(msg);

/** The baseline a request names, or AWS's error. */
export function requireBaseline(ctx: Ctx, id: string): StoredBaseline {
  const b = lookupBaseline(ctx, id);
  if (b === 'invalid') throw new InvalidResourceId(m.invalidBaselineId(id));
  if (!b) throw new DoesNotExistException(m.baselineNotFound(id));
  return b;
}

/**
 * PatchOrchestratorFilters as key -> values (a key given twice adds its values). Keys outside
 * `allowed` and filters without a key or values are refused with `error` [unverified wording].
 */
export function orchestratorFilters(
  filters: readonly PatchOrchestratorFilter[] | undefined,
  allowed: readonly string[],
  error: (msg: string) => Error = invalid,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of filters ?? []) {
    const key = f.Key ?? '';
    if (!allowed.includes(key)) throw error(m.unknownOrchestratorFilter(key, allowed));
    if (!f.Values?.length) throw error(m.filterNeedsValues(key));
    out.set(key, [...(out.get(key) ?? []), ...f.Values]);
  }
  return out;
}

/** InvalidNextToken, for pageSorted() (core/pagination.ts). */
export const badToken = () => new InvalidNextToken("The specified token isn't valid.");

/** A sortable key for an integer position. */
export const seqKey = (n: number) => String(n).padStart(12, '0');
