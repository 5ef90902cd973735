/**
 * Parameter policies (advanced tier), as the user guide "Assigning parameter policies" defines them:
 *
 *   Policies is a JSON array of at most 10 {"Type", "Version": "1.0", "Attributes"} objects:
 *     Expiration              {"Timestamp": ISO_INSTANT or ISO_OFFSET_DATE_TIME}: the parameter is
 *                             deleted at that time; updating the parameter does not move it;
 *     ExpirationNotification  {"Before": n, "Unit": "Days" | "Hours"}: an event n units before expiry;
 *     NoChangeNotification    {"After": n, "Unit": "Days" | "Hours"}: an event when the parameter has
 *                             not been modified for n units; every new version restarts the period.
 *   Existing policies are kept when PutParameter has no Policies; "[{}]" (or "[]") removes them all.
 *
 * Enforcement is a scheduler task per parameter (kind parameters.policy, keyed by the parameter, so
 * every overwrite or deletion reschedules or cancels it) set at the earliest pending due time; the
 * task fires what is due on the virtual clock and sets the next one. AWS enforces policies with
 * "asynchronous, periodic scans"; the emulator acts at the exact instant instead.
 */
import type { Ctx } from '../../core/context.js';
import {
  IncompatiblePolicyException,
  InvalidPolicyAttributeException,
  InvalidPolicyTypeException,
  PoliciesLimitExceededException,
} from '../../generated/ssm/errors.js';
import { current, parameters, type ParameterVersion, type PolicyType, type StoredPolicy } from './state.js';
import * as messages from './messages.js';

export const POLICY_TASK = 'parameters.policy';
export const MAX_POLICIES = 10;
const HOUR = 3_600_000;
const UNITS: Record<string, number> = { Days: 24 * HOUR, Hours: HOUR };
const TYPES: readonly PolicyType[] = ['Expiration', 'ExpirationNotification', 'NoChangeNotification'];
const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2}(?::\d{2})?)$/;

export interface PolicyDocument {
  Type: PolicyType;
  Version: string;
  Attributes: Record<string, string>;
}

/** ISO_INSTANT ("2018-12-02T21:34:33.000Z") or ISO_OFFSET_DATE_TIME ("2019-11-01T22:13:48.87+10:30:00") -> ms. */
export function parseIsoTimestamp(text: string): number | undefined {
  const m = ISO.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== +y || check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d || +h > 23 || +mi > 59 || +s > 59) return undefined;
  if (zone === 'Z') return ms;
  const sign = zone[0] === '-' ? -1 : 1;
  const [oh, om, os = '0'] = zone.slice(1).split(':');
  return ms - sign * ((+oh * 60 + +om) * 60 + +os) * 1000;
}

const attributeError = (detail: string) => new InvalidPolicyAttributeException(messages.invalidPolicyAttribute(detail));

function checkAmount(doc: PolicyDocument, attr: 'Before' | 'After'): void {
  const keys = Object.keys(doc.Attributes);
  const extra = keys.find((k) => k !== attr && k !== 'Unit');
  if (extra) throw attributeError(`${doc.Type} does not take the attribute ${extra}.`);
  const amount = doc.Attributes[attr];
  if (typeof amount !== 'string' && typeof amount !== 'number') throw attributeError(`${doc.Type} needs the attribute ${attr}.`);
  if (!/^[1-9]\d{0,5}$/.test(String(amount))) throw attributeError(`${attr} must be a positive whole number, not ${String(amount)}.`);
  if (!(doc.Attributes.Unit in UNITS)) throw attributeError(`Unit must be Days or Hours, not ${String(doc.Attributes.Unit)}.`);
}

/**
 * Parses and checks a Policies string. Returns the policies to store (all Pending), or [] when the
 * request clears them ("[{}]" or "[]").
 */
