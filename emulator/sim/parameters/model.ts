/**
 * Parameter Store's shared logic: creating and updating parameters (PutParameter), deleting them
 * (DeleteParameter(s), expiry), and turning stored versions into the wire shapes (Parameter,
 * ParameterMetadata, ParameterHistory).
 *
 * Every check runs before anything changes, so a refused request leaves the parameter as it was.
 */
import type { Ctx } from '../../core/context.js';
import { toEpochSeconds } from '../../core/context.js';
import { compileUserRegex, type UserRegex } from '../../core/regex.js';
import {
  InvalidAllowedPatternException,
  InvalidKeyId,
  ParameterAlreadyExists,
  ParameterLimitExceeded,
  ParameterMaxVersionLimitExceeded,
  ParameterPatternMismatchException,
  ValidationException,
} from '../../generated/ssm/errors.js';
import type { Parameter, ParameterHistory, ParameterMetadata, PutParameterRequest, Tag } from '../../generated/ssm/types.js';
import { mergedTags } from '../tags/model.js';
import { current, parameters, type ParameterRecord, type ParameterVersion, type StoredPolicy, type StoredTier } from './state.js';
import { addName, changeTier, indexOf, removeName } from './param-index.js';
import { canonical, parameterArn, validateNewName } from './names.js';
import { carryOver, parsePolicies, policyTaskKey, schedulePolicies } from './policies.js';
import { DEFAULT_KEY, decrypt, encrypt, isUsableKeyId } from './kms.js';
import { emitChange } from './events.js';
import { defaultParameterTier } from '../service-settings/model.js';
import * as messages from './messages.js';

export const MAX_VERSIONS = 100;
export const STANDARD_MAX_VALUE = 4096;
export const ADVANCED_MAX_VALUE = 8192;
/** The model-level limit of PSParameterValue, checked before the tier limits. */
export const MAX_VALUE = 32768;
export const STANDARD_LIMIT = 10_000;
export const ADVANCED_LIMIT = 100_000;
export const DATA_TYPES = ['text', 'aws:ec2:image', 'aws:ssm:integration'] as const;
const AMI_ID = /^ami-([0-9a-f]{8}|[0-9a-f]{17})$/;

export interface Owner {
  account: string;
  region: string;
}

/** Who "modified" a parameter: the caller's account root (the emulator knows accounts, not IAM users). */
export const lastModifiedUser = (ctx: { account: string }) => `arn:aws:iam::${ctx.account}:root`;

export const recordArn = (owner: Owner, rec: ParameterRecord) => parameterArn(owner.account, owner.region, rec.Name);

/** Characters, as AWS counts them for the tier limits (code points, not UTF-16 units). */
const charCount = (s: string) => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/** The clear-text value of a version (SecureString decrypted with its key). */
export function plainValue(owner: Owner, rec: ParameterRecord, v: ParameterVersion): string {
  if (v.Type !== 'SecureString') return v.Value;
  return decrypt(owner, v.KeyId ?? DEFAULT_KEY, v.Value, recordArn(owner, rec));
}

/** The value as the wire shows it: SecureString stays encrypted unless WithDecryption. */
export const wireValue = (owner: Owner, rec: ParameterRecord, v: ParameterVersion, withDecryption: boolean | undefined): string =>
  v.Type === 'SecureString' && withDecryption ? plainValue(owner, rec, v) : v.Value;

const policiesOut = (ps: readonly StoredPolicy[]) => ps.map((p) => ({ PolicyText: p.PolicyText, PolicyType: p.PolicyType, PolicyStatus: p.PolicyStatus }));

export function toParameter(owner: Owner, rec: ParameterRecord, v: ParameterVersion, opts: { withDecryption?: boolean; name?: string; selector?: string }): Parameter {
  const out: Parameter = {
    Name: opts.name ?? rec.Name,
    Type: v.Type,
    Value: wireValue(owner, rec, v, opts.withDecryption),
    Version: v.Version,
    LastModifiedDate: v.LastModifiedDate,
    ARN: recordArn(owner, rec),
    DataType: v.DataType,
  };
  if (opts.selector !== undefined) out.Selector = opts.selector;
  return out;
}

