/**
 * Secrets, their versions and staging labels, as AWS Secrets Manager keeps them.
 *
 * - A secret is found by name, by its full ARN (`arn:aws:secretsmanager:<region>:<account>:secret:<name>-<6
 *   characters>`) or by the ARN without those 6 characters (AWS's "partial ARN").
 * - A new value becomes a new version labelled AWSCURRENT (unless other labels are asked for); the
 *   version that held AWSCURRENT then holds AWSPREVIOUS, which leaves the version that held it. A label
 *   is on one version at a time. Versions left without labels are deprecated; AWS keeps about 100 in
 *   all, and so does the emulator, dropping the oldest unlabelled ones.
 * - DeleteSecret schedules the deletion after a recovery window (7-30 days, 30 by default) on the
 *   virtual clock (task `secretsmanager.purge`); until then the secret answers "marked for deletion"
 *   to reads and writes, DescribeSecret shows DeletedDate and RestoreSecret cancels. With
 *   ForceDeleteWithoutRecovery it is gone at once.
 */
import type { Ctx } from '../../core/context.js';
import { arn, toEpochSeconds } from '../../core/context.js';
import { InvalidParameterException, InvalidRequestException, LimitExceededException, ResourceExistsException, ResourceNotFoundException } from '../../generated/secretsmanager/errors.js';
import { secretsOf, type SecretRecord, type SecretVersion } from './state.js';
import * as messages from './messages.js';

export const CURRENT = 'AWSCURRENT';
export const PREVIOUS = 'AWSPREVIOUS';
export const PENDING = 'AWSPENDING';
export const PURGE_TASK = 'secretsmanager.purge';

/** AWS's limit of versions per secret ("about 100", Secrets Manager quotas). */
const MAX_VERSIONS = 100;
/** AWS's limit of staging labels per version (Secrets Manager quotas: 20). */
const MAX_STAGES = 20;
const DAY_MS = 86_400_000;
/** Secret names: letters, numbers and /_+=.@- (CreateSecret Name documentation). */
const NAME_CHARS = /^[A-Za-z0-9/_+=.@-]+$/;
const ARN_SUFFIX = '-';
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

const own = (map: Record<string, SecretRecord>, key: string) => (Object.hasOwn(map, key) ? map[key] : undefined);

/** The secret a SecretId names (name, ARN or partial ARN), scheduled for deletion or not; undefined when none. */
export function findSecret(ctx: Ctx, secretId: string): SecretRecord | undefined {
  const byName = secretsOf(ctx).byName;
  const named = own(byName, secretId);
  if (named) return named;
  const prefix = arn(ctx, 'secretsmanager', 'secret:');
  if (!secretId.startsWith(prefix)) return undefined;
  const rest = secretId.slice(prefix.length);
  for (const name in byName) {
    const rec = byName[name];
    if (rec.ARN === secretId || rec.Name === rest) return rec;
  }
  return undefined;
}

/** The secret a SecretId names, or AWS's ResourceNotFoundException. */
export function secretOf(ctx: Ctx, secretId: string, opts: { allowDeleted?: boolean } = {}): SecretRecord {
  const rec = findSecret(ctx, secretId);
  if (!rec) throw new ResourceNotFoundException(messages.secretNotFound());
  if (rec.DeletedDate !== undefined && !opts.allowDeleted) throw new InvalidRequestException(messages.markedForDeletion());
  return rec;
}

export interface SecretValueInput {
  SecretString?: string;
  SecretBinary?: string | Uint8Array;
}

/** The value as stored: a binary value in base64 (what the wire carries). */
function valueOf(input: SecretValueInput): { SecretString?: string; SecretBinary?: string } | undefined {
  if (input.SecretString !== undefined && input.SecretBinary !== undefined) throw new InvalidParameterException(messages.stringAndBinary());
  if (input.SecretString !== undefined) return { SecretString: input.SecretString };
  if (input.SecretBinary !== undefined) {
    return { SecretBinary: typeof input.SecretBinary === 'string' ? input.SecretBinary : Buffer.from(input.SecretBinary).toString('base64') };
  }
  return undefined;
}

export interface NewSecret extends SecretValueInput {
  Name: string;
  Description?: string;
  KmsKeyId?: string;
  Tags?: { Key?: string; Value?: string }[];
  ClientRequestToken?: string;
}

