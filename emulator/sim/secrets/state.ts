/**
 * Secrets Manager's slice of region state: the secrets of one account and Region, by name, each with
 * its versions and their staging labels. Wire member names; dates in epoch seconds.
 */
import { defineSlice } from '../../state/store.js';
import { arr, num, obj, rec, str, tagList } from '../../state/schema.js';
import type { Ctx } from '../../core/context.js';

export interface SecretVersion {
  VersionId: string;
  SecretString?: string;
  /** Base64, as the wire carries it. */
  SecretBinary?: string;
  CreatedDate: number;
  /** AWSCURRENT, AWSPREVIOUS, AWSPENDING or the caller's labels; a version without any is deprecated. */
  VersionStages: string[];
}

export interface SecretRecord {
  ARN: string;
  Name: string;
  Description?: string;
  KmsKeyId?: string;
  Tags: { Key: string; Value: string }[];
  CreatedDate: number;
  LastChangedDate: number;
  /** The day of the last GetSecretValue (AWS keeps the date only). */
  LastAccessedDate?: number;
  /** When a secret scheduled for deletion is deleted for good (DescribeSecret's DeletedDate). */
  DeletedDate?: number;
  /** Oldest first. */
  Versions: SecretVersion[];
}

export interface SecretsSlice {
  /** By name: a Map-like object without prototype, looked up with Object.hasOwn. */
  byName: Record<string, SecretRecord>;
}

/** What a restored snapshot's secrets must look like (see state/schema.ts). */
const secretSchema = obj(
  {
    ARN: str, Name: str, Tags: tagList, CreatedDate: num, LastChangedDate: num,
    Versions: arr(obj({ VersionId: str, CreatedDate: num, VersionStages: arr(str) }, { SecretString: str, SecretBinary: str })),
  },
  { Description: str, KmsKeyId: str, LastAccessedDate: num, DeletedDate: num },
);

export const secretsSlice = defineSlice<SecretsSlice>(
  'secrets',
  () => ({ byName: Object.create(null) as Record<string, SecretRecord> }),
  obj({ byName: rec(secretSchema) }),
);

export const secretsOf = (ctx: { scope: Ctx['scope'] }) => secretsSlice.of(ctx.scope);
