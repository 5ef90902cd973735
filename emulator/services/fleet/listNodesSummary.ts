/**
 * ListNodesSummary: counts of the caller's nodes grouped by an attribute (AgentVersion, PlatformName,
 * PlatformType, PlatformVersion, Region, ResourceType), optionally refined by one level of nested
 * aggregators. Each summary entry is a map of the grouped attribute values and "Count" (a string,
 * as the model's map of strings requires), e.g. {"PlatformType": "Linux", "Count": "12"} or, nested,
 * {"PlatformType": "Linux", "PlatformName": "Ubuntu", "Count": "3"}. Entries are sorted by their
 * values; paging is over entries.
 */
import { defineOperation } from '../../core/operation.js';
import { pageSorted } from '../../core/pagination.js';
import { toEpochSeconds } from '../../core/context.js';
import { InvalidAggregatorException, InvalidNextToken } from '../../generated/ssm/errors.js';
import type { NodeAggregator } from '../../generated/ssm/types.js';
import type { FleetInstance } from '../../sim/fleet/instance.js';
import type { Ctx } from '../../core/context.js';
import { checkSync, filteredNodes, nodeAttribute } from './nodeSummary.js';
import * as messages from './messages.js';

export const DEFAULT_MAX_RESULTS = 50;

function check(aggs: readonly NodeAggregator[], chain: string[], depth: number): void {
  for (const a of aggs) {
    if (chain.includes(a.AttributeName)) throw new InvalidAggregatorException(messages.repeatedAggregatorAttribute(a.AttributeName));
    if (a.Aggregators?.length) {
      if (depth >= 1) throw new InvalidAggregatorException(messages.nestedAggregatorTooDeep());
      check(a.Aggregators, [...chain, a.AttributeName], depth + 1);
    }
  }
}

type Entry = Record<string, string>;

function summarize(ctx: Ctx, nodes: readonly FleetInstance[], agg: NodeAggregator, prefix: Entry, now: number, out: Entry[]): void {
  const groups = new Map<string, FleetInstance[]>();
  for (const n of nodes) {
    const v = nodeAttribute(ctx, n, agg.AttributeName, now) ?? '';
    let g = groups.get(v);
    if (!g) groups.set(v, (g = []));
    g.push(n);
  }
  for (const v of [...groups.keys()].sort()) {
    const members = groups.get(v)!;
    const entry = { ...prefix, [agg.AttributeName]: v };
    if (agg.Aggregators?.length) {
      for (const sub of agg.Aggregators) summarize(ctx, members, sub, entry, now, out);
    } else {
      out.push({ ...entry, Count: String(members.length) });
    }
  }
}

export default defineOperation('ListNodesSummary', (input, ctx) => {
  checkSync(input.SyncName);
  check(input.Aggregators, [], 0);
  const nodes = filteredNodes(ctx, input.Filters);
  const now = toEpochSeconds(ctx.now);
  const entries: Entry[] = [];
  for (const agg of input.Aggregators) summarize(ctx, nodes, agg, {}, now, entries);
  // Keys for paging: the entry's position, zero-padded so that they sort like positions.
  const keyed = entries.map((e, i) => ({ e, k: String(i).padStart(8, '0') }));
  const { page, nextToken } = pageSorted(keyed, (x) => x.k, input.MaxResults ?? DEFAULT_MAX_RESULTS, input.NextToken, () => new InvalidNextToken(messages.invalidNextToken()));
  const out: { Summary: Entry[]; NextToken?: string } = { Summary: page.map((x) => x.e) };
  if (nextToken !== undefined) out.NextToken = nextToken;
  return out;
});
