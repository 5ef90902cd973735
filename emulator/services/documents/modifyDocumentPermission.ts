import { defineOperation } from '../../core/operation.js';
import { assert } from '../../core/errors.js';
import { DocumentLimitExceeded, DocumentPermissionLimit, InvalidDocument, InvalidPermissionType, ValidationException } from '../../generated/ssm/errors.js';
import { publicSharingAllowed } from '../../sim/service-settings/model.js';
import { publicSharingBlocked } from '../../sim/service-settings/messages.js';
import { documents } from '../../sim/documents/state.js';
import { PRIVATE_SHARE_LIMIT, PUBLIC_SHARE_LIMIT, amazonDocument, ownDocument } from '../../sim/documents/model.js';
import * as messages from '../../sim/documents/messages.js';

const norm = (id: string) => (id.toLowerCase() === 'all' ? 'all' : id);

/**
 * ModifyDocumentPermission: shares the account's document with up to 20 accounts per call (or "All"
 * for a public share), or stops sharing it. Removal wins over addition of the same account, as AWS
 * documents. SharedDocumentVersion ($DEFAULT unless given) says which version the accounts see.
 * A public share is refused while the account blocks public sharing (service setting
 * /ssm/documents/console/public-sharing-permission = Disable); stopping one is always allowed.
 */
export default defineOperation('ModifyDocumentPermission', (input, ctx) => {
  const { Name } = input;
  const add = (input.AccountIdsToAdd ?? []).map(norm);
  const remove = (input.AccountIdsToRemove ?? []).map(norm);
  assert(add.length || remove.length, () => new ValidationException(messages.noAccounts()));
  assert(!(add.includes('all') && add.length > 1) && !(remove.includes('all') && remove.length > 1), () => new DocumentPermissionLimit(messages.allOrAccounts()));
  assert(!add.includes('all') || remove.includes('all') || publicSharingAllowed(ctx), () => new InvalidPermissionType(publicSharingBlocked()));
  const ref = ownDocument(ctx, Name);
  if (!ref) throw new InvalidDocument(amazonDocument(ctx, Name) ? messages.amazonOwned(Name) : messages.notFound(Name));
  const version = input.SharedDocumentVersion ?? '$DEFAULT';

  const next = ref.doc.Permissions.filter((p) => !remove.includes(p.AccountId)).map((p) => ({ ...p }));
  for (const id of add) {
    if (remove.includes(id)) continue;
    const existing = next.find((p) => p.AccountId === id);
    if (existing) existing.SharedDocumentVersion = version;
    else next.push({ AccountId: id, SharedDocumentVersion: version });
  }
  assert(next.filter((p) => p.AccountId !== 'all').length <= PRIVATE_SHARE_LIMIT, () => new DocumentPermissionLimit(messages.permissionLimit()));
  if (next.some((p) => p.AccountId === 'all') && !ref.doc.Permissions.some((p) => p.AccountId === 'all')) {
    const publicCount = Object.values(documents.of(ctx.scope).byName).filter((d) => d.Permissions.some((p) => p.AccountId === 'all')).length;
    assert(publicCount < PUBLIC_SHARE_LIMIT, () => new DocumentLimitExceeded(messages.permissionLimit()));
  }
  const doc = ownDocument(ctx, Name, { materialize: true })!.doc;
  doc.Permissions = next;
  return {};
});
