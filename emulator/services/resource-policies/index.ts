/** The resource-policies capability area: its operations, scheduled task kinds and start-up hook. */
import type { Area } from '../../core/operation.js';

export const resourcePoliciesArea: Area = {
  name: 'resource-policies',
  operations: [],
};
