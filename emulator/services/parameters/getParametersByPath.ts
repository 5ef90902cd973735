import { defineOperation } from '../../core/operation.js';
import { decodeToken, encodeToken } from '../../core/pagination.js';
import { InvalidNextToken } from '../../generated/ssm/errors.js';
import type { Parameter } from '../../generated/ssm/types.js';
import { parameters } from '../../sim/parameters/state.js';
import { indexOf } from '../../sim/parameters/param-index.js';
import { isPublicName, normalisePath } from '../../sim/parameters/names.js';
import { applyFilters, candidateOf, compileParameterFilters, type Candidate } from './filters.js';
import { publicParameters } from '../../sim/parameters/public.js';
import { toParameter } from '../../sim/parameters/model.js';
import type { ParameterVersion } from '../../sim/parameters/state.js';
import * as messages from '../../sim/parameters/messages.js';

/** Parameters examined per page beyond which a filtered page ends early with a NextToken (AWS: "best effort"). */
export const SCAN_BUDGET = 1000;
/**
 * The page size without MaxResults: 10, as AWS answers it (AWS's API reference states no default; the
 * model allows 1-10, and AWS pages at 10 like DescribeParameters, recorded from AWS).
 */
const DEFAULT_MAX = 10;

/**
 * GetParametersByPath: the parameters under a path, its direct children or (Recursive) all
 * descendants, in name order, filtered by Type, KeyId or Label (a Label filter returns the labelled
 * version). Paths under /aws/ read AWS's public parameters.
 *
 * A page reads the sorted name index from the token's key, so it costs O(log n + page) however many
 * parameters the Region holds, and stays correct while parameters are added and removed between
 * pages (the token carries the last name examined, not an offset). With filters, a page ends after
 * SCAN_BUDGET examined parameters even if it is not full, with a NextToken, as AWS may.
 */
export default defineOperation('GetParametersByPath', (input, ctx) => {
  const path = normalisePath(input.Path);
  const filter = compileParameterFilters(input.ParameterFilters, 'path');
  const max = input.MaxResults ?? DEFAULT_MAX;
  const recursive = input.Recursive ?? false;
  let after: string | undefined;
  if (input.NextToken !== undefined) {
    const t = decodeToken<{ k?: unknown; p?: unknown; r?: unknown }>(input.NextToken, () => new InvalidNextToken(messages.invalidNextToken()));
    if (typeof t.k !== 'string' || t.p !== path || t.r !== recursive) throw new InvalidNextToken(messages.invalidNextToken());
    after = t.k;
  }

  const page: Parameter[] = [];
  let keys: Iterator<string>;
  let toOutput: (key: string) => Parameter | undefined;
  if (isPublicName(path)) {
    const pub = publicParameters(ctx.emu, ctx.region);
    keys = pub.names(path, recursive, after)[Symbol.iterator]();
    toOutput = (key) => {
      const p = pub.get(key)!;
      const c: Candidate = { key, version: { Type: p.Type, Tier: 'Standard', DataType: p.DataType, Labels: [] } };
      if (!filter.passesAll && !applyFilters(filter, c)) return undefined;
      return { Name: p.Name, Type: p.Type, Value: p.Value, Version: p.Version, LastModifiedDate: p.LastModifiedDate, ARN: p.ARN, DataType: p.DataType };
    };
  } else {
    const state = parameters.of(ctx.scope);
    const ix = indexOf(state);
    if (recursive) {
      const prefix = path === '/' ? '/' : `${path}/`;
      const it = ix.all.iterate(after !== undefined && after >= prefix ? { after } : { from: prefix });
      keys = (function* () {
        for (const k of it) {
          if (!k.startsWith(prefix)) return;
          yield k;
        }
      })();
    } else {
      keys = (ix.children.get(path)?.iterate(after === undefined ? {} : { after }) ?? [])[Symbol.iterator]();
    }
    toOutput = (key) => {
      const rec = state.byName[key];
      const shown = filter.passesAll ? rec.Versions[rec.Versions.length - 1] : applyFilters(filter, candidateOf(key, rec));
      return shown ? toParameter(ctx, rec, shown as ParameterVersion, { withDecryption: input.WithDecryption }) : undefined;
    };
  }

  let examined = 0;
  let last: string | undefined;
  let next = keys.next();
  while (!next.done && page.length < max && examined < SCAN_BUDGET) {
    const key = next.value;
    examined++;
    last = key;
    const out = toOutput(key);
    if (out) page.push(out);
    next = keys.next();
  }
  const result: { Parameters: Parameter[]; NextToken?: string } = { Parameters: page };
  if (!next.done) result.NextToken = encodeToken({ k: last, p: path, r: recursive });
  return result;
});
