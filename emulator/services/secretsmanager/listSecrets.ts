import { defineSmOperation } from '../../core/operation.js';
import { decodeToken, encodeToken } from '../../core/pagination.js';
import { InvalidNextTokenException } from '../../generated/secretsmanager/errors.js';
import type { Filter } from '../../generated/secretsmanager/types.js';
import { secretsOf, type SecretRecord } from '../../sim/secrets/state.js';
import { secretMetadata, versionsToStages } from '../../sim/secrets/model.js';
import * as messages from '../../sim/secrets/messages.js';

/** The page size without MaxResults [unverified: AWS's reference says only "a value specific to the operation"; the model allows 1-100]. */
const DEFAULT_MAX = 100;

/**
 * One filter as AWS documents ListSecrets' filters: prefix matches (description and "all" not
 * case-sensitive, the others case-sensitive), a value starting with "!" negates, values of one filter
 * are OR-ed and filters AND-ed. "all" matches any word of the value against name, description, tag
 * keys and values. (Not core/filters.ts: these are Secrets Manager's key/value prefix rules, with no
 * operators.)
 */
function matches(rec: SecretRecord, filter: Filter): boolean {
  const values = filter.Values ?? [];
  const fields = (key: string | undefined): string[] => {
    switch (key) {
      case 'name':
        return [rec.Name];
      case 'description':
        return rec.Description === undefined ? [] : [rec.Description];
      case 'tag-key':
        return rec.Tags.map((t) => t.Key);
      case 'tag-value':
        return rec.Tags.map((t) => t.Value);
      case 'primary-region':
      case 'owning-service':
        return [];
      default:
        return [rec.Name, rec.Description ?? '', ...rec.Tags.flatMap((t) => [t.Key, t.Value])];
    }
  };
  const caseless = filter.Key === 'description' || filter.Key === 'all';
  const norm = (s: string) => (caseless ? s.toLowerCase() : s);
  const candidates = fields(filter.Key).map(norm);
  const hit = (prefix: string) =>
    filter.Key === 'all'
      ? prefix.split(/\s+/).filter(Boolean).some((word) => candidates.some((c) => c.split(/\s+/).some((w) => w.startsWith(norm(word)))))
      : candidates.some((c) => c.startsWith(norm(prefix)));
  return values.some((v) => (v.startsWith('!') ? !hit(v.slice(1)) : hit(v)));
}

const SORT_KEYS = {
  'created-date': (r: SecretRecord) => r.CreatedDate,
  'last-accessed-date': (r: SecretRecord) => r.LastAccessedDate ?? 0,
  'last-changed-date': (r: SecretRecord) => r.LastChangedDate,
  name: (r: SecretRecord) => r.Name,
} as const;

/**
 * ListSecrets: the secrets of the account and Region, without those scheduled for deletion unless
 * IncludePlannedDeletion; SortBy (created-date by default) and SortOrder (desc by default
 * [unverified]); pages of MaxResults with an opaque NextToken.
 */
export default defineSmOperation('ListSecrets', (input, ctx) => {
  const byName = secretsOf(ctx).byName;
  const keyOf = SORT_KEYS[input.SortBy ?? 'created-date'];
  const desc = (input.SortOrder ?? 'desc') === 'desc';
  const list = Object.values(byName)
    .filter((r) => (input.IncludePlannedDeletion || r.DeletedDate === undefined) && (input.Filters ?? []).every((f) => matches(r, f)))
    .sort((a, b) => {
      const ka = keyOf(a);
      const kb = keyOf(b);
      const c = ka < kb ? -1 : ka > kb ? 1 : a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0;
      return desc ? -c : c;
    });
  let start = 0;
  if (input.NextToken !== undefined) {
    const t = decodeToken<{ o?: unknown }>(input.NextToken, () => new InvalidNextTokenException(messages.invalidNextToken()));
    if (typeof t.o !== 'number' || !Number.isInteger(t.o) || t.o < 0) throw new InvalidNextTokenException(messages.invalidNextToken());
    start = t.o;
  }
  const max = input.MaxResults ?? DEFAULT_MAX;
  const page = list.slice(start, start + max);
  return {
    SecretList: page.map((r) => ({ ...secretMetadata(r), SecretVersionsToStages: versionsToStages(r) })),
    ...(start + max < list.length ? { NextToken: encodeToken({ o: start + max }) } : {}),
  };
});
