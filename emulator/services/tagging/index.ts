/** The tagging capability area: its operations, scheduled task kinds and start-up hook. */
import type { Area } from '../../core/operation.js';

export const taggingArea: Area = {
  name: 'tagging',
  operations: [],
};
