/** The documents capability area: its operations, scheduled task kinds and start-up hook. */
import type { Area } from '../../core/operation.js';

export const documentsArea: Area = {
  name: 'documents',
  operations: [],
};
