import { defineOperation } from '../../core/operation.js';
import { assert } from '../../core/errors.js';
import { InvalidDocument, InvalidDocumentSchemaVersion, InvalidDocumentVersion } from '../../generated/ssm/errors.js';
import { amazonDocument, ownDocument } from '../../sim/documents/model.js';
import * as messages from '../../sim/documents/messages.js';
import { documentWatchers } from '../../sim/documents/lifecycle.js';

/** UpdateDocumentDefaultVersion: the account's own documents only; a Failed version can't become the default. */
export default defineOperation('UpdateDocumentDefaultVersion', (input, ctx) => {
  const { Name } = input;
  const ref = ownDocument(ctx, Name);
  if (!ref) throw new InvalidDocument(amazonDocument(ctx, Name) ? messages.amazonOwned(Name) : messages.notFound(Name));
  const v = ref.doc.Versions[input.DocumentVersion];
  assert(v && v.Status !== 'Failed', () => new InvalidDocumentVersion(messages.invalidVersion()));
  assert(v.SchemaVersion !== '1.2', () => new InvalidDocumentSchemaVersion(messages.schema12NotUpdatable()));
  const doc = ownDocument(ctx, Name, { materialize: true })!.doc;
  doc.DefaultVersion = input.DocumentVersion;
  for (const w of ctx.emu.ports.all(documentWatchers)) w.defaultChanged?.(ctx, Name, doc.DocumentType, doc.DefaultVersion);
  return {
    Description: { Name, DefaultVersion: doc.DefaultVersion, ...(v.VersionName !== undefined && { DefaultVersionName: v.VersionName }) },
  };
});
