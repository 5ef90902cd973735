/**
 * OpsCenter's slices of region state: OpsItems with their timeline events and related items, and
 * Application Manager's OpsMetadata objects. Wire member names throughout; times in epoch seconds.
 */
import { defineSlice } from '../../state/store.js';
import { arr, int, num, obj, oneOf, rec, str, tagList } from '../../state/schema.js';
import type { OpsItemDataValue, Tag } from '../../generated/ssm/types.js';

// The types and statuses an OpsItem can have (declared here, not in model.ts, because the slice's schema lists them).
export const OPS_ITEM_TYPES = ['/aws/issue', '/aws/changerequest', '/aws/insight', '/aws/accessrequest'] as const;
export const ISSUE_STATUSES = ['Open', 'InProgress', 'Resolved'];
/** Change Manager's and just-in-time access's workflow statuses (the model's OpsItemStatus enum). */
export const WORKFLOW_STATUSES = [
  'Open', 'InProgress', 'Resolved', 'Pending', 'TimedOut', 'Cancelling', 'Cancelled', 'Failed', 'CompletedWithSuccess',
  'CompletedWithFailure', 'Scheduled', 'RunbookInProgress', 'PendingChangeCalendarOverride', 'ChangeCalendarOverrideApproved',
  'ChangeCalendarOverrideRejected', 'PendingApproval', 'Approved', 'Revoked', 'Rejected', 'Closed',
];

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

/** What a restored snapshot's OpsItems must look like (see state/schema.ts). */
const opsItemSchema = obj(
  {
    OpsItemId: str, OpsItemType: oneOf(...OPS_ITEM_TYPES), Title: str, Description: str, Source: str, Status: oneOf(...WORKFLOW_STATUSES),
    OperationalData: rec(obj({}, { Value: str, Type: oneOf('SearchableString', 'String') })), Notifications: arr(obj({ Arn: str })),
    RelatedOpsItems: arr(obj({ OpsItemId: str })), CreatedBy: str, CreatedTime: num, LastModifiedBy: str, LastModifiedTime: num, Version: int,
    Tags: tagList, Seq: int,
  },
  {
    Priority: int, Severity: str, Category: str, ActualStartTime: num, ActualEndTime: num, PlannedStartTime: num, PlannedEndTime: num,
    DedupString: str,
  },
);
const eventSchema = obj({ EventId: str, OpsItemId: str, Source: str, DetailType: str, Detail: str, CreatedBy: str, CreatedTime: num, Seq: int });
const relatedSchema = obj({
  AssociationId: str, OpsItemId: str, AssociationType: str, ResourceType: str, ResourceUri: str, CreatedBy: str, CreatedTime: num,
  LastModifiedBy: str, LastModifiedTime: num, Seq: int,
});

export const opsItems = defineSlice<OpsItemsSlice>(
  'opsItems',
  () => ({ items: {}, events: [], related: {}, deleting: {}, createdPerMonth: {}, seq: 0 }),
  obj({ items: rec(opsItemSchema), events: arr(eventSchema), related: rec(relatedSchema), deleting: rec(num), createdPerMonth: rec(int), seq: int }),
);

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

const opsMetadataSchema = obj({
  ResourceId: str, OpsMetadataArn: str, Metadata: rec(obj({ Value: str })), CreationDate: num, LastModifiedDate: num, LastModifiedUser: str, Tags: tagList,
});

export const opsMetadata = defineSlice<OpsMetadataSlice>('opsMetadata', () => ({ byArn: {} }), obj({ byArn: rec(opsMetadataSchema) }));
