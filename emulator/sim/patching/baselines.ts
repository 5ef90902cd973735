/**
 * Patch baselines as the operations see them: the Region's predefined ones (read-only, named by ARN)
 * and the account's own (pb- ids); which one is the default per operating system; patch group
 * registrations; and the checks CreatePatchBaseline / UpdatePatchBaseline make on a baseline's content.
 *
 * Ids. A custom baseline is named by its id (pb- and 17 hex digits) or its ARN in the caller's account
 * and Region; a predefined one only by its ARN ("For an AWS-provided patch baseline, you must specify
 * the full ARN"). Anything else that is not even shaped like a baseline id is InvalidResourceId.
 */
import type { Ctx } from '../../core/context.js';
import type {
  OperatingSystem,
  PatchBaselineIdentity,
  PatchFilter,
  PatchFilterGroup,
  PatchRuleGroup,
  PatchSource,
} from '../../generated/ssm/types.js';
import { catalogProducts } from './catalog.js';
import { invalidListEntry } from './matching.js';
import * as m from './messages.js';
import { OS_INFO } from './os.js';
import { predefinedBaselines } from './predefined.js';
import { patchingOf, type StoredBaseline } from './state.js';

/** Service quotas: "Patch baselines per account per Region: 50"; "Patch groups per patch baseline: 25" [unverified]. */
export const MAX_BASELINES = 50;
export const MAX_GROUPS_PER_BASELINE = 25;

export const BASELINE_ID = /^pb-[0-9a-f]{17}$/;
const BASELINE_ARN = /^arn:aws:ssm:([a-z0-9-]+):(\d{12}):patchbaseline\/(pb-[0-9a-f]{17})$/;

export type BaselineRef = { ok: true; id: string; arn?: { region: string; account: string } } | { ok: false };

export function parseBaselineRef(ref: string): BaselineRef {
  if (BASELINE_ID.test(ref)) return { ok: true, id: ref };
  const a = BASELINE_ARN.exec(ref);
  return a ? { ok: true, id: a[3], arn: { region: a[1], account: a[2] } } : { ok: false };
}

/** The baseline a request names (id or ARN), or undefined; `invalid` when the reference is not shaped like one. */
export function lookupBaseline(ctx: Ctx, ref: string): StoredBaseline | undefined | 'invalid' {
  const r = parseBaselineRef(ref);
  if (!r.ok) return 'invalid';
  if (r.arn) {
    if (r.arn.region !== ctx.region) return undefined;
    if (r.arn.account === ctx.account) return customBaseline(ctx, r.id);
    return predefinedBaselines(ctx.region).find((b) => b.BaselineId === ref);
  }
  return customBaseline(ctx, r.id);
}

export function customBaseline(ctx: Ctx, id: string): StoredBaseline | undefined {
  const all = patchingOf(ctx).baselines;
  return Object.hasOwn(all, id) ? all[id] : undefined;
}

/** Predefined baselines (by name), then the account's (by creation). */
export function allBaselines(ctx: Ctx): StoredBaseline[] {
  const own = Object.values(patchingOf(ctx).baselines).sort((a, b) => a.Seq - b.Seq);
  return [...predefinedBaselines(ctx.region), ...own];
}

/** The default baseline of an OS: the account's registration, else AWS's predefined default. */
export function defaultBaseline(ctx: Ctx, os: OperatingSystem): StoredBaseline {
  const registered = patchingOf(ctx).defaults[os];
  if (registered) {
    const b = lookupBaseline(ctx, registered);
    if (b && b !== 'invalid') return b;
  }
  return predefinedBaselines(ctx.region).find((b) => b.OperatingSystem === os && b.predefinedDefault)!;
}

export const isDefault = (ctx: Ctx, b: StoredBaseline) => defaultBaseline(ctx, b.OperatingSystem).BaselineId === b.BaselineId;

/** The baseline registered for a patch group and OS, or undefined. */
export function groupBaseline(ctx: Ctx, group: string, os: OperatingSystem): StoredBaseline | undefined {
  const reg = patchingOf(ctx).groups.find((g) => g.PatchGroup === group && g.OperatingSystem === os);
  if (!reg) return undefined;
  const b = lookupBaseline(ctx, reg.BaselineId);
  return b && b !== 'invalid' ? b : undefined;
}

