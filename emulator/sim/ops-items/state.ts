/**
 * OpsCenter's slices of region state: OpsItems with their timeline events and related items, and
 * Application Manager's OpsMetadata objects. Wire member names throughout; times in epoch seconds.
 */
import { defineSlice } from '../../state/store.js';
import type { OpsItemDataValue, Tag } from '../../generated/ssm/types.js';

export interface OpsItemRecord {
  OpsItemId: string;
  OpsItemType: string;
  Title: string;
  Description: string;
  Source: string;
  Status: string;
  Priority?: number;
  Severity?: string;
  Category?: string;
  OperationalData: Record<string, OpsItemDataValue>;
  Notifications: { Arn: string }[];
  RelatedOpsItems: { OpsItemId: string }[];
  CreatedBy: string;
  CreatedTime: number;
  LastModifiedBy: string;
  LastModifiedTime: number;
  /** Increments with every edit; a string on the wire. */
  Version: number;
  ActualStartTime?: number;
  ActualEndTime?: number;
  PlannedStartTime?: number;
  PlannedEndTime?: number;
  Tags: Tag[];
  /** The deduplication string of /aws/dedup, as given (it cannot change after creation). */
  DedupString?: string;
  /** Creation order (listing order and paging keys). */
  Seq: number;
}

/** An entry of an OpsItem's timeline (ListOpsItemEvents). */
export interface OpsItemEventRecord {
  EventId: string;
  OpsItemId: string;
  Source: string;
  DetailType: string;
  /** JSON text. */
  Detail: string;
  CreatedBy: string;
  CreatedTime: number;
  Seq: number;
}

export interface RelatedItemRecord {
  AssociationId: string;
  OpsItemId: string;
  AssociationType: string;
  ResourceType: string;
  ResourceUri: string;
  CreatedBy: string;
  CreatedTime: number;
  LastModifiedBy: string;
  LastModifiedTime: number;
  Seq: number;
}

export interface OpsItemsSlice {
  items: Record<string, OpsItemRecord>;
  events: OpsItemEventRecord[];
  related: Record<string, RelatedItemRecord>;
  /** Deleted OpsItem id -> epoch seconds of the deletion (AWS takes a few minutes to finish one). */
  deleting: Record<string, number>;
  /** OpsItems created per calendar month ("2025-01" -> count): AWS's monthly quota counts creations. */
  createdPerMonth: Record<string, number>;
  seq: number;
}

export const opsItems = defineSlice<OpsItemsSlice>('opsItems', () => ({ items: {}, events: [], related: {}, deleting: {}, createdPerMonth: {}, seq: 0 }));

export interface OpsMetadataRecord {
  ResourceId: string;
  OpsMetadataArn: string;
  Metadata: Record<string, { Value: string }>;
  CreationDate: number;
  LastModifiedDate: number;
  LastModifiedUser: string;
  Tags: Tag[];
}

export interface OpsMetadataSlice {
  /** OpsMetadata ARN -> record. */
  byArn: Record<string, OpsMetadataRecord>;
}

export const opsMetadata = defineSlice<OpsMetadataSlice>('opsMetadata', () => ({ byArn: {} }));
