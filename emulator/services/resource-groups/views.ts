/** Wire shapes several Resource Groups operations share. */
import type { GroupConfigurationItem } from '../../generated/resource-groups/types.js';
import type { GroupRecord, TagSyncTaskRecord } from '../../sim/resource-groups/state.js';

/**
 * A group's service configuration as GetGroupConfiguration, CreateGroup and PutGroupConfiguration
 * show it. Configurations apply at once in the emulator, so the status is always UPDATE_COMPLETE.
 */
export const configurationView = (g: GroupRecord): { Configuration: GroupConfigurationItem[]; Status: 'UPDATE_COMPLETE' } => ({
  Configuration: (g.Configuration ?? []).map((i) => ({ Type: i.Type, ...(i.Parameters && { Parameters: i.Parameters.map((p) => ({ ...p })) }) })),
  Status: 'UPDATE_COMPLETE',
});

/** A tag-sync task as GetTagSyncTask and ListTagSyncTasks show it. */
export function taskView(g: GroupRecord, t: TagSyncTaskRecord) {
  return {
    GroupArn: g.GroupArn,
    GroupName: g.Name,
    TaskArn: t.TaskArn,
    ...(t.TagKey !== undefined && { TagKey: t.TagKey, TagValue: t.TagValue }),
    ...(t.ResourceQuery && { ResourceQuery: { Type: t.ResourceQuery.Type as 'TAG_FILTERS_1_0', Query: t.ResourceQuery.Query } }),
    RoleArn: t.RoleArn,
    Status: t.Status,
    ...(t.ErrorMessage !== undefined && { ErrorMessage: t.ErrorMessage }),
    CreatedAt: t.CreatedAt,
  };
}
