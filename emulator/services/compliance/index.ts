/**
 * The Compliance capability area: PutComplianceItems, ListComplianceItems, ListComplianceSummaries
 * and ListResourceComplianceSummaries over emulator/sim/compliance/, and the complianceWriter port
 * through which State Manager (Association), Patch Manager (Patch) and inventory (AWS:ComplianceItem)
 * record compliance in the same store, and AWS:ComplianceSummary OpsData for OpsCenter's GetOpsSummary.
 */
import type { Area } from '../../core/operation.js';
import { complianceWriter } from '../../sim/compliance/writer.js';
import { putCompliance } from '../../sim/compliance/store.js';
import { complianceSummarySource } from '../../sim/compliance/opsdata.js';
import { opsDataSources } from '../../sim/ops-items/opsdata.js';
import putComplianceItems from './putComplianceItems.js';
import listComplianceItems from './listComplianceItems.js';
import listComplianceSummaries from './listComplianceSummaries.js';
import listResourceComplianceSummaries from './listResourceComplianceSummaries.js';

export const complianceArea: Area = {
  name: 'compliance',
  operations: [putComplianceItems, listComplianceItems, listComplianceSummaries, listResourceComplianceSummaries],
  provides: [complianceWriter.provide({ put: putCompliance }), opsDataSources.provide(complianceSummarySource)],
};
