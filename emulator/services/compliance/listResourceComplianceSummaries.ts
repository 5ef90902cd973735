import { defineOperation } from '../../core/operation.js';
import { listResourceComplianceSummaries } from '../../sim/compliance/lists.js';

/** ListResourceComplianceSummaries: per resource and type, items counted by status and severity (sim/compliance/lists.ts). */
export default defineOperation('ListResourceComplianceSummaries', (input, ctx) => listResourceComplianceSummaries(ctx, input));
