/** Test helpers for compliance: a small fleet and PutComplianceItems requests. */
import type { ComplianceItemEntry, PutComplianceItemsCommandInput } from '@aws-sdk/client-ssm';

import { addNode } from '../../testing/fleet.js';

export { addNode, expectError } from '../../testing/fleet.js';

export const iid = (n: number) => `i-${String(n).padStart(17, '0')}`;

interface Http {
  post(path: string): { send(body: unknown): PromiseLike<{ status: number; body: any }> };
}

/** Linux nodes 1 and 2, a Windows node 3, an Ubuntu node 4. */
export async function smallFleet(http: Http): Promise<void> {
  for (const [n, Platform] of [[1, 'amazon-linux-2023'], [2, 'amazon-linux-2023'], [3, 'windows-2022'], [4, 'ubuntu-22.04']] as const) await addNode(http, { InstanceId: iid(n), Platform });
}

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
