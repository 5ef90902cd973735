import { defineOperation } from '../../core/operation.js';
import { listComplianceSummaries } from '../../sim/compliance/lists.js';

/** ListComplianceSummaries: per compliance type, resources counted by status and severity (sim/compliance/lists.ts). */
export default defineOperation('ListComplianceSummaries', (input, ctx) => listComplianceSummaries(ctx, input));
