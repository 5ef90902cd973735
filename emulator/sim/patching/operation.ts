/**
 * A patching operation (Scan or Install) on one node, as AWS-RunPatchBaseline's plugin runs it, on the
 * virtual clock:
 *
 *   plan (the step's start)   the node's catalog and baseline (BaselineOverride, else the baseline of its
 *                             patch group for its OS, else the OS's default), the baseline snapshot
 *                             (SnapshotId: nodes patched with one snapshot id see the same approvals; none
 *                             given: one snapshot per node), the report, and for Install what to install
 *                             (the missing approved patches, or the InstallOverrideList's) and how long it
 *                             takes. Nothing changes yet: the step can still be cancelled.
 *   reboot (Install)          RebootIfNeeded and something installed (or pending a reboot): the node's
 *                             agent stops when the installation ends (its ping stops, Run Command waits)
 *                             and starts again after the reboot, as two scheduler tasks.
 *   finish (the step's end)   installed patches recorded (pending reboot with NoReboot), the report
 *                             recomputed as the agent reports it, DescribeInstancePatchStates /
 *                             DescribeInstancePatches updated, Patch compliance written through the
 *                             compliance writer port, and "Configuration Compliance State Change" sent
 *                             when the node's patch compliance changed.
 *
 * Timing (virtual): a scan takes SCAN_BASE plus a little per patch looked at; an install INSTALL_BASE
 * plus INSTALL_PER_PATCH per patch; a reboot REBOOT, then the post-reboot report POST_REBOOT. Windows
 * takes longer than Linux, as it does.
 */
import type { Ctx } from '../../core/context.js';
import { toEpochSeconds } from '../../core/context.js';
import { createHash } from 'node:crypto';
import type { BaselineOverride, ComplianceItemEntry, InstancePatchState, OperatingSystem, PutComplianceItemsRequest } from '../../generated/ssm/types.js';
import { complianceWriter, writeCompliance } from '../compliance/writer.js';
import { getInstance } from '../fleet/state.js';
import { setAgentRunning } from '../fleet/nodes.js';
import { tagValue, type FleetInstance } from '../fleet/instance.js';
import YAML from 'yaml';
import { evaluate, isApproved, type Evaluation } from './approval.js';
import { allBaselines, baselineContent, checkBaselineContent, defaultBaseline, groupBaseline, lookupBaseline } from './baselines.js';
import { catalogForNode, productOf, existsAt, type Catalog, type CatalogPatch } from './catalog.js';
import { compilePatchList } from './matching.js';
import * as m from './messages.js';
import { computeReport, isNonCompliant, nodeFacts, summarize, STATE } from './scan.js';
import { LEVEL_CODES, nodeRecord, patchingOf, STATE_CODES, type SnapshotRecord, type StoredBaseline } from './state.js';

export const PATCHING_TASKS = { reboot: 'patching.reboot', boot: 'patching.boot' } as const;

const TIMING = {
  linux: { scanBase: 15_000, perPatchLooked: 40, installBase: 20_000, installPerPatch: 8_000, reboot: 40_000, postReboot: 15_000 },
  windows: { scanBase: 60_000, perPatchLooked: 200, installBase: 60_000, installPerPatch: 180_000, reboot: 120_000, postReboot: 45_000 },
} as const;

/** Snapshots are kept 3 days ("you can generate a new presigned Amazon S3 URL up to 3 days after the snapshot was created"). */
export const SNAPSHOT_RETENTION_SECONDS = 3 * 86_400;

export interface OperationParams {
  Operation: 'Scan' | 'Install';
  SnapshotId: string;
  InstallOverrideList: string;
  BaselineOverride: string;
  RebootOption: 'RebootIfNeeded' | 'NoReboot';
  /** AWS-RunPatchBaselineAssociation: "Key=k,Values=v1,v2" entries. */
  BaselineTags?: string[];
  AssociationId?: string;
}

