/**
 * Shared logic of the document operations: finding a document the caller may read (its own, an
 * AWS-owned one from the catalog, or one another account shared with it, by ARN), choosing a
 * version, and building the wire shapes (DocumentDescription, DocumentIdentifier, ...).
 *
 * Lookup order for a plain name: the account's own documents, then its account-default documents
 * (catalog fixtures with Owner AccountDefault that it has not deleted), then the AWS-owned catalog.
 * A shared document is reachable only by its full ARN, as in AWS; cross-account reads go through an
 * explicit scope of the owner (store.scope(owner, region)).
 */
import { own, setOwn } from '../../core/maps.js';
import { InvalidDocument, InvalidDocumentVersion } from '../../generated/ssm/errors.js';
import type {
  AttachmentContent,
  DocumentDescription,
  DocumentIdentifier,
  DocumentVersionInfo,
  ReviewInformation,
} from '../../generated/ssm/types.js';
import type { Ctx } from '../../core/context.js';
import { catalogOf, type CatalogEntry } from './catalog.js';
import { documents, type StoredDocument, type StoredPermission, type StoredVersion } from './state.js';
import * as messages from './messages.js';

/** Service quotas (Systems Manager endpoints and quotas). */
export const DOCUMENT_LIMIT = 500;
export const VERSION_LIMIT = 1000;
export const MAX_CONTENT_BYTES = 64 * 1024;
export const PRIVATE_SHARE_LIMIT = 1000;
export const PUBLIC_SHARE_LIMIT = 5;

/**
 * How long a new document or version stays Creating/Updating before it turns Active (or Failed).
 * AWS answers CreateDocument with Status "Creating" and finishes within a second or two for a
 * document without remote attachments; the emulator takes one virtual second.
 */
export const SETTLE_DELAY_MS = 1000;
export const SETTLE_TASK = 'documents.settle';

/** Reserved name prefixes (CreateDocument reference; compared case-insensitively). */
const RESERVED_PREFIXES = ['aws-', 'amazon', 'amzn', 'awsec2', 'awsconfigremediation', 'awssupport'];
export const isReservedName = (name: string) => RESERVED_PREFIXES.some((p) => name.toLowerCase().startsWith(p));

export type Ownership = 'self' | 'amazon' | 'shared';

/** A document the caller can read, with where it lives. */
export interface DocRef {
  doc: StoredDocument;
  ownership: Ownership;
  /** The owner's account id ("" for AWS-owned documents). */
  ownerAccount: string;
  /** For a shared document: the permission that lets the caller read it. */
  share?: StoredPermission;
  /** An account-default catalog document the account has not changed yet (not in state). */
  virtual?: boolean;
}

export const documentArn = (region: string, ownerAccount: string, name: string) => `arn:aws:ssm:${region}:${ownerAccount}:document/${name}`;

export function arnOf(ctx: Ctx, ref: DocRef): string {
  return documentArn(ctx.region, ref.ownerAccount, ref.doc.Name);
}

const ARN_RE = /^arn:aws[a-z-]*:ssm:([a-z0-9-]+):(\d{12})?:document\/([a-zA-Z0-9_.-]{3,128})$/;

export function parseDocumentArn(value: string): { region: string; account: string; name: string } | undefined {
  const m = ARN_RE.exec(value);
  return m ? { region: m[1], account: m[2] ?? '', name: m[3] } : undefined;
}

/** An account-default document as the caller's own (Owner = the account). */
function accountDefaultView(ctx: Ctx, entry: CatalogEntry): StoredDocument {
  return { ...entry.doc, Owner: ctx.account, Tags: [], Permissions: [] };
}

/**
 * The caller's own document: in state, or an account default not yet changed. With `materialize`,
 * an account default is copied into state first (before any write), so it becomes a normal record.
 */
export function ownDocument(ctx: Ctx, name: string, opts: { materialize?: boolean } = {}): DocRef | undefined {
  const state = documents.of(ctx.scope);
  const stored = own(state.byName, name);
  if (stored) return { doc: stored, ownership: 'self', ownerAccount: ctx.account };
  const entry = catalogOf(ctx.emu).byName.get(name);
  if (!entry?.accountDefault || own(state.removedDefaults, name)) return undefined;
  if (opts.materialize) {
    const copy = structuredClone(accountDefaultView(ctx, entry));
    setOwn(state.byName, name, copy);
    return { doc: copy, ownership: 'self', ownerAccount: ctx.account };
  }
  return { doc: accountDefaultView(ctx, entry), ownership: 'self', ownerAccount: ctx.account, virtual: true };
}

/** An AWS-owned catalog document by name. */
export function amazonDocument(ctx: Ctx, name: string): DocRef | undefined {
  const entry = catalogOf(ctx.emu).byName.get(name);
  return entry && !entry.accountDefault ? { doc: entry.doc, ownership: 'amazon', ownerAccount: '' } : undefined;
}

