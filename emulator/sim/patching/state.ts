/**
 * Patch Manager's slice of region state:
 *
 *   baselines   the account's own patch baselines, by id (pb- and 17 hex digits), in AWS's wire shape
 *   defaults    the default baseline the account registered per operating system (a pb- id or the
 *               ARN of a predefined one); absent: AWS's predefined default
 *   groups      patch group registrations: one baseline per (patch group, operating system)
 *   nodes       per managed node: what Patch Manager installed on it, and the result of its last
 *               Scan or Install (DescribeInstancePatchStates / DescribeInstancePatches)
 *   snapshots   baseline snapshots (GetDeployablePatchSnapshotForInstance, SnapshotId): what a baseline
 *               approved at an instant, kept 3 days as AWS keeps them
 *   files       contents the simulated nodes "download" for BaselineOverride / InstallOverrideList URLs
 *               (registered through the control API; the emulator has no S3)
 *
 * Lists (groups, files) rather than maps where the key is a user-chosen string, so a patch group named
 * "__proto__" or "constructor" is just a value. Timestamps are epoch seconds.
 */
import { defineSlice } from '../../state/store.js';
import { anyJson, arr, bool, int, num, obj, rec, str, tagList, tuple } from '../../state/schema.js';
import type { Ctx } from '../../core/context.js';
import type {
  InstancePatchState,
  OperatingSystem,
  PatchAction,
  PatchComplianceLevel,
  PatchComplianceStatus,
  PatchFilterGroup,
  PatchRuleGroup,
  PatchSource,
  Tag,
} from '../../generated/ssm/types.js';

/** A baseline as stored: GetPatchBaseline's members (PatchGroups are derived) plus bookkeeping. */
export interface StoredBaseline {
  /** pb- id for the account's baselines; the ARN for AWS's predefined ones. */
  BaselineId: string;
  Name: string;
  OperatingSystem: OperatingSystem;
  GlobalFilters: PatchFilterGroup;
  ApprovalRules: PatchRuleGroup;
  ApprovedPatches: string[];
  ApprovedPatchesComplianceLevel: PatchComplianceLevel;
  ApprovedPatchesEnableNonSecurity: boolean;
  RejectedPatches: string[];
  RejectedPatchesAction: PatchAction;
  CreatedDate: number;
  ModifiedDate: number;
  Description?: string;
  Sources: PatchSource[];
  AvailableSecurityUpdatesComplianceStatus?: PatchComplianceStatus;
  Tags: Tag[];
  /** Creation order, for listing. */
  Seq: number;
  /** Bumped on every update (caches of what the baseline approves key on it). */
  Revision: number;
  owner: 'Self' | 'AWS';
  /** Predefined baselines: the OS's default when the account registered none. */
  predefinedDefault?: boolean;
}

export interface GroupRegistration {
  PatchGroup: string;
  OperatingSystem: OperatingSystem;
  BaselineId: string;
}

/**
 * One reported patch of a node's last operation: [patch key, state code, installed time (epoch s, 0 if
 * none), compliance level code]. Tuples, not objects: a fleet of 1,000 nodes keeps a few hundred each.
 */
export type ReportEntry = [key: string, state: StateCode, installedTime: number, level: LevelCode];

