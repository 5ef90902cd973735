/** Resource Groups' slice of region state: the groups of one account and region. */
import { defineSlice } from '../../state/store.js';
import { anyJson, arr, int, num, obj, rec, str } from '../../state/schema.js';
import type { Ctx } from '../../core/context.js';
import type { GroupConfigurationItem } from '../../generated/resource-groups/types.js';

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
  /** Creation order. */
  Seq: number;
}

export interface GroupsSlice {
  groups: Record<string, GroupRecord>;
  seq: number;
}

const groupRecord = obj(
  { Name: str, GroupArn: str, Tags: rec(str), Seq: int },
  { Description: str, ResourceQuery: obj({ Type: str, Query: str }), Configuration: arr(anyJson), Criticality: num, Owner: str, DisplayName: str },
);

export const groupsSlice = defineSlice<GroupsSlice>('resourceGroups', () => ({ groups: {}, seq: 0 }), obj({ groups: rec(groupRecord), seq: int }));

export const groupsOf = (ctx: { scope: Ctx['scope'] }) => groupsSlice.of(ctx.scope);
