/**
 * The resource-policies capability area: PutResourcePolicy, GetResourcePolicies and
 * DeleteResourcePolicy for parameters (cross-account sharing, evaluated by Parameter Store's reads)
 * and the OpsItemGroup.
 */
import type { Area } from '../../core/operation.js';
import putResourcePolicy from './putResourcePolicy.js';
import getResourcePolicies from './getResourcePolicies.js';
import deleteResourcePolicy from './deleteResourcePolicy.js';

export const resourcePoliciesArea: Area = {
  name: 'resource-policies',
  operations: [putResourcePolicy, getResourcePolicies, deleteResourcePolicy],
};
