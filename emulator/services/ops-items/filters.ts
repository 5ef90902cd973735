/**
 * The OpsItemFilters of DescribeOpsItems, declared for the filter engine (core/filters.ts), with the
 * operators the API reference lists per key:
 *
 *   Status, Priority, OpsItemId, OpsItemType, Severity, AutomationId, AccountId,
 *   OperationalData, OperationalDataKey                       Equal
 *   Source, Title, CreatedBy, Category, OperationalDataValue  Equal, Contains
 *   ResourceId                                                Contains (ARNs under /aws/resources)
 *   CreatedTime, LastModifiedTime, Actual/PlannedStart/EndTime GreaterThan, LessThan (instants)
 *   ChangeRequestBy*, AccessRequestBy*, InsightByType         Equal
 *
 * Title's Equal compares the first 100 characters and refuses a longer value. OperationalData takes
 * {"key":"key_name","value":"a_value"}. Only SearchableString operational data takes part (String
 * data is visible to GetOpsItem only). Values of one filter are ORed, filters ANDed.
 *
 * The ChangeRequestBy*, AccessRequestBy* and InsightByType keys read the JSON object that change
 * requests, access requests and insights carry under /aws/changerequest, /aws/accessrequest and
 * /aws/insight (field per key in WORKFLOW_FIELDS): AWS does not document where these values live, so
 * the mapping is the emulator's, and the capabilities that create such OpsItems fill those fields.
 *
 * DescribeOpsItems models no error of its own for bad filters: they answer ValidationException.
 */
import { defineFilters, type FilterErrors, type KeySpec } from '../../core/filters.js';
import { OpsItemInvalidParameterException, ValidationException } from '../../generated/ssm/errors.js';
import type { OpsItemFilter } from '../../generated/ssm/types.js';
import { WORKFLOW_STATUSES, type OpsItemRecord } from '../../sim/ops-items/state.js';
import { AUTOMATIONS_KEY, isSearchable, listedData, RESOURCES_KEY } from '../../sim/ops-items/model.js';
import * as messages from '../../sim/ops-items/messages.js';

/** An OpsItem and the account that owns it (AccountId filter). */
export interface Listed {
  rec: OpsItemRecord;
  account: string;
}

export const TITLE_EQUAL_CHARS = 100;

/** Filter key -> [operational data key, field of its JSON object]. */
export const WORKFLOW_FIELDS: Readonly<Record<string, readonly [string, string]>> = {
  ChangeRequestByRequesterArn: ['/aws/changerequest', 'requesterArn'],
  ChangeRequestByRequesterName: ['/aws/changerequest', 'requesterName'],
  ChangeRequestByApproverArn: ['/aws/changerequest', 'approverArn'],
  ChangeRequestByApproverName: ['/aws/changerequest', 'approverName'],
  ChangeRequestByTemplate: ['/aws/changerequest', 'templateName'],
  ChangeRequestByTargetsResourceGroup: ['/aws/changerequest', 'targetsResourceGroup'],
  AccessRequestByRequesterArn: ['/aws/accessrequest', 'requesterArn'],
  AccessRequestByRequesterId: ['/aws/accessrequest', 'requesterId'],
  AccessRequestByApproverArn: ['/aws/accessrequest', 'approverArn'],
  AccessRequestByApproverId: ['/aws/accessrequest', 'approverId'],
  AccessRequestBySourceAccountId: ['/aws/accessrequest', 'sourceAccountId'],
  AccessRequestBySourceOpsItemId: ['/aws/accessrequest', 'sourceOpsItemId'],
  AccessRequestBySourceRegion: ['/aws/accessrequest', 'sourceRegion'],
  AccessRequestByIsReplica: ['/aws/accessrequest', 'isReplica'],
  AccessRequestByTargetResourceId: ['/aws/accessrequest', 'targetResourceId'],
  InsightByType: ['/aws/insight', 'type'],
};

/** The values of a field of a workflow JSON object (a list field gives each element). */
function workflowValues(rec: OpsItemRecord, dataKey: string, field: string): string[] {
  const v = rec.OperationalData[dataKey];
  if (!v) return [];
  try {
    const o = JSON.parse(v.Value ?? '') as Record<string, unknown>;
    const x = o?.[field];
    const list = Array.isArray(x) ? x : x === undefined ? [] : [x];
    return list.filter((e) => ['string', 'number', 'boolean'].includes(typeof e)).map(String);
  } catch {
    return [];
  }
}

const searchableEntries = (rec: OpsItemRecord) => Object.entries(rec.OperationalData).filter(([, v]) => isSearchable(v));

const equal = { operators: ['Equal'] } as const;
const equalOrContains = { operators: ['Equal', 'Contains'] } as const;
const instant = (read: (r: OpsItemRecord) => number | undefined): KeySpec<Listed> => ({
  read: (l) => read(l.rec),
  type: 'date',
  operators: ['GreaterThan', 'LessThan'],
  operator: 'GreaterThan',
});

