/**
 * The documents slice of a region's state: the account's own documents with every version, their
 * tags and share permissions. AWS-owned documents are not here: they are read-only fixtures
 * (catalog.ts), the same in every account and region.
 *
 * Derived values that DescribeDocument reports (schema version, parameters, platform types) are
 * computed once when a version is created and stored with it, so a listing never re-parses content.
 */
import { defineSlice } from '../../state/store.js';
import { anyJson, arr, int, num, obj, rec, str, tagList } from '../../state/schema.js';
import type {
  AttachmentsSourceKey,
  DocumentFormat,
  DocumentParameter,
  DocumentRequires,
  DocumentReviewerResponseSource,
  DocumentStatus,
  DocumentType,
  PlatformType,
  ReviewStatus,
  Tag,
} from '../../generated/ssm/types.js';

export interface StoredAttachment {
  Name: string;
  Key: AttachmentsSourceKey;
  /** The source URL or the reference ("doc/version/file" or a document ARN + version + file). */
  Value: string;
  /** Filled when the attachment comes from another document's version (AttachmentReference). */
  Size?: number;
  Hash?: string;
  Url?: string;
}

export interface StoredVersion {
  DocumentVersion: string;
  VersionName?: string;
  DisplayName?: string;
  /** The content exactly as submitted; Hash is its SHA-256. */
  Content: string;
  DocumentFormat: DocumentFormat;
  Hash: string;
  /** Epoch seconds. */
  CreatedDate: number;
  Status: DocumentStatus;
  StatusInformation?: string;
  TargetType?: string;
  Requires?: DocumentRequires[];
  Attachments?: StoredAttachment[];
  SchemaVersion?: string;
  Description?: string;
  Parameters: DocumentParameter[];
  PlatformTypes: PlatformType[];
  /** Change templates (Automation.ChangeTemplate): Change Manager review state of this version. */
  ReviewStatus?: ReviewStatus;
  /** Review history, oldest first (ListDocumentMetadataHistory lists newest first). */
  Reviews?: DocumentReviewerResponseSource[];
}

export interface StoredPermission {
  /** A 12-digit account id, or "all" for a public share. */
  AccountId: string;
  SharedDocumentVersion: string;
}

export interface StoredDocument {
  Name: string;
  /** The owning account id. */
  Owner: string;
  DocumentType: DocumentType;
  /** Epoch seconds: creation of version 1. */
  CreatedDate: number;
  Tags: Tag[];
  DefaultVersion: string;
  LatestVersion: string;
  /** Next version number to hand out; version numbers are never reused after a version is deleted. */
  NextVersion: number;
  /** Version number -> version. */
  Versions: Record<string, StoredVersion>;
  Permissions: StoredPermission[];
  Author?: string;
  ApprovedVersion?: string;
  PendingReviewVersion?: string;
}

export interface DocumentsState {
  byName: Record<string, StoredDocument>;
  /**
   * Account-default documents (fixtures every account starts with, such as SSM-SessionManagerRunShell)
   * that this account deleted; they must not reappear from the catalog.
   */
  removedDefaults: Record<string, true>;
}

const versionSchema = obj(
  { DocumentVersion: str, Content: str, DocumentFormat: str, Hash: str, CreatedDate: num, Status: str, Parameters: arr(anyJson), PlatformTypes: arr(str) },
  {
    VersionName: str, DisplayName: str, StatusInformation: str, TargetType: str, Requires: arr(obj({ Name: str })),
    Attachments: arr(obj({ Name: str, Key: str, Value: str })), SchemaVersion: str, Description: str, ReviewStatus: str, Reviews: arr(anyJson),
  },
);
const documentSchema = obj(
  {
    Name: str, Owner: str, DocumentType: str, CreatedDate: num, Tags: tagList, DefaultVersion: str, LatestVersion: str, NextVersion: int,
    Versions: rec(versionSchema), Permissions: arr(obj({ AccountId: str, SharedDocumentVersion: str })),
  },
  { Author: str, ApprovedVersion: str, PendingReviewVersion: str },
);

export const documents = defineSlice<DocumentsState>(
  'documents',
  () => ({ byName: {}, removedDefaults: {} }),
  obj({ byName: rec(documentSchema), removedDefaults: rec({ const: true }) }),
);
