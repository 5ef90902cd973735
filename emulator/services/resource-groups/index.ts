/** The resource-groups capability area: its operations, scheduled task kinds and start-up hook. */
import type { Area } from '../../core/operation.js';

export const resourceGroupsArea: Area = {
  name: 'resource-groups',
  operations: [],
};