export const groupsOf = (ctx: Ctx, b: StoredBaseline) => patchingOf(ctx).groups.filter((g) => g.BaselineId === b.BaselineId).map((g) => g.PatchGroup);

export function identity(ctx: Ctx, b: StoredBaseline): PatchBaselineIdentity {
  return {
    BaselineId: b.BaselineId,
    BaselineName: b.Name,
    OperatingSystem: b.OperatingSystem,
    ...(b.Description !== undefined && { BaselineDescription: b.Description }),
    DefaultBaseline: isDefault(ctx, b),
  };
}

/** The members GetPatchBaseline and UpdatePatchBaseline answer (copies: callers may not touch the record). */
export function baselineView(b: StoredBaseline) {
  return {
    BaselineId: b.BaselineId,
    Name: b.Name,
    OperatingSystem: b.OperatingSystem,
    GlobalFilters: structuredClone(b.GlobalFilters),
    ApprovalRules: structuredClone(b.ApprovalRules),
    ApprovedPatches: [...b.ApprovedPatches],
    ApprovedPatchesComplianceLevel: b.ApprovedPatchesComplianceLevel,
    ApprovedPatchesEnableNonSecurity: b.ApprovedPatchesEnableNonSecurity,
    RejectedPatches: [...b.RejectedPatches],
    RejectedPatchesAction: b.RejectedPatchesAction,
    CreatedDate: b.CreatedDate,
    ModifiedDate: b.ModifiedDate,
    ...(b.Description !== undefined && { Description: b.Description }),
    Sources: structuredClone(b.Sources),
    ...(b.AvailableSecurityUpdatesComplianceStatus !== undefined && { AvailableSecurityUpdatesComplianceStatus: b.AvailableSecurityUpdatesComplianceStatus }),
  };
}

/** The members that say what a baseline approves, as CreatePatchBaseline or a BaselineOverride gives them. */
export interface BaselineInput extends BaselineContent {
  ApprovedPatchesComplianceLevel?: StoredBaseline['ApprovedPatchesComplianceLevel'];
  ApprovedPatchesEnableNonSecurity?: boolean;
  RejectedPatchesAction?: StoredBaseline['RejectedPatchesAction'];
  AvailableSecurityUpdatesComplianceStatus?: StoredBaseline['AvailableSecurityUpdatesComplianceStatus'];
}

/** Those members as stored, with AWS's defaults for what is not given (copies). */
export function baselineContent(o: BaselineInput) {
  return {
    GlobalFilters: structuredClone(o.GlobalFilters ?? { PatchFilters: [] }),
    ApprovalRules: structuredClone(o.ApprovalRules ?? { PatchRules: [] }),
    ApprovedPatches: [...(o.ApprovedPatches ?? [])],
    ApprovedPatchesComplianceLevel: o.ApprovedPatchesComplianceLevel ?? 'UNSPECIFIED',
    ApprovedPatchesEnableNonSecurity: o.ApprovedPatchesEnableNonSecurity ?? false,
    RejectedPatches: [...(o.RejectedPatches ?? [])],
    RejectedPatchesAction: o.RejectedPatchesAction ?? 'ALLOW_AS_DEPENDENCY',
    Sources: structuredClone(o.Sources ?? []),
    ...(o.AvailableSecurityUpdatesComplianceStatus !== undefined && { AvailableSecurityUpdatesComplianceStatus: o.AvailableSecurityUpdatesComplianceStatus }),
  } satisfies Partial<StoredBaseline>;
}

// ──────────────────────────────────────────── checks ────────────────────────────────────────────

/** Values a closed key accepts for an OS, or undefined when the key takes any value. */
export function closedValues(ctx: Ctx, os: OperatingSystem, key: PatchFilter['Key'], patchSets: readonly string[] = ['OS']): readonly string[] | undefined {
  const info = OS_INFO[os];
  const apps = info.applications ?? {};
  const wantOs = patchSets.includes('OS') || patchSets.includes('*');
  const wantApps = patchSets.includes('APPLICATION') || patchSets.includes('*');
  if (key === 'PRODUCT') {
    const out = new Set<string>();
    if (wantOs) for (const p of [...info.products, ...catalogProducts(ctx.emu, os)]) if (!Object.hasOwn(apps, p)) out.add(p);
    if (wantApps) for (const p of Object.keys(apps)) out.add(p);
    return [...out].sort();
  }
  if (key === 'PRODUCT_FAMILY' && os === 'WINDOWS') {
    const out = new Set<string>();
    if (wantOs) out.add('Windows');
    if (wantApps) for (const f of Object.values(apps)) out.add(f);
    return [...out].sort();
  }
  return info.values[key];
}

