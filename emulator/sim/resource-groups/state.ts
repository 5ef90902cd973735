/**
 * Resource Groups' slice of region state: the groups of one account and region, their tag-sync
 * tasks, and the account's Resource Groups settings (group lifecycle events).
 */
import { defineSlice } from '../../state/store.js';
import { anyJson, arr, int, num, obj, rec, str } from '../../state/schema.js';
import type { Ctx } from '../../core/context.js';
import type { GroupConfigurationItem, GroupingStatusesItem } from '../../generated/resource-groups/types.js';

/** A resource added to a static group with GroupResources. */
export interface StaticMember {
  ResourceArn: string;
  ResourceType: string;
  /** Still being added (host management groups add asynchronously). */
  Pending?: boolean;
}

export interface GroupRecord {
  Name: string;
  GroupArn: string;
  Description?: string;
  /** Type TAG_FILTERS_1_0 or CLOUDFORMATION_STACK_1_0, Query the JSON text as given. */
  ResourceQuery?: { Type: string; Query: string };
  Configuration?: GroupConfigurationItem[];
  Tags: Record<string, string>;
  Criticality?: number;
  Owner?: string;
  DisplayName?: string;
  /** Application groups: the 26-character id AWS appends to their name in ARNs (group/<name>/<id>). */
  AppId?: string;
  /** Static groups (GroupResources): their members, in the order they were added. */
  StaticMembers?: StaticMember[];
  /** The last grouping or ungrouping action per resource (ListGroupingStatuses). */
  GroupingStatuses?: GroupingStatusesItem[];
  /** Identity in lifecycle events: a group re-created with the same name gets a new one. */
  UniqueId?: string;
  /** Lifecycle events of this group so far (event-sequence). */
  EventSeq?: number;
  /** Fleet nodes that were members when lifecycle events last looked (membership-change events). */
  NodeMembers?: string[];
  /** Creation order. */
  Seq: number;
}

export interface TagSyncTaskRecord {
  TaskArn: string;
  /** The group's name (key of `groups`). */
  Group: string;
  TagKey?: string;
  TagValue?: string;
  ResourceQuery?: { Type: string; Query: string };
  RoleArn: string;
  Status: 'ACTIVE' | 'ERROR';
  ErrorMessage?: string;
  CreatedAt: number;
}

export interface RgAccountSettings {
  GroupLifecycleEventsDesiredStatus: 'ACTIVE' | 'INACTIVE';
  GroupLifecycleEventsStatus: 'ACTIVE' | 'INACTIVE' | 'IN_PROGRESS' | 'ERROR';
  GroupLifecycleEventsStatusMessage?: string;
}

export interface GroupsSlice {
  groups: Record<string, GroupRecord>;
  seq: number;
  /** Tag-sync tasks by ARN. */
  tagSyncTasks?: Record<string, TagSyncTaskRecord>;
  settings?: RgAccountSettings;
}

const groupRecord = obj(
  { Name: str, GroupArn: str, Tags: rec(str), Seq: int },
  { Description: str, ResourceQuery: obj({ Type: str, Query: str }), Configuration: arr(anyJson), Criticality: num, Owner: str, DisplayName: str },
);

export const groupsSlice = defineSlice<GroupsSlice>('resourceGroups', () => ({ groups: {}, seq: 0 }), obj({ groups: rec(groupRecord), seq: int }));

export const groupsOf = (ctx: { scope: Ctx['scope'] }) => groupsSlice.of(ctx.scope);
