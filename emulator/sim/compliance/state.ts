/**
 * Compliance's slice of a region's state: for each resource, one record per compliance type
 * (Association, Patch, Custom:...), holding the items last reported for that type and the execution
 * that reported them. Wire member names throughout; ExecutionTime in epoch seconds.
 *
 * Resources are keyed "<ResourceType>/<ResourceId>", so a resource id can never collide with an
 * Object.prototype member; records of a resource are a short array (at most 2 + 10 custom types).
 * Records keep the order their types were first reported; lists sort at read time.
 */
import { defineSlice } from '../../state/store.js';
import { arr, num, obj, oneOf, rec, str } from '../../state/schema.js';
import type { ComplianceExecutionSummary, ComplianceSeverity, ComplianceStatus } from '../../generated/ssm/types.js';

export interface StoredComplianceItem {
  Id?: string;
  Title?: string;
  Severity: ComplianceSeverity;
  Status: ComplianceStatus;
  Details?: Record<string, string>;
}

/** What one resource reported for one compliance type. */
export interface ComplianceRecord {
  ComplianceType: string;
  ExecutionSummary: ComplianceExecutionSummary;
  ItemContentHash?: string;
  Items: StoredComplianceItem[];
}

export interface ResourceCompliance {
  ResourceId: string;
  ResourceType: string;
  Records: ComplianceRecord[];
}

export interface ComplianceSlice {
  /** "<ResourceType>/<ResourceId>" -> the resource's records */
  resources: Record<string, ResourceCompliance>;
}

/** Severities from the highest down (the order summaries use to pick an OverallSeverity). */
export const SEVERITIES: readonly ComplianceSeverity[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL', 'UNSPECIFIED'];
export const STATUSES: readonly ComplianceStatus[] = ['COMPLIANT', 'NON_COMPLIANT'];

/** What a restored snapshot's compliance must look like (see state/schema.ts). */
const recordSchema = obj(
  {
    ComplianceType: str,
    ExecutionSummary: obj({ ExecutionTime: num }, { ExecutionId: str, ExecutionType: str }),
    Items: arr(obj({ Severity: oneOf(...SEVERITIES), Status: oneOf(...STATUSES) }, { Id: str, Title: str, Details: rec(str) })),
  },
  { ItemContentHash: str },
);

export const complianceSlice = defineSlice<ComplianceSlice>(
  'compliance',
  () => ({ resources: {} }),
  obj({ resources: rec(obj({ ResourceId: str, ResourceType: str, Records: arr(recordSchema) })) }),
);

export const resourceKey = (resourceType: string, resourceId: string) => `${resourceType}/${resourceId}`;

export function getResource(scope: Parameters<typeof complianceSlice.of>[0], resourceType: string, resourceId: string): ResourceCompliance | undefined {
  const all = complianceSlice.of(scope).resources;
  const key = resourceKey(resourceType, resourceId);
  return Object.hasOwn(all, key) ? all[key] : undefined;
}
