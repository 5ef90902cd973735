/** The fleet capability area: its operations, scheduled task kinds and start-up hook. */
import type { Area } from '../../core/operation.js';

export const fleetArea: Area = {
  name: 'fleet',
  operations: [],
};
