/**
 * Service settings: account-level switches of Systems Manager, per account and Region like all
 * state. A setting nobody changed is not stored; it reads as AWS's default (Status Default,
 * LastModifiedUser "System"). UpdateServiceSetting stores a customized value; ResetServiceSetting
 * forgets it.
 *
 * Other capabilities read settings here (never through the API) where AWS lets a setting change
 * behaviour: Parameter Store's default tier (PutParameter without Tier), the activation tier
 * (whether hybrid nodes are standard or advanced, and the standard tier's 1,000-node quota), and the
 * documents' public-sharing permission (ModifyDocumentPermission with "All").
 *
 * Reverting the activation tier from advanced to standard is not immediate on AWS: the setting shows
 * Status PendingUpdate (still "advanced") until a scheduler task applies it TIER_REVERT_SECONDS later.
 */
import type { Ctx } from '../../core/context.js';
import { arn, toEpochSeconds, toMillis } from '../../core/context.js';
import { ServiceSettingNotFound, TooManyUpdates, ValidationException } from '../../generated/ssm/errors.js';
import type { ServiceSetting } from '../../generated/ssm/types.js';
import { defineSlice } from '../../state/store.js';
import { num, obj, oneOf, str, type JsonSchema } from '../../state/schema.js';
import { allInstances } from '../fleet/state.js';
import {
  canonicalValue,
  isSettingId,
  PROVISIONED_AT,
  SETTING_IDS,
  SETTINGS,
  STANDARD_TIER_MAX_HYBRID_NODES,
  SYSTEM_USER,
  TIER_REVERT_SECONDS,
  type SettingId,
} from './catalog.js';
import * as messages from './messages.js';

export interface StoredSetting {
  SettingValue: string;
  /** Epoch seconds. */
  LastModifiedDate: number;
  LastModifiedUser: string;
  /** A change that applies later (the activation tier's revert): the value it will take. */
  Pending?: { SettingValue: string; LastModifiedUser: string; At: number };
}

export interface ServiceSettingsSlice {
  /** Customized settings by id; absent: AWS's default. */
  byId: Record<string, StoredSetting>;
}

/**
 * What a restored snapshot's settings must look like (see state/schema.ts). A setting with a list of
 * values holds one of them: other capabilities act on it (a default parameter tier "Gold" would be
 * given to every new parameter).
 */
const storedSchema = (values?: readonly string[]): JsonSchema =>
  obj(
    { SettingValue: values ? oneOf(...values) : str, LastModifiedDate: num, LastModifiedUser: str },
    { Pending: obj({ SettingValue: str, LastModifiedUser: str, At: num }) },
  );

export const serviceSettings = defineSlice<ServiceSettingsSlice>(
  'serviceSettings',
  () => ({ byId: {} }),
  obj({
    byId: {
      type: 'object',
      properties: Object.fromEntries(SETTING_IDS.map((id) => [id, storedSchema(SETTINGS[id].values)])),
      additionalProperties: storedSchema(),
    },
  }),
);

/** The task that applies a pending change. */
export const APPLY_TASK = 'service-settings.apply';

const ARN_PREFIX = /^arn:aws[a-z-]*:ssm:([a-z0-9-]+):(\d{12}):servicesetting(\/.*)$/;

/** arn:aws:ssm:<region>:<account>:servicesetting/ssm/... */
export const settingArn = (ctx: { account: string; region: string }, id: SettingId) => arn(ctx, 'ssm', `servicesetting${id}`);

/**
 * The setting a request names: its id (/ssm/...) or its full ARN in the caller's account and Region.
 * Anything else, another account's ARN included, is not found, as AWS provisions settings per account.
 */
export function resolveSettingId(ctx: Ctx, idOrArn: string): SettingId {
  let id = idOrArn;
  const m = ARN_PREFIX.exec(idOrArn);
  if (m) {
    if (m[1] !== ctx.region || m[2] !== ctx.account) throw new ServiceSettingNotFound(messages.settingNotFound(idOrArn));
    id = m[3];
  }
  if (!isSettingId(id)) throw new ServiceSettingNotFound(messages.settingNotFound(idOrArn));
  return id;
}

function stored(ctx: { scope: Ctx['scope'] }, id: SettingId): StoredSetting | undefined {
  const s = serviceSettings.peek(ctx.scope);
  return s && Object.hasOwn(s.byId, id) ? s.byId[id] : undefined;
}

/** The value in effect now (what other capabilities act on). */
export function settingValue(ctx: { scope: Ctx['scope'] }, id: SettingId): string {
  return stored(ctx, id)?.SettingValue ?? SETTINGS[id].defaultValue;
}

