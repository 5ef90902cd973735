import { defineOperation } from '../../core/operation.js';
import { deleteOwn, setOwn } from '../../core/maps.js';
import { assert } from '../../core/errors.js';
import { toEpochSeconds } from '../../core/context.js';
import { DocumentAlreadyExists, DocumentLimitExceeded, ValidationException } from '../../generated/ssm/errors.js';
import { documents, type StoredDocument } from '../../sim/documents/state.js';
import { DOCUMENT_LIMIT, describe, isReservedName, ownDocument } from '../../sim/documents/model.js';
import { buildVersion, scheduleSettle } from '../../sim/documents/lifecycle.js';
import * as messages from '../../sim/documents/messages.js';

/**
 * CreateDocument: checks the name, the content for its type and schema version, and the account's
 * document quota before storing anything; the new document answers Status "Creating" and turns
 * Active (or Failed) one virtual second later.
 */
export default defineOperation('CreateDocument', (input, ctx) => {
  const { Name } = input;
  assert(!isReservedName(Name), () => new ValidationException(messages.reservedName(Name)));
  const type = input.DocumentType ?? 'Command';
  assert(type !== 'DeploymentStrategy', () => new ValidationException(messages.reservedType(type)));
  assert(!ownDocument(ctx, Name), () => new DocumentAlreadyExists(messages.alreadyExists(Name)));
  const { version } = buildVersion(ctx, { ...input, DocumentType: type }, '1', 'Creating');
  const state = documents.of(ctx.scope);
  assert(Object.keys(state.byName).length < DOCUMENT_LIMIT, () => new DocumentLimitExceeded(messages.documentLimit(DOCUMENT_LIMIT)));

  const doc: StoredDocument = {
    Name,
    Owner: ctx.account,
    DocumentType: type,
    CreatedDate: toEpochSeconds(ctx.now),
    Tags: structuredClone(input.Tags ?? []),
    DefaultVersion: '1',
    LatestVersion: '1',
    NextVersion: 2,
    Versions: { '1': version },
    Permissions: [],
    ...(type === 'Automation.ChangeTemplate' && { Author: `arn:aws:iam::${ctx.account}:root` }),
  };
  setOwn(state.byName, Name, doc);
  // A document the account deleted and creates again is its own from now on.
  deleteOwn(state.removedDefaults, Name);
  scheduleSettle(ctx, Name, '1');
  return { DocumentDescription: describe({ doc, ownership: 'self', ownerAccount: ctx.account }, version) };
});