/** CreateSecret: a new secret, with a first version when a value is given. */
export function createSecret(ctx: Ctx, input: NewSecret): { rec: SecretRecord; version?: SecretVersion } {
  if (!NAME_CHARS.test(input.Name)) throw new InvalidParameterException(messages.invalidName());
  const byName = secretsOf(ctx).byName;
  const existing = own(byName, input.Name);
  if (existing) {
    if (existing.DeletedDate !== undefined) throw new InvalidRequestException(messages.scheduledForDeletionCreate());
    // The same request again (same token, same value) answers what the first one did (AWS's idempotency).
    const sameToken = input.ClientRequestToken !== undefined && existing.Versions.find((v) => v.VersionId === input.ClientRequestToken);
    const value = valueOf(input);
    if (sameToken && value && sameToken.SecretString === value.SecretString && sameToken.SecretBinary === value.SecretBinary) return { rec: existing, version: sameToken };
    throw new ResourceExistsException(messages.secretExists(input.Name));
  }
  const value = valueOf(input);
  const now = toEpochSeconds(ctx.now);
  const rec: SecretRecord = {
    ARN: arn(ctx, 'secretsmanager', `secret:${input.Name}${ARN_SUFFIX}${ctx.emu.ids.chars(6, SUFFIX_ALPHABET)}`),
    Name: input.Name,
    Tags: mergeTags([], input.Tags ?? []),
    CreatedDate: now,
    LastChangedDate: now,
    Versions: [],
  };
  if (input.Description !== undefined) rec.Description = input.Description;
  if (input.KmsKeyId !== undefined) rec.KmsKeyId = input.KmsKeyId;
  byName[input.Name] = rec;
  const version = value ? addVersion(ctx, rec, value, input.ClientRequestToken, [CURRENT]) : undefined;
  return { rec, version };
}

/**
 * A new version of the secret carrying `stages` (AWSCURRENT by default): each label moves to it from
 * the version that held it; AWSCURRENT moving leaves AWSPREVIOUS on the version it left. A token that
 * names an existing version with the same value answers that version (idempotent retry); with another
 * value it is refused.
 */
export function putValue(ctx: Ctx, rec: SecretRecord, input: SecretValueInput & { ClientRequestToken?: string; VersionStages?: string[] }): SecretVersion {
  const value = valueOf(input);
  if (!value) throw new InvalidParameterException(messages.valueRequired());
  return addVersion(ctx, rec, value, input.ClientRequestToken, input.VersionStages ?? [CURRENT]);
}

function addVersion(ctx: Ctx, rec: SecretRecord, value: { SecretString?: string; SecretBinary?: string }, token: string | undefined, stages: string[]): SecretVersion {
  const labels = [...new Set(stages)];
  if (labels.length > MAX_STAGES) throw new LimitExceededException(messages.tooManyStages());
  if (token !== undefined) {
    const same = rec.Versions.find((v) => v.VersionId === token);
    if (same) {
      if (same.SecretString === value.SecretString && same.SecretBinary === value.SecretBinary) return same;
      throw new ResourceExistsException(messages.versionExists());
    }
  }
  const now = toEpochSeconds(ctx.now);
  const version: SecretVersion = { VersionId: token ?? ctx.emu.ids.uuid(), ...value, CreatedDate: now, VersionStages: [] };
  rec.Versions.push(version);
  moveStages(rec, version, labels);
  rec.LastChangedDate = now;
  trimVersions(rec);
  return version;
}

/** Puts the labels on `target`, taking each from the version that had it; AWSCURRENT leaves AWSPREVIOUS behind. */
export function moveStages(rec: SecretRecord, target: SecretVersion, labels: readonly string[]): void {
  for (const label of labels) {
    const holder = rec.Versions.find((v) => v !== target && v.VersionStages.includes(label));
    if (holder) holder.VersionStages = holder.VersionStages.filter((s) => s !== label);
    if (!target.VersionStages.includes(label)) target.VersionStages.push(label);
    if (label === CURRENT && holder) {
      for (const v of rec.Versions) if (v !== holder) v.VersionStages = v.VersionStages.filter((s) => s !== PREVIOUS);
      if (!holder.VersionStages.includes(PREVIOUS)) holder.VersionStages.push(PREVIOUS);
    }
  }
}

function trimVersions(rec: SecretRecord): void {
  while (rec.Versions.length > MAX_VERSIONS) {
    const i = rec.Versions.findIndex((v) => v.VersionStages.length === 0);
    if (i < 0) return;
    rec.Versions.splice(i, 1);
  }
}

/** The version a read names: by VersionId, by VersionStage, or AWSCURRENT; AWS's errors otherwise. */
export function versionOf(rec: SecretRecord, versionId: string | undefined, stage: string | undefined): SecretVersion {
  if (versionId !== undefined) {
    const v = rec.Versions.find((x) => x.VersionId === versionId);
    if (!v) throw new ResourceNotFoundException(messages.versionNotFound(versionId));
    if (stage !== undefined && !v.VersionStages.includes(stage)) throw new InvalidRequestException(messages.versionStageMismatch());
    return v;
  }
  const label = stage ?? CURRENT;
  const v = rec.Versions.find((x) => x.VersionStages.includes(label));
  if (!v) throw new ResourceNotFoundException(messages.stageNotFound(label));
  return v;
}