/** The permission that lets `account` read `doc`, if any (its account id, else a public share). */
export function shareFor(doc: StoredDocument, account: string): StoredPermission | undefined {
  return doc.Permissions.find((p) => p.AccountId === account) ?? doc.Permissions.find((p) => p.AccountId === 'all');
}

/**
 * A document the caller may read, by name or ARN: its own, an AWS-owned one, or (by ARN only) one
 * shared with it. Undefined when there is none or the caller may not see it.
 */
export function readableDocument(ctx: Ctx, nameOrArn: string): DocRef | undefined {
  const arn = parseDocumentArn(nameOrArn);
  if (!arn) {
    if (nameOrArn.includes(':') || nameOrArn.includes('/')) return undefined;
    return ownDocument(ctx, nameOrArn) ?? amazonDocument(ctx, nameOrArn);
  }
  if (arn.region !== ctx.region) return undefined;
  if (arn.account === '') return amazonDocument(ctx, arn.name);
  if (arn.account === ctx.account) return ownDocument(ctx, arn.name);
  // Another account's document: only through an explicit scope of the owner, and only if shared.
  const owner = ctx.emu.store.peek(arn.account, ctx.region);
  const byName = owner && documents.peek(owner)?.byName;
  const doc = byName && own(byName, arn.name);
  if (!doc) return undefined;
  const share = shareFor(doc, ctx.account);
  return share ? { doc, ownership: 'shared', ownerAccount: arn.account, share } : undefined;
}

/** readableDocument or InvalidDocument. */
export function requireReadable(ctx: Ctx, nameOrArn: string): DocRef {
  const ref = readableDocument(ctx, nameOrArn);
  if (!ref) throw new InvalidDocument(messages.notFound(nameOrArn));
  return ref;
}

/**
 * The version a request selects: DocumentVersion ($LATEST, $DEFAULT or a number) and/or
 * VersionName; the default version when neither is given. A shared document exposes only the
 * version its share names ($DEFAULT, $LATEST, or $ALL for every version).
 */
export function selectVersion(ref: DocRef, sel: { DocumentVersion?: string; VersionName?: string }): StoredVersion {
  const { doc } = ref;
  const sharedAs = ref.share?.SharedDocumentVersion;
  let wanted = sel.DocumentVersion;
  if (wanted === undefined && sel.VersionName === undefined) wanted = sharedAs === '$LATEST' ? '$LATEST' : '$DEFAULT';
  let v: StoredVersion | undefined;
  if (wanted !== undefined) {
    const number = wanted === '$LATEST' ? doc.LatestVersion : wanted === '$DEFAULT' ? doc.DefaultVersion : wanted;
    v = doc.Versions[number];
    if (v && sel.VersionName !== undefined && v.VersionName !== sel.VersionName) v = undefined;
  } else {
    v = Object.values(doc.Versions).find((x) => x.VersionName === sel.VersionName);
  }
  if (!v) throw new InvalidDocumentVersion(messages.invalidVersion());
  if (sharedAs === '$DEFAULT' && v.DocumentVersion !== doc.DefaultVersion) throw new InvalidDocumentVersion(messages.invalidVersion());
  if (sharedAs === '$LATEST' && v.DocumentVersion !== doc.LatestVersion) throw new InvalidDocumentVersion(messages.invalidVersion());
  return v;
}

/** Versions in ascending numeric order. */
export function versionsOf(doc: StoredDocument): StoredVersion[] {
  return Object.values(doc.Versions).sort((a, b) => Number(a.DocumentVersion) - Number(b.DocumentVersion));
}

const ownerOf = (ref: DocRef) => (ref.ownership === 'amazon' ? 'Amazon' : ref.ownerAccount);

function reviewInformation(v: StoredVersion): ReviewInformation[] | undefined {
  const done = (v.Reviews ?? []).filter((r) => r.ReviewStatus === 'APPROVED' || r.ReviewStatus === 'REJECTED');
  if (!done.length) return undefined;
  return done.map((r) => ({ ReviewedTime: r.UpdatedTime, Status: r.ReviewStatus, Reviewer: r.Reviewer }));
}

