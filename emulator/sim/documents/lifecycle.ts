/**
 * How a document version comes to be: the checks that CreateDocument and UpdateDocument share
 * (size, content per type and schema version, attachments), the stored version record, and the
 * scheduler task that moves a version from Creating/Updating to Active, or to Failed with
 * StatusInformation when what it depends on (a required document, an attachment reference) is
 * missing or does not fit.
 */
import { own } from '../../core/maps.js';
import { MaxDocumentSizeExceeded, InvalidDocumentContent, ValidationException } from '../../generated/ssm/errors.js';
import { assert } from '../../core/errors.js';
import { toEpochSeconds, type Ctx } from '../../core/context.js';
import type { AttachmentsSource, DocumentFormat, DocumentRequires, DocumentType } from '../../generated/ssm/types.js';
import type { Task } from '../../time/scheduler.js';
import { analyzeContent, parseBody, sha256, wireParameters, type AnalyzedContent } from './content.js';
import { UnusableSchemaError, validateJsonSchema } from './jsonschema.js';
import { documents, type StoredAttachment, type StoredVersion } from './state.js';
import { MAX_CONTENT_BYTES, SETTLE_DELAY_MS, SETTLE_TASK, readableDocument, selectVersion } from './model.js';
import * as messages from './messages.js';
import { definePort } from '../../core/ports.js';

/**
 * Told when a document version becomes Active (after CreateDocument or UpdateDocument settles):
 * capabilities that follow documents of a type (Change Calendar's state-change events) provide one.
 */
export interface DocumentWatcher {
  activated(ctx: Ctx, name: string, type: DocumentType, version: string): void;
  /** UpdateDocumentDefaultVersion made another version the one readers get. */
  defaultChanged?(ctx: Ctx, name: string, type: DocumentType, version: string): void;
}
export const documentWatchers = definePort<DocumentWatcher>('documents.watchers');

export interface VersionInput {
  Content: string;
  DocumentFormat?: DocumentFormat;
  DocumentType: DocumentType;
  DisplayName?: string;
  VersionName?: string;
  TargetType?: string;
  Requires?: DocumentRequires[];
  Attachments?: AttachmentsSource[];
}

/** Checks the content and builds the version record (not yet stored). Throws before anything changes. */
export function buildVersion(ctx: Ctx, input: VersionInput, number: string, status: 'Creating' | 'Updating'): { version: StoredVersion; analysis: AnalyzedContent } {
  assert(Buffer.byteLength(input.Content, 'utf8') <= MAX_CONTENT_BYTES, () => new MaxDocumentSizeExceeded(messages.tooLarge()));
  const format = input.DocumentFormat ?? 'JSON';
  const analysis = analyzeContent({ content: input.Content, format, type: input.DocumentType });
  if (input.DocumentType === 'ApplicationConfiguration') {
    assert(input.Requires?.length, () => new InvalidDocumentContent(messages.requiresMissing('ApplicationConfiguration', 'ApplicationConfigurationSchema')));
  }
  const version: StoredVersion = {
    DocumentVersion: number,
    ...(input.VersionName !== undefined && { VersionName: input.VersionName }),
    ...(input.DisplayName !== undefined && { DisplayName: input.DisplayName }),
    Content: input.Content,
    DocumentFormat: format,
    Hash: sha256(input.Content),
    CreatedDate: toEpochSeconds(ctx.now),
    Status: status,
    ...(input.TargetType !== undefined && { TargetType: input.TargetType }),
    ...(input.Requires?.length && { Requires: structuredClone(input.Requires) }),
    ...(analysis.schemaVersion !== undefined && { SchemaVersion: analysis.schemaVersion }),
    ...(analysis.description !== undefined && { Description: analysis.description }),
    Parameters: wireParameters(analysis.parameters),
    PlatformTypes: analysis.platformTypes,
  };
  const attachments = input.Attachments?.map(attachmentOf);
  if (attachments?.length) version.Attachments = attachments;
  if (input.DocumentType === 'Automation.ChangeTemplate') {
    version.ReviewStatus = 'NOT_REVIEWED';
    version.Reviews = [];
  }
  return { version, analysis };
}