/** Records a read: AWS keeps the day of the last access, not the time. */
export function markAccessed(ctx: Ctx, rec: SecretRecord): void {
  rec.LastAccessedDate = toEpochSeconds(Math.floor(ctx.now / DAY_MS) * DAY_MS);
}

/** Tags as AWS merges them: a key given again replaces its value; order of first appearance. */
export function mergeTags(tags: { Key: string; Value: string }[], add: readonly { Key?: string; Value?: string }[]): { Key: string; Value: string }[] {
  const out = tags.map((t) => ({ ...t }));
  for (const t of add) {
    const key = t.Key ?? '';
    const value = t.Value ?? '';
    const have = out.find((x) => x.Key === key);
    if (have) have.Value = value;
    else out.push({ Key: key, Value: value });
  }
  return out;
}

/** DeleteSecret: schedules the deletion (recovery window in days) or deletes now (force). Returns the deletion date, epoch seconds. */
export function deleteSecret(ctx: Ctx, rec: SecretRecord, opts: { recoveryWindowInDays?: number; force?: boolean }): number {
  if (opts.force && opts.recoveryWindowInDays !== undefined) throw new InvalidParameterException(messages.forceAndWindow());
  if (opts.force) {
    purge(ctx, rec);
    return toEpochSeconds(ctx.now);
  }
  if (rec.DeletedDate !== undefined) throw new InvalidRequestException(messages.markedForDeletion());
  const days = opts.recoveryWindowInDays ?? 30;
  if (!Number.isInteger(days) || days < 7 || days > 30) throw new InvalidParameterException(messages.recoveryWindowRange());
  const at = ctx.now + days * DAY_MS;
  rec.DeletedDate = toEpochSeconds(at);
  ctx.emu.scheduler.schedule({ at, kind: PURGE_TASK, account: ctx.account, region: ctx.region, key: purgeKey(ctx, rec), payload: { arn: rec.ARN } });
  return rec.DeletedDate;
}

/** RestoreSecret: cancels a scheduled deletion (a secret that is not scheduled is left as it is). */
export function restoreSecret(ctx: Ctx, rec: SecretRecord): void {
  if (rec.DeletedDate === undefined) return;
  delete rec.DeletedDate;
  ctx.emu.scheduler.cancel(purgeKey(ctx, rec));
}

const purgeKey = (ctx: Ctx, rec: SecretRecord) => `${PURGE_TASK}:${ctx.account}:${ctx.region}:${rec.ARN}`;

function purge(ctx: Ctx, rec: SecretRecord): void {
  const byName = secretsOf(ctx).byName;
  if (own(byName, rec.Name) === rec) delete byName[rec.Name];
}

/** The purge task: deletes the secret for good if it is still scheduled (RestoreSecret clears DeletedDate). */
export function runPurgeTask(task: { payload: { arn: string } }, ctx: Ctx): void {
  const rec = findSecret(ctx, task.payload.arn);
  if (rec && rec.ARN === task.payload.arn && rec.DeletedDate !== undefined && rec.DeletedDate * 1000 <= ctx.now) purge(ctx, rec);
}

/** VersionIdsToStages of DescribeSecret / SecretVersionsToStages of ListSecrets: labelled versions only. */
export function versionsToStages(rec: SecretRecord): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const v of rec.Versions) if (v.VersionStages.length) out[v.VersionId] = [...v.VersionStages];
  return out;
}

/** The metadata DescribeSecret and ListSecrets share (members with no value are left out). */
export function secretMetadata(rec: SecretRecord) {
  return {
    ARN: rec.ARN,
    Name: rec.Name,
    ...(rec.Description !== undefined ? { Description: rec.Description } : {}),
    ...(rec.KmsKeyId !== undefined ? { KmsKeyId: rec.KmsKeyId } : {}),
    LastChangedDate: rec.LastChangedDate,
    ...(rec.LastAccessedDate !== undefined ? { LastAccessedDate: rec.LastAccessedDate } : {}),
    ...(rec.DeletedDate !== undefined ? { DeletedDate: rec.DeletedDate } : {}),
    ...(rec.Tags.length ? { Tags: rec.Tags.map((t) => ({ ...t })) } : {}),
    CreatedDate: rec.CreatedDate,
  };
}

/** The value of a version as GetSecretValue answers it. */
export function secretValue(rec: SecretRecord, v: SecretVersion) {
  return {
    ARN: rec.ARN,
    Name: rec.Name,
    VersionId: v.VersionId,
    ...(v.SecretString !== undefined ? { SecretString: v.SecretString } : {}),
    ...(v.SecretBinary !== undefined ? { SecretBinary: v.SecretBinary } : {}),
    VersionStages: [...v.VersionStages],
    CreatedDate: v.CreatedDate,
  };
}
