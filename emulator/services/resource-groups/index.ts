/**
 * The Resource Groups area: AWS Resource Groups' REST-JSON API on the emulator's port (its route
 * table generated from the model's http bindings, served by protocol/rest-json.ts), with tag-query
 * and CloudFormation-stack groups whose membership is evaluated when read (model.ts). The SSM
 * targeting resolver (sim/fleet/targets.ts) reads group membership through the groupMembership port,
 * provided here.
 * Operations not listed here answer NotImplementedException.
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
import { groupNodePositions } from '../../sim/resource-groups/model.js';
import { groupMembership } from '../../sim/fleet/targets.js';

export const resourceGroupsArea: Area = {
  name: 'resource-groups',
  provides: [groupMembership.provide({ nodePositions: groupNodePositions })],
  operations: [createGroup, getGroup, getGroupQuery, updateGroup, updateGroupQuery, deleteGroup, listGroups, listGroupResources, searchResources, tag, untag, getTags],
  restApi: {
    service: 'resource-groups',
    signingName: 'resource-groups',
    routes,
    validationError: (m) => new BadRequestException(m),
    unknownOperation: (method, path) => new ServiceError('UnknownOperationException', messages.unknownRoute(method, path), 404, 'Message'),
    methodNotAllowed: (method, path) => new MethodNotAllowedException(messages.methodNotAllowed(method, path)),
  },
};
