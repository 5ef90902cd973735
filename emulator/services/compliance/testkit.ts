/** Test helpers for compliance: a small fleet and PutComplianceItems requests. */
import type { ComplianceItemEntry, PutComplianceItemsCommandInput } from '@aws-sdk/client-ssm';

export { addNode, expectError } from '../../testing/fleet.js';
export { iid, smallFleet } from '../inventory/testkit.js';

export const AT = new Date('2025-01-01T00:00:00Z');

export const item = (Id: string, Status: ComplianceItemEntry['Status'], Severity: ComplianceItemEntry['Severity'] = 'UNSPECIFIED', Details?: Record<string, string>): ComplianceItemEntry => ({
  Id,
  Title: `title of ${Id}`,
  Status,
  Severity,
  ...(Details && { Details }),
});

export function request(ResourceId: string, ComplianceType: string, Items: ComplianceItemEntry[], over: Partial<PutComplianceItemsCommandInput> = {}): PutComplianceItemsCommandInput {
  return { ResourceId, ResourceType: 'ManagedInstance', ComplianceType, ExecutionSummary: { ExecutionTime: AT }, Items, ...over };
}

/** A SeveritySummary with every count zero. */
export const zero = { CriticalCount: 0, HighCount: 0, MediumCount: 0, LowCount: 0, InformationalCount: 0, UnspecifiedCount: 0 };