/** The ServiceSetting shape GetServiceSetting and ResetServiceSetting answer. */
export function settingView(ctx: Ctx, id: SettingId): ServiceSetting {
  const s = stored(ctx, id);
  return {
    SettingId: id,
    SettingValue: s?.SettingValue ?? SETTINGS[id].defaultValue,
    LastModifiedDate: s?.LastModifiedDate ?? PROVISIONED_AT,
    LastModifiedUser: s?.LastModifiedUser ?? SYSTEM_USER,
    ARN: settingArn(ctx, id),
    Status: s?.Pending ? 'PendingUpdate' : s ? 'Customized' : 'Default',
  };
}

/** Who changed a setting: the caller's account root (the emulator knows accounts, not IAM users). */
const callerArn = (ctx: Ctx) => `arn:aws:iam::${ctx.account}:root`;

/** Hybrid-activated nodes (mi-...) registered in the scope: what the activation tier counts. */
export const hybridNodeCount = (ctx: Ctx) => allInstances(ctx).filter((n) => n.ResourceType === 'ManagedInstance').length;

function refusePending(id: SettingId, s: StoredSetting | undefined): void {
  if (s?.Pending) throw new TooManyUpdates(messages.updatePending(id));
}

/** UpdateServiceSetting: checks the value, then stores it (or schedules it, for a tier revert). */
export function updateSetting(ctx: Ctx, id: SettingId, value: string): void {
  const spec = SETTINGS[id];
  const canonical = canonicalValue(id, value);
  if (canonical === undefined) throw new ValidationException(messages.badValue(id, value, spec.describe));
  const slice = serviceSettings.of(ctx.scope);
  const current = stored(ctx, id);
  refusePending(id, current);
  const now = toEpochSeconds(ctx.now);
  if (id === '/ssm/managed-instance/activation-tier' && canonical === 'standard' && settingValue(ctx, id) === 'advanced') {
    revertTier(ctx, current!, callerArn(ctx));
    return;
  }
  slice.byId[id] = { SettingValue: canonical, LastModifiedDate: now, LastModifiedUser: callerArn(ctx) };
}

/** ResetServiceSetting: back to AWS's default (a tier revert to standard takes its time, as an update does). */
export function resetSetting(ctx: Ctx, id: SettingId): void {
  const current = stored(ctx, id);
  refusePending(id, current);
  if (!current) return;
  if (id === '/ssm/managed-instance/activation-tier' && current.SettingValue === 'advanced') {
    revertTier(ctx, current, SYSTEM_USER);
    return;
  }
  delete serviceSettings.of(ctx.scope).byId[id];
}

function revertTier(ctx: Ctx, current: StoredSetting, user: string): void {
  const count = hybridNodeCount(ctx);
  if (count > STANDARD_TIER_MAX_HYBRID_NODES) throw new ValidationException(messages.tooManyHybridNodes(count, STANDARD_TIER_MAX_HYBRID_NODES));
  const at = toEpochSeconds(ctx.now) + TIER_REVERT_SECONDS;
  current.Pending = { SettingValue: 'standard', LastModifiedUser: user, At: at };
  ctx.emu.scheduler.schedule({
    at: toMillis(at),
    kind: APPLY_TASK,
    account: ctx.account,
    region: ctx.region,
    key: `${APPLY_TASK}:${ctx.account}:${ctx.region}:/ssm/managed-instance/activation-tier`,
    payload: { id: '/ssm/managed-instance/activation-tier' },
  });
}

/** The scheduler task: a pending change takes effect (a revert to the default forgets the setting). */
export function applyPending(ctx: Ctx, id: SettingId): void {
  const slice = serviceSettings.of(ctx.scope);
  const s = stored(ctx, id);
  if (!s?.Pending) return;
  const { SettingValue, LastModifiedUser } = s.Pending;
  if (LastModifiedUser === SYSTEM_USER && SettingValue === SETTINGS[id].defaultValue) delete slice.byId[id];
  else slice.byId[id] = { SettingValue, LastModifiedDate: toEpochSeconds(ctx.now), LastModifiedUser };
}

// ---- what other capabilities read ----

/** Parameter Store's tier for a PutParameter that names none: Standard, Advanced or Intelligent-Tiering. */
export const defaultParameterTier = (ctx: { scope: Ctx['scope'] }) =>
  settingValue(ctx, '/ssm/parameter-store/default-parameter-tier') as 'Standard' | 'Advanced' | 'Intelligent-Tiering';

/** The instance tier of the scope's hybrid-activated nodes (Session Manager and Patch Manager need advanced). */
export const hybridNodeTier = (ctx: { scope: Ctx['scope'] }): 'standard' | 'advanced' =>
  settingValue(ctx, '/ssm/managed-instance/activation-tier') as 'standard' | 'advanced';

/** Whether documents may be shared publicly (ModifyDocumentPermission with "All"). */
export const publicSharingAllowed = (ctx: { scope: Ctx['scope'] }) => settingValue(ctx, '/ssm/documents/console/public-sharing-permission') === 'Enable';