export function parsePolicies(text: string, nowMs: number): StoredPolicy[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw attributeError('Policies must be a JSON array of policy objects.');
  }
  if (!Array.isArray(parsed)) throw attributeError('Policies must be a JSON array of policy objects.');
  const items = parsed.filter((p) => !(p && typeof p === 'object' && !Array.isArray(p) && Object.keys(p).length === 0));
  if (items.length > MAX_POLICIES) throw new PoliciesLimitExceededException(messages.tooManyPolicies());
  const out: StoredPolicy[] = [];
  let expirations = 0;
  for (const item of items) {
    if (!item || typeof item !== 'object' || Array.isArray(item)) throw attributeError('Each policy must be a JSON object.');
    const doc = item as PolicyDocument;
    if (typeof doc.Type !== 'string' || !TYPES.includes(doc.Type)) throw new InvalidPolicyTypeException(messages.invalidPolicyType(String(doc.Type)));
    if (doc.Version !== '1.0') throw attributeError(`Version must be "1.0", not ${JSON.stringify(doc.Version ?? null)}.`);
    const known = new Set(['Type', 'Version', 'Attributes']);
    const stray = Object.keys(doc).find((k) => !known.has(k));
    if (stray) throw attributeError(`Unknown policy member ${stray}.`);
    if (!doc.Attributes || typeof doc.Attributes !== 'object' || Array.isArray(doc.Attributes)) throw attributeError(`${doc.Type} needs Attributes.`);
    if (doc.Type === 'Expiration') {
      expirations++;
      const keys = Object.keys(doc.Attributes);
      if (keys.length !== 1 || keys[0] !== 'Timestamp') throw attributeError('Expiration takes exactly one attribute, Timestamp.');
      const at = typeof doc.Attributes.Timestamp === 'string' ? parseIsoTimestamp(doc.Attributes.Timestamp) : undefined;
      if (at === undefined) throw attributeError(`Timestamp must be an ISO_INSTANT or ISO_OFFSET_DATE_TIME date, not ${JSON.stringify(doc.Attributes.Timestamp)}.`);
      if (at <= nowMs) throw attributeError(`The expiration Timestamp ${doc.Attributes.Timestamp} is not in the future.`);
    } else {
      checkAmount(doc, doc.Type === 'ExpirationNotification' ? 'Before' : 'After');
    }
    out.push({ PolicyText: JSON.stringify(doc), PolicyType: doc.Type, PolicyStatus: 'Pending' });
  }
  if (expirations > 1) throw new IncompatiblePolicyException(messages.incompatiblePolicies('more than one Expiration policy'));
  return out;
}

/** Policies carried over to a new version when PutParameter has no Policies: NoChangeNotification restarts. */
export const carryOver = (policies: readonly StoredPolicy[]): StoredPolicy[] =>
  policies.map((p) => (p.PolicyType === 'NoChangeNotification' ? { ...p, PolicyStatus: 'Pending' } : { ...p }));

export const documentOf = (p: StoredPolicy): PolicyDocument => JSON.parse(p.PolicyText) as PolicyDocument;

/** The instant (ms) a policy falls due for a version, or undefined when it never will. */
export function dueAt(policy: StoredPolicy, version: ParameterVersion): number | undefined {
  const doc = documentOf(policy);
  switch (doc.Type) {
    case 'Expiration':
      return parseIsoTimestamp(doc.Attributes.Timestamp);
    case 'ExpirationNotification': {
      const exp = version.Policies.find((p) => p.PolicyType === 'Expiration');
      if (!exp) return undefined; // nothing to warn about
      const at = parseIsoTimestamp(documentOf(exp).Attributes.Timestamp);
      return at === undefined ? undefined : at - Number(doc.Attributes.Before) * UNITS[doc.Attributes.Unit];
    }
    case 'NoChangeNotification':
      return Math.round(version.LastModifiedDate * 1000) + Number(doc.Attributes.After) * UNITS[doc.Attributes.Unit];
  }
}

export const policyTaskKey = (ctx: { account: string; region: string }, key: string) => `${POLICY_TASK}|${ctx.account}|${ctx.region}|${key}`;

/** (Re)schedules the policy task of a parameter at its earliest pending due time, or cancels it. */
export function schedulePolicies(ctx: Ctx, key: string): void {
  const taskKey = policyTaskKey(ctx, key);
  const rec = parameters.of(ctx.scope).byName[key];
  let next = Infinity;
  if (rec) {
    const v = current(rec);
    for (const p of v.Policies) {
      if (p.PolicyStatus !== 'Pending') continue;
      const at = dueAt(p, v);
      if (at !== undefined && at < next) next = at;
    }
  }
  if (next === Infinity) {
    ctx.emu.scheduler.cancel(taskKey);
    return;
  }
  ctx.emu.scheduler.schedule({ at: Math.max(next, ctx.now), kind: POLICY_TASK, account: ctx.account, region: ctx.region, key: taskKey, payload: { key } });
}

/** Human units for event reasons ("15 Days"). */
export const amountOf = (p: StoredPolicy): { amount: string; unit: string } => {
  const a = documentOf(p).Attributes;
  return { amount: String(a.Before ?? a.After), unit: a.Unit };
};
