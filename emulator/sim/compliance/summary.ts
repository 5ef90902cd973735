/**
 * Compliance summaries, as ListResourceComplianceSummaries and ListComplianceSummaries count:
 *
 * - one resource and type (ListResourceComplianceSummaries): Status is NON_COMPLIANT when any item
 *   is; CompliantSummary / NonCompliantSummary count the ITEMS of each status, by severity;
 *   OverallSeverity is the highest severity among the non-compliant items (among the compliant ones
 *   when there are none);
 * - one type over the account (ListComplianceSummaries): each RESOURCE counts once, as compliant or
 *   non-compliant, under its OverallSeverity.
 *
 * Both as the AWS CLI's recorded examples show them (a compliant Patch node with 397 UNSPECIFIED
 * items: CompliantCount 397 for the resource, UnspecifiedCount 1 under CompliantCount 1 for the
 * type), with every severity count present, zeros included.
 */
import type { ComplianceSeverity, ComplianceStatus, CompliantSummary, NonCompliantSummary, SeveritySummary } from '../../generated/ssm/types.js';
import { SEVERITIES, type ComplianceRecord } from './state.js';

const COUNT_MEMBER: Record<ComplianceSeverity, keyof SeveritySummary> = {
  CRITICAL: 'CriticalCount',
  HIGH: 'HighCount',
  MEDIUM: 'MediumCount',
  LOW: 'LowCount',
  INFORMATIONAL: 'InformationalCount',
  UNSPECIFIED: 'UnspecifiedCount',
};

export const emptySeverities = (): Required<SeveritySummary> => ({
  CriticalCount: 0,
  HighCount: 0,
  MediumCount: 0,
  LowCount: 0,
  InformationalCount: 0,
  UnspecifiedCount: 0,
});

export const countSeverity = (s: Required<SeveritySummary>, severity: ComplianceSeverity) => void (s[COUNT_MEMBER[severity]] += 1);

const rank = (s: ComplianceSeverity) => SEVERITIES.indexOf(s);
const higher = (a: ComplianceSeverity | undefined, b: ComplianceSeverity) => (a === undefined || rank(b) < rank(a) ? b : a);

export interface RecordSummary {
  Status: ComplianceStatus;
  OverallSeverity: ComplianceSeverity;
  CompliantSummary: CompliantSummary;
  NonCompliantSummary: NonCompliantSummary;
}

export function summarize(record: ComplianceRecord): RecordSummary {
  const compliant = emptySeverities();
  const nonCompliant = emptySeverities();
  let nCompliant = 0;
  let nNon = 0;
  let worstCompliant: ComplianceSeverity | undefined;
  let worstNon: ComplianceSeverity | undefined;
  for (const item of record.Items) {
    if (item.Status === 'NON_COMPLIANT') {
      nNon++;
      countSeverity(nonCompliant, item.Severity);
      worstNon = higher(worstNon, item.Severity);
    } else {
      nCompliant++;
      countSeverity(compliant, item.Severity);
      worstCompliant = higher(worstCompliant, item.Severity);
    }
  }
  return {
    Status: nNon > 0 ? 'NON_COMPLIANT' : 'COMPLIANT',
    OverallSeverity: worstNon ?? worstCompliant ?? 'UNSPECIFIED',
    CompliantSummary: { CompliantCount: nCompliant, SeveritySummary: compliant },
    NonCompliantSummary: { NonCompliantCount: nNon, SeveritySummary: nonCompliant },
  };
}