function attachmentOf(a: AttachmentsSource): StoredAttachment {
  const key = a.Key;
  const value = a.Values?.[0];
  assert(key !== undefined && value !== undefined, () => new ValidationException('Attachments must specify Key and Values.'));
  let name = a.Name;
  if (key === 'AttachmentReference') {
    const file = value.slice(value.lastIndexOf('/') + 1);
    assert(value.split('/').length >= 3 && file, () => new InvalidDocumentContent(messages.attachmentReferenceInvalid(value)));
    name ??= file;
  } else {
    const trimmed = value.replace(/\/+$/, '');
    name ??= trimmed.slice(trimmed.lastIndexOf('/') + 1);
  }
  return { Name: name, Key: key, Value: value };
}

/** Schedules the Creating/Updating -> Active|Failed transition of a version. */
export function scheduleSettle(ctx: Ctx, name: string, version: string): void {
  ctx.emu.scheduler.schedule({
    at: ctx.now + SETTLE_DELAY_MS,
    kind: SETTLE_TASK,
    account: ctx.account,
    region: ctx.region,
    key: settleKey(ctx, name, version),
    payload: { name, version },
  });
}

export const settleKey = (ctx: { account: string; region: string }, name: string, version: string) =>
  `${SETTLE_TASK}:${ctx.account}:${ctx.region}:${name}:${version}`;

/** The scheduler task: settle one version (a version deleted in the meantime is left alone). */
export function settleTask(task: Task<{ name: string; version: string }>, ctx: Ctx): void {
  const doc = own(documents.of(ctx.scope).byName, task.payload.name);
  const v = doc?.Versions[task.payload.version];
  if (!v || (v.Status !== 'Creating' && v.Status !== 'Updating')) return;
  const problem = dependencyProblem(ctx, doc.DocumentType, v);
  if (problem) {
    v.Status = 'Failed';
    v.StatusInformation = problem;
  } else {
    v.Status = 'Active';
    delete v.StatusInformation;
    for (const w of ctx.emu.ports.all(documentWatchers)) w.activated(ctx, doc.Name, doc.DocumentType, v.DocumentVersion);
  }
}

/** What a version depends on that is missing or does not fit, as StatusInformation text. */
function dependencyProblem(ctx: Ctx, type: DocumentType, v: StoredVersion): string | undefined {
  for (const r of v.Requires ?? []) {
    const ref = readableDocument(ctx, r.Name);
    if (!ref) return messages.requiredDocumentNotFound(r.Name);
    let required: StoredVersion;
    try {
      required = selectVersion(ref, { DocumentVersion: r.Version, VersionName: r.VersionName });
    } catch {
      return messages.requiredDocumentNotFound(`${r.Name}${r.Version ? `:${r.Version}` : ''}`);
    }
    if (type === 'ApplicationConfiguration') {
      if (ref.doc.DocumentType !== 'ApplicationConfigurationSchema') return messages.requiredDocumentWrongType(r.Name, 'ApplicationConfigurationSchema');
      if (v.DocumentFormat !== 'TEXT') {
        let problem: string | undefined;
        try {
          problem = validateJsonSchema(parseBody(required.Content, required.DocumentFormat), parseBody(v.Content, v.DocumentFormat));
        } catch (e) {
          if (!(e instanceof UnusableSchemaError)) throw e;
          return messages.schemaUnusable(r.Name, e.message);
        }
        if (problem) return messages.configurationInvalid(problem);
      }
    } else if (r.RequireType !== undefined && ref.doc.DocumentType !== r.RequireType) {
      return messages.requiredDocumentWrongType(r.Name, r.RequireType);
    }
  }
  for (const a of v.Attachments ?? []) {
    if (a.Key !== 'AttachmentReference') {
      a.Url ??= a.Value;
      continue;
    }
    // "docName/version/file", or "arn:aws:ssm:region:account:document/docName/version/file".
    const parts = a.Value.split('/');
    const file = parts.pop()!;
    const version = parts.pop()!;
    const docName = parts.join('/');
    const ref = readableDocument(ctx, docName);
    if (!ref) return messages.attachmentNotFound(a.Value);
    let source: StoredVersion;
    try {
      source = selectVersion(ref, { DocumentVersion: version });
    } catch {
      return messages.attachmentNotFound(a.Value);
    }
    const found = source.Attachments?.find((x) => x.Name === file);
    if (!found) return messages.attachmentNotFound(a.Value);
    if (found.Size !== undefined) a.Size = found.Size;
    if (found.Hash !== undefined) a.Hash = found.Hash;
    a.Url = found.Url ?? found.Value;
  }
  return undefined;
}