/** What the plan hands to finish (JSON: it is kept in the invocation's state while the step runs). */
export interface PlanData {
  op: 'Scan' | 'Install';
  snapshot: string;
  snapshotId: string;
  group: string;
  reboot: boolean;
  rebootOption: OperationParams['RebootOption'];
  install: string[];
  fail: string[];
  installEnds: number;
  override?: string;
  associationId?: string;
}

export type Plan = { ok: true; data: PlanData; durationMs: number; stdout: string; timedOut: boolean } | { ok: false; message: string };

export const patchGroupOf = (node: FleetInstance) => tagValue(node, 'Patch Group') ?? tagValue(node, 'PatchGroup') ?? '';

function fileContent(ctx: Ctx, url: string): string | undefined {
  return patchingOf(ctx).files.find((f) => f.Url === url)?.Content;
}

/**
 * A baseline from a BaselineOverride (the document parameter's file, or GetDeployablePatchSnapshotForInstance's
 * member), checked like CreatePatchBaseline's content; an error message when it is not valid.
 */
export function baselineFromOverride(ctx: Ctx, os: OperatingSystem, o: BaselineOverride, fallback: StoredBaseline): StoredBaseline | string {
  try {
    checkBaselineContent(ctx, os, o, (msg) => new Error(msg));
  } catch (e) {
    return (e as Error).message;
  }
  const { AvailableSecurityUpdatesComplianceStatus: _status, ...rest } = fallback;
  return {
    ...rest,
    ...baselineContent(o),
    owner: 'Self',
    Revision: -1,
  };
}

/** The baseline of a BaselineOverride file for the node's OS (undefined: the file has none for it), or an error message. */
function overrideBaseline(ctx: Ctx, os: OperatingSystem, url: string, fallback: StoredBaseline): StoredBaseline | undefined | string {
  const text = fileContent(ctx, url);
  if (text === undefined) return m.overrideFileUnknown('BaselineOverride', url);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return m.overrideFileInvalid('BaselineOverride', url, (e as Error).message);
  }
  const list = (Array.isArray(parsed) ? parsed : [parsed]) as BaselineOverride[];
  const o = list.find((x) => x && typeof x === 'object' && x.OperatingSystem === os);
  if (!o) return undefined;
  const b = baselineFromOverride(ctx, os, o, fallback);
  return typeof b === 'string' ? m.overrideFileInvalid('BaselineOverride', url, b) : b;
}

/** "Key=Env,Values=prod,test" -> {Key, Values}. */
function parseBaselineTag(s: string): { Key: string; Values: string[] } | undefined {
  const t = /^Key=([^,]+),Values=(.*)$/.exec(s.trim());
  return t ? { Key: t[1], Values: t[2].split(',').filter((v) => v.length) } : undefined;
}

/** The baseline a node uses for this operation, or an error message. */
export function resolveBaseline(ctx: Ctx, node: FleetInstance, os: OperatingSystem, p: Partial<OperationParams>): { baseline: StoredBaseline; identity: string } | string {
  const group = patchGroupOf(node);
  let baseline = (group && groupBaseline(ctx, group, os)) || defaultBaseline(ctx, os);
  const tags = (p.BaselineTags ?? []).map(parseBaselineTag).filter((x): x is { Key: string; Values: string[] } => !!x);
  if (tags.length) {
    const match = allBaselines(ctx).find(
      (b) => b.owner === 'Self' && b.OperatingSystem === os && tags.every((t) => b.Tags.some((bt) => bt.Key === t.Key && (!t.Values.length || t.Values.includes(bt.Value)))),
    );
    if (!match) return m.noBaselineForTags(p.BaselineTags!.join(' '));
    baseline = match;
  }
  if (p.BaselineOverride) {
    const o = overrideBaseline(ctx, os, p.BaselineOverride, baseline);
    if (typeof o === 'string') return o;
    if (o) return { baseline: o, identity: `override:${createHash('sha1').update(fileContent(ctx, p.BaselineOverride)!).digest('hex')}:${os}` };
  }
  return { baseline, identity: `${baseline.BaselineId}#${baseline.Revision}` };
}