/** {"key":"k","value":"v"} of an OperationalData filter, compared as "k\u0000v". */
function parseDataPair(value: string): string {
  let o: unknown;
  try {
    o = JSON.parse(value);
  } catch {
    throw new ValidationException(messages.operationalDataFilterValue(value));
  }
  const { key, value: v } = (o ?? {}) as { key?: unknown; value?: unknown };
  if (typeof key !== 'string' || typeof v !== 'string') throw new ValidationException(messages.operationalDataFilterValue(value));
  return `${key}\u0000${v}`;
}

const keys: Record<string, KeySpec<Listed>> = {
  Status: { read: (l) => l.rec.Status, allowed: WORKFLOW_STATUSES, ...equal },
  CreatedBy: { read: (l) => l.rec.CreatedBy, ...equalOrContains },
  Source: { read: (l) => l.rec.Source, ...equalOrContains },
  Priority: { read: (l) => l.rec.Priority, type: 'number', ...equal },
  Title: {
    ...equalOrContains,
    check: { valid: (v) => v.length <= TITLE_EQUAL_CHARS, operators: ['Equal'] },
    errors: { badValue: () => new ValidationException(messages.titleTooLong(TITLE_EQUAL_CHARS)) },
    test: (op, values) => {
      const wanted = values as string[];
      return op === 'Equal'
        ? (l) => wanted.includes(l.rec.Title.slice(0, TITLE_EQUAL_CHARS))
        : (l) => wanted.some((v) => l.rec.Title.includes(v));
    },
  },
  OpsItemId: { read: (l) => l.rec.OpsItemId, ...equal },
  CreatedTime: instant((r) => r.CreatedTime),
  LastModifiedTime: instant((r) => r.LastModifiedTime),
  ActualStartTime: instant((r) => r.ActualStartTime),
  ActualEndTime: instant((r) => r.ActualEndTime),
  PlannedStartTime: instant((r) => r.PlannedStartTime),
  PlannedEndTime: instant((r) => r.PlannedEndTime),
  OperationalData: {
    read: (l) => searchableEntries(l.rec).map(([k, v]) => `${k}\u0000${v.Value ?? ''}`),
    parse: parseDataPair,
    ...equal,
  },
  OperationalDataKey: { read: (l) => searchableEntries(l.rec).map(([k]) => k), ...equal },
  OperationalDataValue: { read: (l) => searchableEntries(l.rec).map(([, v]) => v.Value ?? ''), ...equalOrContains },
  ResourceId: { read: (l) => listedData(l.rec, RESOURCES_KEY, 'arn'), operators: ['Contains'], operator: 'Contains' },
  AutomationId: { read: (l) => listedData(l.rec, AUTOMATIONS_KEY, 'automationId'), ...equal },
  Category: { read: (l) => l.rec.Category, ...equalOrContains },
  Severity: { read: (l) => l.rec.Severity, ...equal },
  OpsItemType: { read: (l) => l.rec.OpsItemType, ...equal },
  AccountId: { read: (l) => l.account, ...equal },
};
for (const [key, [dataKey, field]] of Object.entries(WORKFLOW_FIELDS)) keys[key] = { read: (l) => workflowValues(l.rec, dataKey, field), ...equal };

const engine = defineFilters<Listed>({
  name: 'DescribeOpsItems',
  defaults: { operator: 'Equal', minValues: 1 },
  errors: {
    unknownKey: (key) => new ValidationException(messages.badFilterKey(key)),
    badValue: ({ key, value, allowed }) => new ValidationException(messages.badFilterValue(key, value, allowed)),
    badOperator: (operator, allowed, key) => new ValidationException(messages.badFilterOperator(operator, allowed, key)),
    missingValues: (key) => new ValidationException(messages.missingFilterValues(key)),
  },
  keys,
});

export const compileOpsItemFilters = (filters: readonly OpsItemFilter[] | undefined) =>
  engine.compile((filters ?? []).map((f) => ({ key: f.Key, values: f.Values, operator: f.Operator })));

/** The filter errors of ListOpsItemEvents and ListOpsItemRelatedItems: OpsItemInvalidParameterException. */
export const invalidFilterParameter = (m: string, name = 'Filters') => new OpsItemInvalidParameterException(m, { ParameterNames: [name] });
export const listFilterErrors: FilterErrors = {
  unknownKey: (key) => invalidFilterParameter(messages.badFilterKey(key)),
  badValue: ({ key, value }) => invalidFilterParameter(messages.badFilterValue(key, value)),
  missingValues: (key) => invalidFilterParameter(messages.missingFilterValues(key)),
};
export const listFilterDefaults = { operators: ['Equal'], operator: 'Equal', minValues: 1 } as const;
