import { defineOperation } from '../../core/operation.js';
import type { Ctx } from '../../core/context.js';
import { decodeToken, encodeToken } from '../../core/pagination.js';
import { InvalidNextToken, ValidationException } from '../../generated/ssm/errors.js';
import type { ParameterMetadata } from '../../generated/ssm/types.js';
import { policiesAllow } from '../../sim/iam/policies.js';
import { parameters, type ParametersState } from '../../sim/parameters/state.js';
import { indexOf } from '../../sim/parameters/param-index.js';
import { applyFilters, candidateOf, compileLegacyFilters, compileParameterFilters, type ParameterFilter } from './filters.js';
import { recordArn, toMetadata } from '../../sim/parameters/model.js';
import * as messages from '../../sim/parameters/messages.js';

/**
 * The page size without MaxResults: 10, as recorded from AWS (AWS's API reference states no default;
 * the model allows 1-50).
 */
const DEFAULT_MAX = 10;

/**
 * The canonical names a request can match, in order, after `after`. A single Path filter or a Name
 * filter narrows this to an index range (or to direct lookups for Name Equals), so a page never
 * reads parameters it cannot return; otherwise it is every parameter of the Region.
 */
function* candidates(state: ParametersState, filter: ParameterFilter, after: string | undefined): Generator<string> {
  const ix = indexOf(state);
  // The engine has parsed the values: names carry their leading slash, paths are normalised.
  const name = filter.get('Name');
  const path = filter.get('Path');
  const range = function* (prefix: string) {
    for (const k of ix.all.iterate(after !== undefined && after >= prefix ? { after } : { from: prefix })) {
      if (!k.startsWith(prefix)) return;
      yield k;
    }
  };
  if (name && name.operator === 'Equal') {
    const keys = [...new Set(name.values as readonly string[])].sort();
    for (const k of keys) if ((after === undefined || k > after) && state.byName[k]) yield k;
  } else if (path && path.values.length === 1) {
    const p = path.values[0] as string;
    if (path.operator === 'OneLevel') yield* ix.children.get(p)?.iterate(after === undefined ? {} : { after }) ?? [];
    else yield* range(p === '/' ? '/' : `${p}/`);
  } else if (name && name.operator === 'BeginWith' && name.values.length === 1) {
    yield* range(name.values[0] as string);
  } else {
    yield* ix.all.iterate(after === undefined ? {} : { after });
  }
}

/** Parameters of other accounts in this Region whose resource policy lets the caller describe them. */
function sharedWithCaller(ctx: Ctx, filter: ParameterFilter): { arn: string; meta: ParameterMetadata }[] {
  const out: { arn: string; meta: ParameterMetadata }[] = [];
  for (const scope of ctx.emu.store.scopesIn({ region: ctx.region })) {
    const account = scope.account;
    if (account === ctx.account) continue;
    const state = parameters.peek(scope);
    if (!state) continue;
    for (const key of indexOf(state).shared) {
      const rec = state.byName[key];
      const owner = { account, region: ctx.region };
      const arn = recordArn(owner, rec);
      if (!policiesAllow(rec.ResourcePolicies.map((p) => p.Policy), ctx.account, 'ssm:DescribeParameters', arn)) continue;
      if (!filter.passesAll && !applyFilters(filter, candidateOf(key, rec))) continue;
      out.push({ arn, meta: toMetadata(owner, rec, { name: arn }) });
    }
  }
  return out.sort((a, b) => (a.arn < b.arn ? -1 : 1));
}

/**
 * DescribeParameters: metadata of the caller's parameters (or, with Shared, of parameters other
 * accounts share with it), filtered by ParameterFilters or the legacy Filters.
 *
 * Like AWS, MaxResults bounds the parameters examined for a page, not the matches: a filtered page can
 * be short or empty and still carry a NextToken; clients follow tokens to the end. Filters that name a
 * path or a name read only that part of the sorted index, so those pages are exact and cheap.
 */
export default defineOperation('DescribeParameters', (input, ctx) => {
  if (input.Filters?.length && input.ParameterFilters?.length) throw new ValidationException(messages.filtersAndParameterFilters());
  const filter = input.Filters?.length ? compileLegacyFilters(input.Filters) : compileParameterFilters(input.ParameterFilters, 'describe');
  const max = input.MaxResults ?? DEFAULT_MAX;
  const shared = input.Shared === true;
  let after: string | undefined;
  if (input.NextToken !== undefined) {
    const t = decodeToken<{ k?: unknown; s?: unknown }>(input.NextToken, () => new InvalidNextToken(messages.invalidNextToken()));
    if (typeof t.k !== 'string' || t.s !== shared) throw new InvalidNextToken(messages.invalidNextToken());
    after = t.k;
  }

  if (shared) {
    const all = sharedWithCaller(ctx, filter).filter((x) => after === undefined || x.arn > after);
    const page = all.slice(0, max);
    const result: { Parameters: ParameterMetadata[]; NextToken?: string } = { Parameters: page.map((x) => x.meta) };
    if (all.length > max) result.NextToken = encodeToken({ k: page[page.length - 1].arn, s: true });
    return result;
  }

  const state = parameters.of(ctx.scope);
  const it = candidates(state, filter, after);
  const page: ParameterMetadata[] = [];
  let examined = 0;
  let last: string | undefined;
  let next = it.next();
  while (!next.done && examined < max) {
    const key = next.value;
    examined++;
    last = key;
    const rec = state.byName[key];
    if (filter.passesAll || applyFilters(filter, candidateOf(key, rec))) page.push(toMetadata(ctx, rec));
    next = it.next();
  }
  const result: { Parameters: ParameterMetadata[]; NextToken?: string } = { Parameters: page };
  if (!next.done) result.NextToken = encodeToken({ k: last, s: false });
  return result;
});