/** The snapshot an operation uses: the one named by SnapshotId (taken now if it does not exist yet), or a new one. */
export function takeSnapshot(ctx: Ctx, snapshotId: string, baseline: StoredBaseline, identity: string, node: FleetInstance, product: string): { key: string; snap: SnapshotRecord; identity: string } {
  const slice = patchingOf(ctx);
  const now = toEpochSeconds(ctx.now);
  const id = snapshotId || ctx.emu.ids.uuid();
  const key = `${id}|${baseline.BaselineId}|${baseline.OperatingSystem}`;
  const existing = Object.hasOwn(slice.snapshots, key) ? slice.snapshots[key] : undefined;
  if (existing && now - existing.TakenAt < SNAPSHOT_RETENTION_SECONDS) {
    return { key, snap: existing, identity: existing.Identity ?? identity };
  }
  // Expired snapshots go in a sweep a day, not on every new one (a fleet's scan takes one per node).
  if (now >= (slice.snapshotSweepAt ?? 0)) {
    for (const [k, s] of Object.entries(slice.snapshots)) if (now - s.TakenAt >= SNAPSHOT_RETENTION_SECONDS) delete slice.snapshots[k];
    slice.snapshotSweepAt = now + 86_400;
  }
  // AWS's predefined baselines never change: a snapshot of one keeps only its id.
  const snap: SnapshotRecord = {
    SnapshotId: id,
    BaselineId: baseline.BaselineId,
    OperatingSystem: baseline.OperatingSystem,
    ...(baseline.owner !== 'AWS' && { Baseline: structuredClone(baseline) }),
    Identity: identity,
    InstanceId: node.InstanceId,
    Product: product,
    TakenAt: now,
  };
  slice.snapshots[key] = snap;
  return { key, snap, identity };
}

/** The baseline a snapshot was taken of, as it was then. */
export function snapshotBaseline(ctx: Ctx, snap: SnapshotRecord): StoredBaseline | undefined {
  if (snap.Baseline) return snap.Baseline;
  const b = lookupBaseline(ctx, snap.BaselineId);
  return b && b !== 'invalid' ? b : undefined;
}

interface Resolved {
  catalog: Catalog;
  baseline: StoredBaseline;
  evaluation: Evaluation;
  snapshot: SnapshotRecord;
  snapshotKey: string;
}

function resolveAll(ctx: Ctx, node: FleetInstance, p: OperationParams): Resolved | string {
  const catalog = catalogForNode(ctx.emu, node);
  if (!catalog) return m.unsupportedPlatform(node.InstanceId, `${node.PlatformName} ${node.PlatformVersion}`);
  const r = resolveBaseline(ctx, node, catalog.operatingSystem, p);
  if (typeof r === 'string') return r;
  const { key, snap, identity } = takeSnapshot(ctx, p.SnapshotId, r.baseline, r.identity, node, productOf(catalog, node));
  const baseline = snapshotBaseline(ctx, snap) ?? r.baseline;
  return { catalog, baseline, evaluation: evaluate(baseline, catalog, snap.TakenAt, identity), snapshot: snap, snapshotKey: key };
}

/** The patches an InstallOverrideList names among those that exist (newest version per package). */
function overrideSelection(catalog: Catalog, e: Evaluation, content: string): CatalogPatch[] | string {
  let doc: unknown;
  try {
    doc = YAML.parse(content);
  } catch (err) {
    return (err as Error).message;
  }
  const patches = (doc as { patches?: { id?: unknown; title?: unknown }[] } | null)?.patches;
  if (!Array.isArray(patches) || patches.some((x) => !x || typeof x.id !== 'string')) return 'expected "patches:" with an id for each entry';
  const ids = compilePatchList(catalog.family, patches.map((x) => String(x.id)));
  const titles = patches.filter((x) => typeof x.title === 'string').map((x) => String(x.title));
  const newest = new Map<string, CatalogPatch>();
  for (let i = 0; i < e.released; i++) {
    const p = catalog.patches[i];
    if (!existsAt(p, e.at) || !(ids.test(p) || (catalog.family !== 'windows' && titles.includes(p.title)))) continue;
    newest.set(p.unit, p);
  }
  return [...newest.values()];
}