/** DocumentDescription (CreateDocument, UpdateDocument, DescribeDocument). */
export function describe(ref: DocRef, v: StoredVersion): DocumentDescription {
  const { doc } = ref;
  const d: DocumentDescription = {
    Hash: v.Hash,
    HashType: 'Sha256',
    Name: doc.Name,
    ...(v.DisplayName !== undefined && { DisplayName: v.DisplayName }),
    ...(v.VersionName !== undefined && { VersionName: v.VersionName }),
    Owner: ownerOf(ref),
    CreatedDate: v.CreatedDate,
    Status: v.Status,
    ...(v.StatusInformation !== undefined && { StatusInformation: v.StatusInformation }),
    DocumentVersion: v.DocumentVersion,
    ...(v.Description !== undefined && { Description: v.Description }),
    Parameters: v.Parameters,
    PlatformTypes: v.PlatformTypes,
    DocumentType: doc.DocumentType,
    ...(v.SchemaVersion !== undefined && { SchemaVersion: v.SchemaVersion }),
    LatestVersion: doc.LatestVersion,
    DefaultVersion: doc.DefaultVersion,
    DocumentFormat: v.DocumentFormat,
    ...(v.TargetType !== undefined && { TargetType: v.TargetType }),
    Tags: ref.ownership === 'self' ? doc.Tags : [],
  };
  if (v.Attachments?.length) d.AttachmentsInformation = v.Attachments.map((a) => ({ Name: a.Name }));
  if (v.Requires?.length) d.Requires = v.Requires;
  if (doc.Author !== undefined) d.Author = doc.Author;
  const ri = reviewInformation(v);
  if (ri) d.ReviewInformation = ri;
  if (doc.ApprovedVersion !== undefined) d.ApprovedVersion = doc.ApprovedVersion;
  if (doc.PendingReviewVersion !== undefined) d.PendingReviewVersion = doc.PendingReviewVersion;
  if (v.ReviewStatus !== undefined) d.ReviewStatus = v.ReviewStatus;
  return d;
}

/** DocumentIdentifier (ListDocuments): the document at its default version. */
export function identifier(ref: DocRef): DocumentIdentifier {
  const { doc } = ref;
  const v = doc.Versions[doc.DefaultVersion];
  const id: DocumentIdentifier = {
    Name: doc.Name,
    CreatedDate: doc.CreatedDate,
    ...(v.DisplayName !== undefined && { DisplayName: v.DisplayName }),
    Owner: ownerOf(ref),
    ...(v.VersionName !== undefined && { VersionName: v.VersionName }),
    PlatformTypes: v.PlatformTypes,
    DocumentVersion: v.DocumentVersion,
    DocumentType: doc.DocumentType,
    ...(v.SchemaVersion !== undefined && { SchemaVersion: v.SchemaVersion }),
    DocumentFormat: v.DocumentFormat,
    ...(v.TargetType !== undefined && { TargetType: v.TargetType }),
    Tags: ref.ownership === 'self' ? doc.Tags : [],
  };
  if (v.Requires?.length) id.Requires = v.Requires;
  if (v.ReviewStatus !== undefined) id.ReviewStatus = v.ReviewStatus;
  if (doc.Author !== undefined) id.Author = doc.Author;
  return id;
}

export function versionInfo(doc: StoredDocument, v: StoredVersion): DocumentVersionInfo {
  return {
    Name: doc.Name,
    ...(v.DisplayName !== undefined && { DisplayName: v.DisplayName }),
    DocumentVersion: v.DocumentVersion,
    ...(v.VersionName !== undefined && { VersionName: v.VersionName }),
    CreatedDate: v.CreatedDate,
    IsDefaultVersion: v.DocumentVersion === doc.DefaultVersion,
    DocumentFormat: v.DocumentFormat,
    Status: v.Status,
    ...(v.StatusInformation !== undefined && { StatusInformation: v.StatusInformation }),
    ...(v.ReviewStatus !== undefined && { ReviewStatus: v.ReviewStatus }),
  };
}

/** GetDocument's AttachmentsContent. */
export function attachmentsContent(v: StoredVersion): AttachmentContent[] | undefined {
  if (!v.Attachments?.length) return undefined;
  return v.Attachments.map((a) => ({
    Name: a.Name,
    ...(a.Size !== undefined && { Size: a.Size }),
    ...(a.Hash !== undefined && { Hash: a.Hash, HashType: 'Sha256' as const }),
    Url: a.Url ?? a.Value,
  }));
}

/** Every document the account owns (state plus account defaults it has not deleted), by name. */
export function ownDocuments(ctx: Ctx): DocRef[] {
  const state = documents.of(ctx.scope);
  const out: DocRef[] = Object.values(state.byName).map((doc) => ({ doc, ownership: 'self' as const, ownerAccount: ctx.account }));
  for (const e of catalogOf(ctx.emu).entries) {
    if (e.accountDefault && !own(state.byName, e.doc.Name) && !own(state.removedDefaults, e.doc.Name)) {
      out.push({ doc: accountDefaultView(ctx, e), ownership: 'self', ownerAccount: ctx.account, virtual: true });
    }
  }
  return out;
}

/** Documents of other accounts in this region shared with the caller (privately or publicly). */
export function sharedWithMe(ctx: Ctx): DocRef[] {
  const out: DocRef[] = [];
  for (const scope of ctx.emu.store.scopesIn({ region: ctx.region })) {
    if (scope.account === ctx.account) continue;
    const state = documents.peek(scope);
    for (const doc of Object.values(state?.byName ?? {})) {
      const share = shareFor(doc, ctx.account);
      if (share) out.push({ doc, ownership: 'shared', ownerAccount: scope.account, share });
    }
  }
  return out;
}