export function toMetadata(owner: Owner, rec: ParameterRecord, opts: { name?: string } = {}): ParameterMetadata {
  const v = current(rec);
  const out: ParameterMetadata = { Name: opts.name ?? rec.Name, ARN: recordArn(owner, rec), Type: v.Type };
  if (v.KeyId !== undefined) out.KeyId = v.KeyId;
  out.LastModifiedDate = v.LastModifiedDate;
  out.LastModifiedUser = v.LastModifiedUser;
  if (v.Description !== undefined) out.Description = v.Description;
  if (v.AllowedPattern !== undefined) out.AllowedPattern = v.AllowedPattern;
  out.Version = v.Version;
  out.Tier = v.Tier;
  out.Policies = policiesOut(v.Policies);
  out.DataType = v.DataType;
  return out;
}

export function toHistory(owner: Owner, rec: ParameterRecord, v: ParameterVersion, opts: { withDecryption?: boolean; name?: string }): ParameterHistory {
  const out: ParameterHistory = { Name: opts.name ?? rec.Name, Type: v.Type };
  if (v.KeyId !== undefined) out.KeyId = v.KeyId;
  out.LastModifiedDate = v.LastModifiedDate;
  out.LastModifiedUser = v.LastModifiedUser;
  if (v.Description !== undefined) out.Description = v.Description;
  out.Value = wireValue(owner, rec, v, opts.withDecryption);
  if (v.AllowedPattern !== undefined) out.AllowedPattern = v.AllowedPattern;
  out.Version = v.Version;
  out.Labels = [...v.Labels];
  out.Tier = v.Tier;
  out.Policies = policiesOut(v.Policies);
  out.DataType = v.DataType;
  return out;
}

/** Compiles an AllowedPattern as AWS applies it: a Java regular expression matched against the whole value. */
function compilePattern(pattern: string): UserRegex {
  try {
    return compileUserRegex(pattern, { dialect: 'java' });
  } catch {
    throw new InvalidAllowedPatternException(messages.invalidAllowedPattern(pattern));
  }
}

