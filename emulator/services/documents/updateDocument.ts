import { defineOperation } from '../../core/operation.js';
import { assert } from '../../core/errors.js';
import {
  DocumentVersionLimitExceeded,
  DuplicateDocumentContent,
  DuplicateDocumentVersionName,
  InvalidDocument,
  InvalidDocumentOperation,
  InvalidDocumentSchemaVersion,
  InvalidDocumentVersion,
} from '../../generated/ssm/errors.js';
import { sha256 } from '../../sim/documents/content.js';
import { VERSION_LIMIT, amazonDocument, describe, ownDocument } from '../../sim/documents/model.js';
import { buildVersion, scheduleSettle } from '../../sim/documents/lifecycle.js';
import * as messages from '../../sim/documents/messages.js';

/**
 * UpdateDocument: adds a version after the latest one (only the latest version can be updated,
 * named by $LATEST or its number). DisplayName, TargetType and attachments carry over from the
 * latest version when not given; the format does not (JSON is the default, as in AWS). The new
 * version answers Status "Updating" and turns Active one virtual second later; the default version
 * does not change.
 */
export default defineOperation('UpdateDocument', (input, ctx) => {
  const { Name } = input;
  if (!ownDocument(ctx, Name)) {
    assert(!amazonDocument(ctx, Name), () => new InvalidDocumentOperation(messages.amazonOwned(Name)));
    throw new InvalidDocument(messages.notFound(Name));
  }
  const current = ownDocument(ctx, Name)!.doc;
  const latest = current.Versions[current.LatestVersion];
  const asked = input.DocumentVersion ?? '$LATEST';
  const resolved = asked === '$LATEST' ? current.LatestVersion : asked === '$DEFAULT' ? current.DefaultVersion : asked;
  assert(resolved === current.LatestVersion, () => new InvalidDocumentVersion(messages.updateOnlyLatest()));
  assert(latest.SchemaVersion !== '1.2', () => new InvalidDocumentSchemaVersion(messages.schema12NotUpdatable()));

  const number = String(current.NextVersion);
  const { version } = buildVersion(
    ctx,
    {
      Content: input.Content,
      DocumentFormat: input.DocumentFormat,
      DocumentType: current.DocumentType,
      DisplayName: input.DisplayName ?? latest.DisplayName,
      VersionName: input.VersionName,
      TargetType: input.TargetType ?? latest.TargetType,
      Requires: latest.Requires,
      Attachments: input.Attachments,
    },
    number,
    'Updating',
  );
  assert(version.SchemaVersion !== '1.2', () => new InvalidDocumentSchemaVersion(messages.schema12NotUpdatable()));
  if (!input.Attachments && latest.Attachments) version.Attachments = structuredClone(latest.Attachments);
  const hash = sha256(input.Content);
  assert(!Object.values(current.Versions).some((v) => v.Hash === hash), () => new DuplicateDocumentContent(messages.duplicateContent()));
  if (input.VersionName !== undefined) {
    const vn = input.VersionName;
    assert(!Object.values(current.Versions).some((v) => v.VersionName === vn), () => new DuplicateDocumentVersionName(messages.duplicateVersionName(vn)));
  }
  assert(Object.keys(current.Versions).length < VERSION_LIMIT, () => new DocumentVersionLimitExceeded(messages.versionLimit()));

  // Everything is checked: now write (an account-default document becomes a stored one here).
  const doc = ownDocument(ctx, Name, { materialize: true })!.doc;
  doc.Versions[number] = version;
  doc.LatestVersion = number;
  doc.NextVersion++;
  scheduleSettle(ctx, Name, number);
  return { DocumentDescription: describe({ doc, ownership: 'self', ownerAccount: ctx.account }, version) };
});
