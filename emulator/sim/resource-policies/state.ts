/**
 * Resource policies that do not live on their resource's own record: the OpsItemGroup's (OpsCenter
 * sharing). Parameter policies are stored on the parameter (parameters/state.ts ResourcePolicies),
 * so they go with it when it is deleted.
 */
import { defineSlice } from '../../state/store.js';
import { resourcePolicyRecordSchema, type ResourcePolicyRecord } from '../parameters/state.js';
import { arr, int, obj, rec } from '../../state/schema.js';

export interface ResourcePoliciesState {
  /** resource ARN -> its policies */
  byArn: Record<string, ResourcePolicyRecord[]>;
  /** Policy revisions, for PolicyHash (a hash changes on every update, even to the same text). */
  revision: number;
}

export const resourcePolicies = defineSlice<ResourcePoliciesState>(
  'resource-policies',
  () => ({ byArn: {}, revision: 0 }),
  obj({ byArn: rec(arr(resourcePolicyRecordSchema)), revision: int }),
);
