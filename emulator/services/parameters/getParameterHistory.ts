import { defineOperation } from '../../core/operation.js';
import { decodeToken, encodeToken } from '../../core/pagination.js';
import { InvalidNextToken } from '../../generated/ssm/errors.js';
import type { ParameterHistory } from '../../generated/ssm/types.js';
import { resolveRead } from '../../sim/parameters/read.js';
import { toHistory } from '../../sim/parameters/model.js';
import * as messages from '../../sim/parameters/messages.js';

/**
 * The page size without MaxResults: the model's maximum, 50 [unverified: AWS's API reference states no
 * default and none is recorded from AWS].
 */
const DEFAULT_MAX = 50;

/**
 * GetParameterHistory: every retained version (at most 100), oldest first, with its labels, tier and
 * policies. Name or ARN (no selector). Pages are keyed by version number, so new versions written
 * between pages do not shift them. An AWS public parameter shows its current version only (the
 * emulator's fixtures keep no older ones).
 */
export default defineOperation('GetParameterHistory', (input, ctx) => {
  const f = resolveRead(ctx, input.Name, 'GetParameterHistory');
  const max = input.MaxResults ?? DEFAULT_MAX;
  let after = 0;
  if (input.NextToken !== undefined) {
    const t = decodeToken<{ v?: unknown }>(input.NextToken, () => new InvalidNextToken(messages.invalidNextToken()));
    if (typeof t.v !== 'number' || !Number.isInteger(t.v)) throw new InvalidNextToken(messages.invalidNextToken());
    after = t.v;
  }
  if (f.kind === 'public') {
    const p = f.param;
    const entry: ParameterHistory = {
      Name: f.nameOut,
      Type: p.Type,
      LastModifiedDate: p.LastModifiedDate,
      LastModifiedUser: 'arn:aws:iam::aws:root',
      Value: p.Value,
      Version: p.Version,
      Labels: [],
      Tier: 'Standard',
      Policies: [],
      DataType: p.DataType,
    };
    return { Parameters: p.Version > after ? [entry] : [] };
  }
  const versions = f.rec.Versions.filter((v) => v.Version > after);
  const page = versions.slice(0, max);
  const result: { Parameters: ParameterHistory[]; NextToken?: string } = {
    Parameters: page.map((v) => toHistory(f.owner, f.rec, v, { withDecryption: input.WithDecryption, name: f.nameOut })),
  };
  if (versions.length > max) result.NextToken = encodeToken({ v: page[page.length - 1].Version });
  return result;
});
