/**
 * GetOpsSummary: OpsData of the account and Region (AWS:OpsItem, AWS:OpsItemTrendline,
 * AWS:EC2InstanceInformation, and types other capabilities provide), filtered, aggregated and
 * paged (MaxResults 1-50, default 50); the engine is sim/ops-items/summary.ts. Resource data syncs
 * are not a source of OpsData in the emulator: naming one answers ResourceDataSyncNotFoundException.
 */
import { defineOperation } from '../../core/operation.js';
import { pageSorted } from '../../core/pagination.js';
import { InvalidNextToken, ResourceDataSyncNotFoundException } from '../../generated/ssm/errors.js';
import { opsSummary } from '../../sim/ops-items/summary.js';
import * as messages from '../../sim/ops-items/messages.js';

const MAX_RESULTS = 50;

export default defineOperation('GetOpsSummary', (input, ctx) => {
  if (input.SyncName !== undefined) throw new ResourceDataSyncNotFoundException(messages.syncNotFound(input.SyncName), { SyncName: input.SyncName });
  // Row entities come sorted by id (a stable paging key); aggregated ones by position.
  const entities = opsSummary(ctx, input).map((e, i) => ({ e, key: e.Id ?? String(i).padStart(8, '0') }));
  const { page, nextToken } = pageSorted(entities, (x) => x.key, input.MaxResults ?? MAX_RESULTS, input.NextToken, () => new InvalidNextToken(messages.invalidNextToken()));
  return { Entities: page.map((x) => x.e), ...(nextToken !== undefined && { NextToken: nextToken }) };
});
