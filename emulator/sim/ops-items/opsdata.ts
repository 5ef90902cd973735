/**
 * OpsData: what GetOpsSummary summarizes (Explorer's data), per type name. Each type is a source of
 * rows: an id (the entity it describes: an OpsItem id, an instance id, a day), its attributes as
 * strings (what OpsEntityItemEntry carries) and when the data was captured.
 *
 * Sources plug in through the opsDataSources port, so a capability that owns data (compliance for
 * AWS:ComplianceSummary) provides it without this module importing that capability. OpsCenter itself
 * provides AWS:OpsItem, AWS:OpsItemTrendline and AWS:EC2InstanceInformation (the fleet's nodes).
 *
 * AWS:OpsItem rows follow AWS's recorded get-ops-summary output: ISO times with milliseconds, the
 * SearchableString operational data as JSON with lower-case type/value members, notifications and
 * related OpsItems as comma-separated lists. The trendline (OpsItems created per UTC day) and the
 * instance rows are shaped by the emulator (AWS documents neither).
 */
import type { Ctx } from '../../core/context.js';
import { toEpochSeconds } from '../../core/context.js';
import { definePort } from '../../core/ports.js';
import { allInstances } from '../fleet/state.js';
import { isVisible, lastPingSeconds, pingStatus } from '../fleet/instance.js';
import { itemsNewestFirst, isSearchable } from './model.js';
import type { OpsItemRecord } from './state.js';

export type AttributeType = 'string' | 'number';

export interface OpsDataRow {
  id: string;
  attributes: Record<string, string>;
  /** ISO 8601 UTC. */
  captureTime: string;
}

export interface OpsDataSource {
  /** AWS:OpsItem, AWS:ComplianceSummary, ... */
  readonly typeName: string;
  /** The attributes a row may have, with how filters compare them. */
  readonly attributes: Readonly<Record<string, AttributeType>>;
  rows(ctx: Ctx): OpsDataRow[];
}

export const opsDataSources = definePort<OpsDataSource>('ops-items.opsdata-sources');

/** The types GetOpsSummary's ResultAttributes documents (OpsResultAttribute.TypeName). */
export const DOCUMENTED_TYPES = ['AWS:OpsItem', 'AWS:EC2InstanceInformation', 'AWS:OpsItemTrendline', 'AWS:ComplianceSummary'];

export const isoTime = (seconds: number) => new Date(Math.round(seconds * 1000)).toISOString();

function opsItemRow(account: string, rec: OpsItemRecord): OpsDataRow {
  const data: Record<string, { type: string; value: string }> = {};
  for (const [k, v] of Object.entries(rec.OperationalData)) {
    if (isSearchable(v)) Object.defineProperty(data, k, { value: { type: v.Type, value: v.Value ?? '' }, enumerable: true });
  }
  const a: Record<string, string> = {
    AccountId: account,
    CreatedBy: rec.CreatedBy,
    CreatedTime: isoTime(rec.CreatedTime),
    Description: rec.Description,
    LastModifiedBy: rec.LastModifiedBy,
    LastModifiedTime: isoTime(rec.LastModifiedTime),
    Notifications: rec.Notifications.map((n) => n.Arn).join(','),
    OperationalData: JSON.stringify(data),
    OpsItemId: rec.OpsItemId,
    OpsItemType: rec.OpsItemType,
    RelatedItems: rec.RelatedOpsItems.map((r) => r.OpsItemId).join(','),
    Source: rec.Source,
    Status: rec.Status,
    Title: rec.Title,
  };
  if (rec.Category !== undefined) a.Category = rec.Category;
  if (rec.Severity !== undefined) a.Severity = rec.Severity;
  if (rec.Priority !== undefined) a.Priority = String(rec.Priority);
  for (const k of ['ActualStartTime', 'ActualEndTime', 'PlannedStartTime', 'PlannedEndTime'] as const) if (rec[k] !== undefined) a[k] = isoTime(rec[k]!);
  return { id: rec.OpsItemId, attributes: a, captureTime: isoTime(rec.LastModifiedTime) };
}

const STRING = 'string' as const;
const strings = (...names: string[]) => Object.fromEntries(names.map((n) => [n, STRING])) as Record<string, AttributeType>;

export const opsItemSource: OpsDataSource = {
  typeName: 'AWS:OpsItem',
  attributes: {
    ...strings(
      'AccountId', 'Category', 'CreatedBy', 'CreatedTime', 'Description', 'LastModifiedBy', 'LastModifiedTime', 'Notifications',
      'OperationalData', 'OpsItemId', 'OpsItemType', 'RelatedItems', 'Severity', 'Source', 'Status', 'Title', 'ActualStartTime',
      'ActualEndTime', 'PlannedStartTime', 'PlannedEndTime',
    ),
    Priority: 'number',
  },
  rows: (ctx) => itemsNewestFirst(ctx).map((rec) => opsItemRow(ctx.account, rec)),
};

/** OpsItems created per UTC day (Date, Count; Open / InProgress / Resolved: how many of them are so now). */
export const trendlineSource: OpsDataSource = {
  typeName: 'AWS:OpsItemTrendline',
  attributes: { Date: 'string', Count: 'number', Open: 'number', InProgress: 'number', Resolved: 'number' },
  rows(ctx) {
    const days = new Map<string, OpsItemRecord[]>();
    for (const rec of itemsNewestFirst(ctx)) {
      const day = isoTime(rec.CreatedTime).slice(0, 10);
      let list = days.get(day);
      if (!list) days.set(day, (list = []));
      list.push(rec);
    }
    const now = isoTime(toEpochSeconds(ctx.now));
    return [...days].map(([day, recs]) => ({
      id: day,
      attributes: {
        Date: day,
        Count: String(recs.length),
        Open: String(recs.filter((r) => r.Status === 'Open').length),
        InProgress: String(recs.filter((r) => r.Status === 'InProgress').length),
        Resolved: String(recs.filter((r) => r.Status === 'Resolved').length),
      },
      captureTime: now,
    }));
  },
};

/** The account's managed nodes (running ones), as the fleet shows them now. */
export const instanceInformationSource: OpsDataSource = {
  typeName: 'AWS:EC2InstanceInformation',
  attributes: strings('AgentVersion', 'ComputerName', 'InstanceId', 'IpAddress', 'PingStatus', 'PlatformName', 'PlatformType', 'PlatformVersion', 'ResourceType'),
  rows(ctx) {
    const now = toEpochSeconds(ctx.now);
    return allInstances(ctx)
      .filter(isVisible)
      .map((inst) => ({
        id: inst.InstanceId,
        attributes: {
          AgentVersion: inst.AgentVersion,
          ComputerName: inst.ComputerName,
          InstanceId: inst.InstanceId,
          IpAddress: inst.IPAddress,
          PingStatus: pingStatus(inst, now),
          PlatformName: inst.PlatformName,
          PlatformType: inst.PlatformType,
          PlatformVersion: inst.PlatformVersion,
          ResourceType: inst.ResourceType,
        },
        captureTime: isoTime(lastPingSeconds(inst, now)),
      }));
  },
};
