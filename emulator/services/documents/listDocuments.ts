import { defineOperation } from '../../core/operation.js';
import { defineFilters } from '../../core/filters.js';
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

const defaultVersion = (r: DocRef) => r.doc.Versions[r.doc.DefaultVersion];

/**
 * ListDocuments' Filters (DocumentKeyValuesFilter, for the filter engine core/filters.ts): Owner (one
 * value; it chooses which documents are listed, so the handler applies it), Name (prefixes),
 * PlatformTypes, DocumentType, TargetType, SearchKeyword (part of the name, any case), tag:<key> (one
 * tag key, any of the values), tag-key; tags are only seen on the caller's own documents. Every
 * filter needs a value, checked before its key.
 */
const documentFilters = defineFilters<DocRef>({
  name: 'ListDocuments',
  defaults: { operator: 'Equal', minValues: 1 },
  missingValuesFirst: true,
  errors: {
    unknownKey: (key) => new InvalidFilterKey(messages.invalidFilterKey(key)),
    missingValues: (key) => new ValidationException(messages.filterNeedsValues(key)),
    badValue: ({ value }) => new ValidationException(messages.invalidOwner(value)),
  },
  keys: {
    Owner: {
      allowed: OWNERS,
      maxValues: 1,
      repeat: 'same-values',
      errors: { tooManyValues: () => new ValidationException(messages.oneOwner()), duplicateKey: () => new ValidationException(messages.oneOwner()) },
    },
    Name: { read: (r) => r.doc.Name, operator: 'BeginWith' },
    PlatformTypes: { read: (r) => defaultVersion(r).PlatformTypes },
    DocumentType: { read: (r) => r.doc.DocumentType },
    TargetType: { read: (r) => defaultVersion(r).TargetType },
    SearchKeyword: { read: (r) => r.doc.Name, operator: 'Contains', ignoreCase: true },
  },
  tags: {
    read: (r) => (r.ownership === 'self' ? r.doc.Tags : undefined),
    byKey: { errors: { duplicateKey: () => new ValidationException(messages.oneTagKey()) } },
    anyKey: {},
    oneTagKey: true,
  },
});

/**
 * ListDocuments. Without an Owner filter: the account's documents, AWS-owned documents, and
 * documents shared with the account privately (public documents only with Owner Public or All).
 * Several filter keys must all match, several values of a key any. The deprecated
 * DocumentFilterList (Name, Owner, PlatformTypes, DocumentType; one value each) applies on top.
 */
export default defineOperation('ListDocuments', (input, ctx) => {
  const filters: DocumentKeyValuesFilter[] = [...(input.Filters ?? [])];
  for (const f of input.DocumentFilterList ?? []) filters.push({ Key: f.key, Values: [f.value] });
  const filter = documentFilters.compile(filters.map((f) => ({ key: f.Key ?? '', values: f.Values ?? [] })));
  const owner = filter.get('Owner')?.values[0] as OwnerFilter | undefined;

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
  const matching = pool.filter((r) => filter.test(r)).sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  const { page, nextToken } = pageSorted(matching, keyOf, input.MaxResults ?? 50, input.NextToken, () => new InvalidNextToken(messages.invalidNextToken()));
  return { DocumentIdentifiers: page.map(identifier), ...(nextToken && { NextToken: nextToken }) };
});