/** DescribeInstancePatches State values, as codes in ReportEntry. */
export const STATE_CODES = ['Installed', 'InstalledOther', 'InstalledPendingReboot', 'InstalledRejected', 'Missing', 'NotApplicable', 'Failed', 'AvailableSecurityUpdate'] as const;
export type PatchState = (typeof STATE_CODES)[number];
export type StateCode = number;
export const LEVEL_CODES: readonly PatchComplianceLevel[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL', 'UNSPECIFIED'];
export type LevelCode = number;

export interface NodePatchRecord {
  /** Patches Patch Manager installed: patch key -> [installed at (epoch s), pending reboot (1) or not (0)]. */
  Installed: Record<string, [number, number]>;
  /** The catalog the report's keys belong to. */
  Catalog?: string;
  /** The last operation's summary (DescribeInstancePatchStates), absent before the first one. */
  State?: InstancePatchState;
  /** The last operation's per-patch report (DescribeInstancePatches), in report order. */
  Report?: ReportEntry[];
  /** The compliance status last reported (events are sent when it changes). */
  Compliance?: PatchComplianceStatus;
}

export interface SnapshotRecord {
  SnapshotId: string;
  /** The baseline the snapshot was taken of (id or ARN) and its OS. */
  BaselineId: string;
  OperatingSystem: OperatingSystem;
  /** The baseline's content at that instant (absent for AWS's predefined baselines, which never change). */
  Baseline?: StoredBaseline;
  /** What approval caches key the content on (a BaselineOverride file's hash, or id#revision). */
  Identity?: string;
  InstanceId?: string;
  Product?: string;
  /** Epoch seconds: approvals are evaluated at this instant for every node patched with the snapshot. */
  TakenAt: number;
}

export interface PatchingSlice {
  baselines: Record<string, StoredBaseline>;
  seq: number;
  defaults: Partial<Record<OperatingSystem, string>>;
  groups: GroupRegistration[];
  nodes: Record<string, NodePatchRecord>;
  snapshots: Record<string, SnapshotRecord>;
  /** Epoch seconds of the next sweep of expired snapshots. */
  snapshotSweepAt?: number;
  files: { Url: string; Content: string }[];
}

const baselineSchema = obj(
  {
    BaselineId: str, Name: str, OperatingSystem: str, GlobalFilters: obj({ PatchFilters: arr(anyJson) }), ApprovalRules: obj({ PatchRules: arr(anyJson) }),
    ApprovedPatches: arr(str), ApprovedPatchesComplianceLevel: str, ApprovedPatchesEnableNonSecurity: bool, RejectedPatches: arr(str),
    RejectedPatchesAction: str, CreatedDate: num, ModifiedDate: num, Sources: arr(anyJson), Tags: tagList, Seq: int, Revision: int, owner: str,
  },
  { Description: str, AvailableSecurityUpdatesComplianceStatus: str, predefinedDefault: bool },
);

export const patchingSlice = defineSlice<PatchingSlice>(
  'patching',
  () => ({
    baselines: {},
    seq: 0,
    defaults: {},
    groups: [],
    nodes: {},
    snapshots: {},
    files: [],
  }),
  obj(
    {
      baselines: rec(baselineSchema),
      seq: int,
      defaults: rec(str),
      groups: arr(obj({ PatchGroup: str, OperatingSystem: str, BaselineId: str })),
      nodes: rec(obj({ Installed: rec(tuple(num, num)) }, { Catalog: str, State: { type: 'object' }, Report: arr(tuple(str, int, num, int)), Compliance: str })),
      snapshots: rec(obj({ SnapshotId: str, BaselineId: str, OperatingSystem: str, TakenAt: num }, { Baseline: baselineSchema, Identity: str, InstanceId: str, Product: str })),
      files: arr(obj({ Url: str, Content: str })),
    },
    { snapshotSweepAt: num },
  ),
);

export const patchingOf = (ctx: { scope: Ctx['scope'] }) => patchingSlice.of(ctx.scope);

export function nodeRecord(ctx: { scope: Ctx['scope'] }, instanceId: string, create: true): NodePatchRecord;
export function nodeRecord(ctx: { scope: Ctx['scope'] }, instanceId: string, create?: false): NodePatchRecord | undefined;
export function nodeRecord(ctx: { scope: Ctx['scope'] }, instanceId: string, create = false): NodePatchRecord | undefined {
  const nodes = patchingOf(ctx).nodes;
  if (Object.hasOwn(nodes, instanceId)) return nodes[instanceId];
  if (!create) return undefined;
  return (nodes[instanceId] = { Installed: {} });
}