/** Checks a filter group for an OS; throws what `invalid` makes with AWS's text. */
function checkFilterGroup(ctx: Ctx, os: OperatingSystem, group: PatchFilterGroup, invalid: (msg: string) => Error, inherited: readonly string[] = []): void {
  const info = OS_INFO[os];
  const seen = new Set<string>();
  for (const f of group.PatchFilters) {
    if (!info.filterKeys.includes(f.Key)) throw invalid(m.invalidFilterKey(f.Key, os));
    if (seen.has(f.Key)) throw invalid(m.duplicateFilterKey(f.Key));
    seen.add(f.Key);
  }
  const sets = group.PatchFilters.find((f) => f.Key === 'PATCH_SET')?.Values ?? (inherited.length ? inherited : ['OS']);
  for (const f of group.PatchFilters) {
    const valid = closedValues(ctx, os, f.Key, sets);
    if (!valid) continue;
    for (const v of f.Values) if (v !== '*' && !valid.includes(v)) throw invalid(m.invalidFilterValue(v, f.Key, valid));
  }
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export function validDate(s: string): boolean {
  const d = DATE.exec(s);
  if (!d) return false;
  const t = new Date(Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3])));
  return t.getUTCFullYear() === Number(d[1]) && t.getUTCMonth() === Number(d[2]) - 1 && t.getUTCDate() === Number(d[3]);
}

export interface BaselineContent {
  GlobalFilters?: PatchFilterGroup;
  ApprovalRules?: PatchRuleGroup;
  ApprovedPatches?: string[];
  RejectedPatches?: string[];
  Sources?: PatchSource[];
}

/** The semantic checks of CreatePatchBaseline / UpdatePatchBaseline (the model has checked the shapes). */
export function checkBaselineContent(ctx: Ctx, os: OperatingSystem, b: BaselineContent, invalid: (msg: string) => Error): void {
  const info = OS_INFO[os];
  if (b.GlobalFilters) checkFilterGroup(ctx, os, b.GlobalFilters, invalid);
  const globalSets = b.GlobalFilters?.PatchFilters.find((f) => f.Key === 'PATCH_SET')?.Values ?? [];
  for (const rule of b.ApprovalRules?.PatchRules ?? []) {
    checkFilterGroup(ctx, os, rule.PatchFilterGroup, invalid, globalSets);
    const after = rule.ApproveAfterDays !== undefined;
    const until = rule.ApproveUntilDate !== undefined;
    // Debian and Ubuntu approve at once ("auto-approval options aren't supported"): the delay members
    // are accepted and ignored there [unverified].
    if (info.approvalDelays) {
      if (after && until) throw invalid(m.approvalDelayBoth());
      if (!after && !until) throw invalid(m.approvalDelayRequired());
    }
    if (until && !validDate(rule.ApproveUntilDate!)) throw invalid(m.invalidApproveUntilDate(rule.ApproveUntilDate!));
  }
  for (const [list, entries] of [['ApprovedPatches', b.ApprovedPatches], ['RejectedPatches', b.RejectedPatches]] as const) {
    for (const e of entries ?? []) {
      const why = invalidListEntry(info.family, e);
      if (why) throw invalid(m.invalidPatchId(list, e, why));
    }
  }
  if (b.Sources?.length) {
    if (info.family === 'windows') throw invalid(m.sourcesNotSupported());
    const names = new Set<string>();
    const products = closedValues(ctx, os, 'PRODUCT')!;
    for (const s of b.Sources) {
      if (names.has(s.Name)) throw invalid(m.duplicateSourceName(s.Name));
      names.add(s.Name);
      for (const p of s.Products) if (p !== '*' && !products.includes(p)) throw invalid(m.invalidSourceProduct(p, products));
    }
  }
}