const seconds = (ms: number) => Math.round(ms / 1000);

/** Plans the operation at the step's start; changes nothing but the snapshot table. */
export function planOperation(ctx: Ctx, node: FleetInstance, p: OperationParams, timeoutMs: number): Plan {
  const r = resolveAll(ctx, node, p);
  if (typeof r === 'string') return { ok: false, message: r };
  const { catalog, baseline, evaluation: e } = r;
  const windows = catalog.family === 'windows';
  const t = windows ? TIMING.windows : TIMING.linux;
  const record = nodeRecord(ctx, node.InstanceId);
  const facts = nodeFacts(catalog, node, record);
  const report = computeReport(e, baseline, facts);
  let durationMs = t.scanBase + Math.min(e.released, 2_000) * t.perPatchLooked;
  let install: CatalogPatch[] = [];
  if (p.Operation === 'Install') {
    if (p.InstallOverrideList) {
      const content = fileContent(ctx, p.InstallOverrideList);
      if (content === undefined) return { ok: false, message: m.overrideFileUnknown('InstallOverrideList', p.InstallOverrideList) };
      const sel = overrideSelection(catalog, e, content);
      if (typeof sel === 'string') return { ok: false, message: m.overrideFileInvalid('InstallOverrideList', p.InstallOverrideList, sel) };
      const rejected = baseline.RejectedPatchesAction === 'BLOCK' ? compilePatchList(catalog.family, baseline.RejectedPatches) : undefined;
      const withFacts = new Set(report.entries.filter((x) => x[1] === STATE.Installed || x[1] === STATE.InstalledPendingReboot).map((x) => x[0]));
      install = sel.filter((x) => !withFacts.has(x.key) && !Object.hasOwn(facts.pm, x.key) && !(rejected && !rejected.empty && rejected.test(x)));
    } else {
      install = report.missing.map((i) => catalog.patches[i]);
    }
  }
  let timedOut = false;
  const budget = timeoutMs - durationMs - t.installBase;
  const fits = Math.max(0, Math.floor(budget / t.installPerPatch));
  if (install.length > fits) {
    install = install.slice(0, fits);
    timedOut = true;
  }
  const failing = install.filter((x) => !facts.failing.empty && facts.failing.test(x));
  const installEnds = ctx.now + durationMs + (install.length ? t.installBase + install.length * t.installPerPatch : 0);
  durationMs = installEnds - ctx.now;
  const anyPending = Object.values(facts.pm).some((x) => x[1] === 1);
  const reboot = p.Operation === 'Install' && p.RebootOption === 'RebootIfNeeded' && !timedOut && (install.length > failing.length || anyPending);
  if (reboot) durationMs += t.reboot + t.postReboot;
  if (timedOut) durationMs = timeoutMs;
  const data: PlanData = {
    op: p.Operation,
    snapshot: r.snapshotKey,
    snapshotId: r.snapshot.SnapshotId,
    group: patchGroupOf(node),
    reboot,
    rebootOption: p.RebootOption,
    install: install.map((x) => x.key),
    fail: failing.map((x) => x.key),
    installEnds,
    ...(p.InstallOverrideList && { override: p.InstallOverrideList }),
    ...(p.AssociationId && { associationId: p.AssociationId }),
  };
  const lines = [
    `Patch Manager (simulated by the SSM emulator): ${p.Operation} on ${node.InstanceId}`,
    `Operating system ${catalog.operatingSystem}, product ${productOf(catalog, node)}, patch group '${data.group}'`,
    `Patch baseline ${baseline.BaselineId} (${baseline.Name}), snapshot ${r.snapshot.SnapshotId}`,
    `Approved patches applicable to the node: ${report.entries.filter((x) => x[1] !== STATE.NotApplicable && isApproved(e, catalog.byKey.get(x[0])!.order)).length}, missing: ${report.missing.length}`,
  ];
  if (p.Operation === 'Install') {
    for (const x of install) lines.push(`${failing.includes(x) ? 'Failed to install' : 'Installed'} ${x.title}`);
    if (!install.length) lines.push('No patches to install.');
    if (timedOut) lines.push(`The execution timeout (${seconds(timeoutMs)} s) ends the installation.`);
    else if (reboot) lines.push('Rebooting the node to finish the installation (RebootOption RebootIfNeeded).');
    else if (install.length && p.RebootOption === 'NoReboot') lines.push('RebootOption NoReboot: installed patches are pending a reboot.');
  }
  return { ok: true, data, durationMs, stdout: lines.join('\n') + '\n', timedOut };
}

