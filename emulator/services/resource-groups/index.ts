/**
 * The Resource Groups area: AWS Resource Groups' REST-JSON API on the emulator's port (its route
 * table generated from the model's http bindings, served by protocol/rest-json.ts): tag-query and
 * CloudFormation-stack groups whose membership is evaluated when read (model.ts), service
 * configurations (configuration.ts), static groups and application groups with tag-sync tasks
 * (membership.ts), and group lifecycle events (lifecycle.ts). The SSM targeting resolver
 * (sim/fleet/targets.ts) reads group membership through the groupMembership port, provided here.
 */
import type { Area } from '../../core/operation.js';
import { ServiceError } from '../../core/errors.js';
import { BadRequestException, MethodNotAllowedException } from '../../generated/resource-groups/errors.js';
import { routes } from '../../generated/resource-groups/routes.js';
import createGroup from './createGroup.js';
import getGroup from './getGroup.js';
import getGroupQuery from './getGroupQuery.js';
import updateGroup from './updateGroup.js';
import updateGroupQuery from './updateGroupQuery.js';
import deleteGroup from './deleteGroup.js';
import listGroups from './listGroups.js';
import listGroupResources from './listGroupResources.js';
import searchResources from './searchResources.js';
import tag from './tag.js';
import untag from './untag.js';
import getTags from './getTags.js';
import * as messages from '../../sim/resource-groups/messages.js';
import { groupMembership } from '../../sim/fleet/targets.js';
import { completeGrouping, GROUPING_TASK, groupNodePositions } from '../../sim/resource-groups/membership.js';
import { completeSwitch, emitMembership, SWITCH_TASK, watchFleet } from '../../sim/resource-groups/lifecycle.js';
import getGroupConfiguration from './getGroupConfiguration.js';
import putGroupConfiguration from './putGroupConfiguration.js';
import groupResources from './groupResources.js';
import ungroupResources from './ungroupResources.js';
import listGroupingStatuses from './listGroupingStatuses.js';
import getAccountSettings from './getAccountSettings.js';
import updateAccountSettings from './updateAccountSettings.js';
import startTagSyncTask from './startTagSyncTask.js';
import getTagSyncTask from './getTagSyncTask.js';
import listTagSyncTasks from './listTagSyncTasks.js';
import cancelTagSyncTask from './cancelTagSyncTask.js';

export const resourceGroupsArea: Area = {
  name: 'resource-groups',
  provides: [groupMembership.provide({ nodePositions: groupNodePositions })],
  operations: [
    createGroup, getGroup, getGroupQuery, updateGroup, updateGroupQuery, deleteGroup, listGroups, listGroupResources, searchResources, tag,
    untag, getTags, getGroupConfiguration, putGroupConfiguration, groupResources, ungroupResources, listGroupingStatuses,
    getAccountSettings, updateAccountSettings, startTagSyncTask, getTagSyncTask, listTagSyncTasks, cancelTagSyncTask,
  ],
  tasks: {
    [GROUPING_TASK]: (task, ctx) =>
      completeGrouping(ctx, task.payload, (g, changed, action) =>
        emitMembership(ctx, g, changed.map((m) => ({ arn: m.ResourceArn, type: m.ResourceType, change: action === 'GROUP' ? 'add' : 'remove' }))),
      ),
    [SWITCH_TASK]: (_task, ctx) => completeSwitch(ctx),
  },
  init: watchFleet,
  restApi: {
    service: 'resource-groups',
    signingName: 'resource-groups',
    routes,
    validationError: (m) => new BadRequestException(m),
    unknownOperation: (method, path) => new ServiceError('UnknownOperationException', messages.unknownRoute(method, path), 404, 'Message'),
    methodNotAllowed: (method, path) => new MethodNotAllowedException(messages.methodNotAllowed(method, path)),
  },
};