/** PutParameter: creates a parameter or, with Overwrite, a new version of it. */
export function putParameter(ctx: Ctx, input: PutParameterRequest): { Version: number; Tier: StoredTier } {
  const state = parameters.of(ctx.scope);
  const name = validateNewName(input.Name, ctx);
  const key = canonical(name);
  const existing = state.byName[key];
  const prev = existing ? current(existing) : undefined;

  if (input.Overwrite && input.Tags?.length) throw new ValidationException(messages.tagsWithOverwrite());
  if (existing && !input.Overwrite) throw new ParameterAlreadyExists(messages.alreadyExists());
  const type = input.Type ?? prev?.Type;
  if (!type) throw new ValidationException(messages.typeRequired());

  const value = input.Value;
  const length = charCount(value);
  if (length === 0) throw new ValidationException(messages.valueEmpty());
  if (length > MAX_VALUE) throw new ValidationException(messages.valueTooLong());
  if (/\{\{[\s\S]*\}\}/.test(value)) throw new ValidationException(messages.nestedParameter());

  const dataType = input.DataType || prev?.DataType || 'text';
  if (!(DATA_TYPES as readonly string[]).includes(dataType)) throw new ValidationException(messages.unsupportedDataType(dataType));
  if (dataType === 'aws:ec2:image') {
    if (type !== 'String') throw new ValidationException(messages.imageDataTypeNeedsString());
    if (!AMI_ID.test(value)) throw new ValidationException(messages.invalidImageId(value));
  }

  if (input.KeyId !== undefined && type !== 'SecureString') throw new ValidationException(messages.keyIdNotSecure());
  const keyId = type === 'SecureString' ? (input.KeyId ?? (prev?.Type === 'SecureString' ? prev.KeyId : undefined) ?? DEFAULT_KEY) : undefined;
  if (keyId !== undefined && !isUsableKeyId(keyId, ctx.region)) throw new InvalidKeyId(messages.invalidKeyId(keyId));

  const allowedPattern = input.AllowedPattern !== undefined ? input.AllowedPattern || undefined : prev?.AllowedPattern;
  if (allowedPattern !== undefined && !compilePattern(allowedPattern).matches(value)) {
    throw new ParameterPatternMismatchException(messages.patternMismatch(allowedPattern));
  }

  const policies = input.Policies !== undefined ? parsePolicies(input.Policies, ctx.now) : prev ? carryOver(prev.Policies) : [];

  const ix = indexOf(state);
  // Without a Tier, the account's default tier applies (service setting /ssm/parameter-store/default-parameter-tier).
  const requested = input.Tier ?? defaultParameterTier(ctx);
  const joinsStandard = !prev || prev.Tier !== 'Standard';
  let tier: StoredTier;
  if (requested === 'Intelligent-Tiering') {
    const needsAdvanced =
      prev?.Tier === 'Advanced' || length > STANDARD_MAX_VALUE || policies.length > 0 || (joinsStandard && ix.tiers.Standard >= STANDARD_LIMIT);
    tier = needsAdvanced ? 'Advanced' : 'Standard';
  } else {
    tier = requested;
  }
  if (prev?.Tier === 'Advanced' && tier === 'Standard') throw new ValidationException(messages.tierDowngrade());
  if (tier === 'Standard' && length > STANDARD_MAX_VALUE) throw new ValidationException(messages.standardTooLarge());
  if (length > ADVANCED_MAX_VALUE) throw new ValidationException(messages.advancedTooLarge());
  if (tier === 'Standard' && policies.length) throw new ValidationException(messages.policiesNeedAdvanced());
  if (tier === 'Standard' && joinsStandard && ix.tiers.Standard >= STANDARD_LIMIT) {
    throw new ParameterLimitExceeded(messages.parameterLimit('Standard', STANDARD_LIMIT));
  }
  if (tier === 'Advanced' && (!prev || prev.Tier !== 'Advanced') && ix.tiers.Advanced >= ADVANCED_LIMIT) {
    throw new ParameterLimitExceeded(messages.parameterLimit('Advanced', ADVANCED_LIMIT));
  }

  let tags: Tag[] = [];
  if (!existing && input.Tags?.length) {
    try {
      tags = mergedTags([], input.Tags);
    } catch (e) {
      // PutParameter does not model TooManyTagsError: AWS answers a validation error there.
      if ((e as { code?: string }).code === 'TooManyTagsError') throw new ValidationException(messages.tooManyTagsOnCreate());
      throw e;
    }
  }
  if (existing && existing.Versions.length >= MAX_VERSIONS && existing.Versions[0].Labels.length) {
    throw new ParameterMaxVersionLimitExceeded(messages.maxVersions(existing.Name, existing.Versions[0].Version));
  }

  // ---- nothing has changed so far; from here the request succeeds ----
  const recName = existing?.Name ?? name;
  const arn = parameterArn(ctx.account, ctx.region, recName);
  const version: ParameterVersion = {
    Version: prev ? prev.Version + 1 : 1,
    Type: type,
    Value: type === 'SecureString' ? encrypt(ctx, keyId!, value, arn) : value,
    Tier: tier,
    Policies: policies,
    DataType: dataType,
    LastModifiedDate: toEpochSeconds(ctx.now),
    LastModifiedUser: lastModifiedUser(ctx),
    Labels: [],
  };
  if (keyId !== undefined) version.KeyId = keyId;
  const description = input.Description !== undefined ? input.Description : prev?.Description;
  if (description !== undefined) version.Description = description;
  if (allowedPattern !== undefined) version.AllowedPattern = allowedPattern;

  if (existing) {
    existing.Versions.push(version);
    if (existing.Versions.length > MAX_VERSIONS) existing.Versions.shift();
    changeTier(state, prev!.Tier, tier);
  } else {
    state.byName[key] = { Name: name, Versions: [version], Tags: tags, ResourcePolicies: [] };
    addName(state, key);
  }
  schedulePolicies(ctx, key);
  emitChange(ctx, existing ? 'Update' : 'Create', { name: recName, type, description, arn });
  return { Version: version.Version, Tier: tier };
}

/** Deletes a parameter with all its versions, tags and resource policies. */
export function removeParameter(ctx: Ctx, key: string, opts: { event: boolean }): ParameterRecord | undefined {
  const state = parameters.of(ctx.scope);
  const rec = state.byName[key];
  if (!rec) return undefined;
  removeName(state, key);
  delete state.byName[key];
  ctx.emu.scheduler.cancel(policyTaskKey(ctx, key));
  if (opts.event) {
    const v = current(rec);
    emitChange(ctx, 'Delete', { name: rec.Name, type: v.Type, description: v.Description, arn: recordArn(ctx, rec) });
  }
  return rec;
}