// ─────────────────────────────────────────── reboots ───────────────────────────────────────────

const rebootKey = (id: string) => `patching:reboot:${id}`;
const bootKey = (id: string) => `patching:boot:${id}`;

/** Schedules the reboot an Install plans: the agent stops when the installation ends and comes back after REBOOT. */
export function scheduleReboot(ctx: Ctx, node: FleetInstance, data: PlanData): void {
  const t = catalogForNode(ctx.emu, node)?.family === 'windows' ? TIMING.windows : TIMING.linux;
  const payload = { n: node.InstanceId };
  ctx.emu.scheduler.schedule({ at: data.installEnds, kind: PATCHING_TASKS.reboot, account: ctx.account, region: ctx.region, key: rebootKey(node.InstanceId), payload });
  ctx.emu.scheduler.schedule({ at: data.installEnds + t.reboot, kind: PATCHING_TASKS.boot, account: ctx.account, region: ctx.region, key: bootKey(node.InstanceId), payload });
}

/** The step was cancelled: a reboot still to come is called off, one under way finishes now. */
export function cancelReboot(ctx: Ctx, instanceId: string): void {
  ctx.emu.scheduler.cancel(rebootKey(instanceId));
  if (ctx.emu.scheduler.cancel(bootKey(instanceId))) bootNow(ctx, instanceId);
}

function bootNow(ctx: Ctx, instanceId: string): void {
  const node = getInstance(ctx, instanceId);
  if (node && !node.AgentRunning) setAgentRunning(ctx, node, true);
}

export const rebootTasks = {
  [PATCHING_TASKS.reboot](task: { payload: { n: string } }, ctx: Ctx) {
    const node = getInstance(ctx, task.payload.n);
    if (node?.AgentRunning) setAgentRunning(ctx, node, false);
  },
  [PATCHING_TASKS.boot](task: { payload: { n: string } }, ctx: Ctx) {
    bootNow(ctx, task.payload.n);
  },
};

// ─────────────────────────────────────────── finish ────────────────────────────────────────────

/** Applies an operation's effects at the step's end (it ran to its end): installs, report, compliance. */
export function finishOperation(ctx: Ctx, node: FleetInstance, data: PlanData, startedAt: number): void {
  const slice = patchingOf(ctx);
  const snap = Object.hasOwn(slice.snapshots, data.snapshot) ? slice.snapshots[data.snapshot] : undefined;
  const catalog = catalogForNode(ctx.emu, node);
  if (!snap || !catalog) return;
  const baseline = snapshotBaseline(ctx, snap);
  if (!baseline) return;
  const record = nodeRecord(ctx, node.InstanceId, true);
  const failed = new Set(data.fail);
  const installedAt = toEpochSeconds(Math.min(data.installEnds, ctx.now));
  for (const key of data.install) if (!failed.has(key)) record.Installed[key] = [installedAt, data.reboot ? 0 : 1];
  if (data.reboot) for (const v of Object.values(record.Installed)) v[1] = 0;
  const e = evaluate(baseline, catalog, snap.TakenAt, snap.Identity ?? `${baseline.BaselineId}#${baseline.Revision}`);
  const report = computeReport(e, baseline, nodeFacts(catalog, node, record), failed);
  // An Install reports what it could not install as Failed, and does not list what is still missing.
  const summary = summarize(catalog, baseline, report.entries);
  const previous = record.State;
  const now = toEpochSeconds(ctx.now);
  const noRebootInstall = data.op === 'Install' && data.rebootOption === 'NoReboot';
  const state: InstancePatchState = {
    InstanceId: node.InstanceId,
    PatchGroup: data.group,
    BaselineId: baseline.BaselineId,
    SnapshotId: snap.SnapshotId,
    ...(data.override && { InstallOverrideList: data.override }),
    ...summary.counts,
    OperationStartTime: toEpochSeconds(startedAt),
    OperationEndTime: now,
    Operation: data.op,
    ...(noRebootInstall ? { LastNoRebootInstallOperationTime: now } : previous?.LastNoRebootInstallOperationTime !== undefined && { LastNoRebootInstallOperationTime: previous.LastNoRebootInstallOperationTime }),
    RebootOption: data.rebootOption,
  };
  record.State = state;
  record.Report = report.entries;
  record.Catalog = catalog.name;
  reportCompliance(ctx, node, catalog, baseline, state, report.entries, summary, data);
}

