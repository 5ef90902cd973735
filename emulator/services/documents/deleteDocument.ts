import { defineOperation } from '../../core/operation.js';
import { deleteOwn, setOwn } from '../../core/maps.js';
import { assert } from '../../core/errors.js';
import { AssociatedInstances, InvalidDocument, InvalidDocumentOperation } from '../../generated/ssm/errors.js';
import { documents } from '../../sim/documents/state.js';
import { amazonDocument, arnOf, ownDocument, versionsOf } from '../../sim/documents/model.js';
import { documentInUse } from '../../sim/documents/usage.js';
import { settleKey } from '../../sim/documents/lifecycle.js';
import { catalogOf } from '../../sim/documents/catalog.js';
import * as messages from '../../sim/documents/messages.js';

/**
 * DeleteDocument: the whole document, or one version (DocumentVersion and/or VersionName). A shared
 * document must be unshared first; the default version can't be deleted on its own while other
 * versions exist; ApplicationConfigurationSchema documents need Force; a document an association
 * uses, or a version one pins, can't be deleted (AssociatedInstances, asked through the documentUsers
 * port). Deletion is immediate (AWS shows Status "Deleting" briefly; see docs/documents.md).
 */
export default defineOperation('DeleteDocument', (input, ctx) => {
  const { Name } = input;
  const ref = ownDocument(ctx, Name);
  if (!ref) {
    assert(!amazonDocument(ctx, Name), () => new InvalidDocumentOperation(messages.amazonOwned(Name)));
    throw new InvalidDocument(messages.notFound(Name));
  }
  const doc = ref.doc;
  assert(!doc.Permissions.length, () => new InvalidDocumentOperation(messages.deleteShared()));
  assert(doc.DocumentType !== 'ApplicationConfigurationSchema' || input.Force, () => new InvalidDocumentOperation(messages.forceRequired(doc.DocumentType)));
  const state = documents.of(ctx.scope);

  const one = input.DocumentVersion !== undefined || input.VersionName !== undefined;
  const all = versionsOf(doc);
  let target = all;
  if (one) {
    const asked = input.DocumentVersion;
    const number = asked === '$LATEST' ? doc.LatestVersion : asked === '$DEFAULT' ? doc.DefaultVersion : asked;
    const v = all.find(
      (x) => (number === undefined || x.DocumentVersion === number) && (input.VersionName === undefined || x.VersionName === input.VersionName),
    );
    if (!v) throw new InvalidDocument(number !== undefined && input.VersionName !== undefined ? messages.versionAndNameMismatch() : messages.versionNotFound(Name, number ?? input.VersionName!));
    assert(v.DocumentVersion !== doc.DefaultVersion || all.length === 1, () => new InvalidDocumentOperation(messages.deleteDefaultVersion()));
    target = [v];
  }
  const inUse = target.length === all.length ? documentInUse(ctx, arnOf(ctx, ref)) : documentInUse(ctx, arnOf(ctx, ref), target[0].DocumentVersion);
  assert(!inUse, () => new AssociatedInstances(messages.associatedInstances()));

  for (const v of target) ctx.emu.scheduler.cancel(settleKey(ctx, Name, v.DocumentVersion));
  if (target.length === all.length) {
    deleteOwn(state.byName, Name);
    if (catalogOf(ctx.emu).byName.get(Name)?.accountDefault) {
      // An account-default document (SSM-SessionManagerRunShell) must not come back from the catalog.
      setOwn(state.removedDefaults, Name, true);
    }
    return {};
  }
  const stored = ownDocument(ctx, Name, { materialize: true })!.doc;
  delete stored.Versions[target[0].DocumentVersion];
  const remaining = versionsOf(stored);
  stored.LatestVersion = remaining[remaining.length - 1].DocumentVersion;
  return {};
});
