import { defineOperation } from '../../core/operation.js';
import { assert } from '../../core/errors.js';
import { InvalidFilterKey, InvalidNextToken, ValidationException } from '../../generated/ssm/errors.js';
import type { DocumentKeyValuesFilter } from '../../generated/ssm/types.js';
import { pageSorted } from '../../core/pagination.js';
import { catalogOf } from '../../sim/documents/catalog.js';
import { identifier, ownDocuments, sharedWithMe, type DocRef } from '../../sim/documents/model.js';
import * as messages from '../../sim/documents/messages.js';

const OWNERS = ['Self', 'Amazon', 'Private', 'Public', 'All', 'ThirdParty'] as const;
type OwnerFilter = (typeof OWNERS)[number];

/** Paging key: name, then owner (a shared document may have the same name as one of the caller's). */
const keyOf = (r: DocRef) => `${r.doc.Name}\u0000${r.ownership === 'amazon' ? 'Amazon' : r.ownerAccount}`;

/**
 * ListDocuments. Without an Owner filter: the account's documents, AWS-owned documents, and
 * documents shared with the account privately (public documents only with Owner Public or All).
 * Filters: Owner (one value), Name (prefixes), PlatformTypes, DocumentType, TargetType,
 * SearchKeyword (part of the name, any case), tag:<key> (one tag key, any of the values), tag-key;
 * several keys must all match, several values of a key any. The deprecated DocumentFilterList
 * (Name, Owner, PlatformTypes, DocumentType; one value each) applies on top.
 */
export default defineOperation('ListDocuments', (input, ctx) => {
  const filters: DocumentKeyValuesFilter[] = [...(input.Filters ?? [])];
  for (const f of input.DocumentFilterList ?? []) filters.push({ Key: f.key, Values: [f.value] });

  let owner: OwnerFilter | undefined;
  let tagFilters = 0;
  const tests: ((r: DocRef) => boolean)[] = [];
  for (const f of filters) {
    const key = f.Key ?? '';
    const values = f.Values ?? [];
    assert(values.length > 0, () => new ValidationException(messages.filterNeedsValues(key)));
    if (key === 'Owner') {
      assert(values.length === 1 && (owner === undefined || owner === values[0]), () => new ValidationException(messages.oneOwner()));
      assert((OWNERS as readonly string[]).includes(values[0]), () => new ValidationException(messages.invalidOwner(values[0])));
      owner = values[0] as OwnerFilter;
    } else if (key === 'Name') {
      tests.push((r) => values.some((v) => r.doc.Name.startsWith(v)));
    } else if (key === 'PlatformTypes') {
      tests.push((r) => values.some((v) => r.doc.Versions[r.doc.DefaultVersion].PlatformTypes.includes(v as never)));
    } else if (key === 'DocumentType') {
      tests.push((r) => values.includes(r.doc.DocumentType));
    } else if (key === 'TargetType') {
      tests.push((r) => values.includes(r.doc.Versions[r.doc.DefaultVersion].TargetType ?? ''));
    } else if (key === 'SearchKeyword') {
      tests.push((r) => values.some((v) => r.doc.Name.toLowerCase().includes(v.toLowerCase())));
    } else if (key === 'tag-key') {
      tests.push((r) => r.ownership === 'self' && r.doc.Tags.some((t) => values.includes(t.Key)));
    } else if (key.startsWith('tag:') && key.length > 4) {
      assert(++tagFilters === 1, () => new ValidationException(messages.oneTagKey()));
      const tagKey = key.slice(4);
      tests.push((r) => r.ownership === 'self' && r.doc.Tags.some((t) => t.Key === tagKey && values.includes(t.Value)));
    } else {
      throw new InvalidFilterKey(messages.invalidFilterKey(key));
    }
  }

  const amazon = (): DocRef[] =>
    catalogOf(ctx.emu)
      .entries.filter((e) => !e.accountDefault)
      .map((e) => ({ doc: e.doc, ownership: 'amazon' as const, ownerAccount: '' }));
  const shared = sharedWithMe(ctx);
  const isPublic = (r: DocRef) => r.doc.Permissions.some((p) => p.AccountId === 'all');
  let pool: DocRef[];
  switch (owner) {
    case 'Self':
      pool = ownDocuments(ctx);
      break;
    case 'Amazon':
      pool = amazon();
      break;
    case 'Private':
      pool = shared.filter((r) => r.share?.AccountId === ctx.account);
      break;
    case 'Public':
      pool = [...ownDocuments(ctx).filter(isPublic), ...shared.filter(isPublic)];
      break;
    case 'All':
      pool = [...ownDocuments(ctx), ...amazon(), ...shared];
      break;
    case 'ThirdParty':
      pool = []; // No third-party (Marketplace/partner) documents exist in the emulator.
      break;
    default:
      pool = [...ownDocuments(ctx), ...amazon(), ...shared.filter((r) => r.share?.AccountId === ctx.account)];
  }
  const matching = pool.filter((r) => tests.every((t) => t(r))).sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  const { page, nextToken } = pageSorted(matching, keyOf, input.MaxResults ?? 50, input.NextToken, () => new InvalidNextToken(messages.invalidNextToken()));
  return { DocumentIdentifiers: page.map(identifier), ...(nextToken && { NextToken: nextToken }) };
});