type Entries = readonly (readonly [string, number, number, number])[];

/**
 * The node's Patch compliance through the compliance writer port (COMPLETE: one item per reported
 * patch), which announces "Configuration Compliance State Change" when the status changes; without
 * a compliance area, the event is sent from here.
 */
function reportCompliance(ctx: Ctx, node: FleetInstance, catalog: Catalog, baseline: StoredBaseline, state: InstancePatchState, entries: Entries, summary: ReturnType<typeof summarize>, data: PlanData): void {
  const record = nodeRecord(ctx, node.InstanceId, true);
  const changed = record.Compliance !== summary.compliance;
  record.Compliance = summary.compliance;
  // Building a node's items costs something; nobody reads them when no area records compliance.
  // When one does, Compliance announces the change of status (for every source of Patch compliance).
  if (ctx.emu.ports.one(complianceWriter)) return writeCompliance(ctx, complianceRequest(node, catalog, baseline, state, entries, data));
  if (!changed) return;
  // "Configuration Compliance State Change": the user guide's Patch Compliant / Non-Compliant examples.
  ctx.emu.events.emit(ctx, {
    source: 'aws.ssm',
    detailType: 'Configuration Compliance State Change',
    resources: [`arn:aws:ssm:${ctx.region}:${ctx.account}:managed-instance/${node.InstanceId}`],
    detail: {
      'resource-type': 'managed-instance',
      'resource-id': node.InstanceId,
      'compliance-status': summary.compliance === 'COMPLIANT' ? 'compliant' : 'non_compliant',
      'compliance-type': 'Patch',
      'patch-baseline-id': baseline.BaselineId,
      severity: summary.severity.toLowerCase(),
    },
  });
}

function complianceRequest(node: FleetInstance, catalog: Catalog, baseline: StoredBaseline, state: InstancePatchState, entries: Entries, data: PlanData): PutComplianceItemsRequest {
  const items: ComplianceItemEntry[] = entries.map(([key, code, installed, level]) => {
    const p = catalog.byKey.get(key);
    return {
      Id: p?.kbId ?? key,
      Title: p?.title ?? key,
      Severity: LEVEL_CODES[level],
      Status: isNonCompliant(baseline, code) ? 'NON_COMPLIANT' : 'COMPLIANT',
      Details: {
        Classification: p?.classification ?? '',
        PatchSeverity: p?.severity ?? '',
        PatchState: STATE_CODES[code],
        ...(installed ? { InstalledTime: new Date(installed * 1000).toISOString() } : {}),
        PatchBaselineId: baseline.BaselineId,
        PatchGroup: state.PatchGroup,
      },
    };
  });
  return {
    ResourceId: node.InstanceId,
    ResourceType: 'ManagedInstance',
    ComplianceType: 'Patch',
    ExecutionSummary: { ExecutionTime: state.OperationEndTime, ExecutionId: state.SnapshotId, ExecutionType: data.associationId ? 'Association' : 'Command' },
    Items: items,
    UploadType: 'COMPLETE',
  };
}
