/**
 * Parameter Store's slice of a region's state: plain JSON, wire member names.
 *
 * A parameter is its version history (oldest first, at most 100 kept, as AWS keeps) plus what belongs
 * to the parameter rather than to a version: tags and resource policies (PutResourcePolicy). The
 * current version is the last one. SecureString values are stored encrypted (the simulated KMS blob,
 * base64), so a snapshot never holds them in clear text.
 *
 * byName is keyed by the canonical name: a single-level name without a leading slash is the same
 * parameter as with one (AWS: "/TestParam1" and "TestParam1" are not unique), so "TestParam1" is
 * stored under "/TestParam1"; the record keeps the name as it was created.
 */
import { defineSlice } from '../../state/store.js';
import { arr, int, num, obj, oneOf, rec, str, tagList } from '../../state/schema.js';
import type { ParameterType, Tag } from '../../generated/ssm/types.js';

export type StoredTier = 'Standard' | 'Advanced';
export type PolicyType = 'Expiration' | 'ExpirationNotification' | 'NoChangeNotification';
export type PolicyStatus = 'Pending' | 'Finished' | 'Failed' | 'InProgress';

/** One parameter policy (PutParameter Policies), with the status DescribeParameters reports. */
export interface StoredPolicy {
  PolicyText: string;
  PolicyType: PolicyType;
  PolicyStatus: PolicyStatus;
}

export interface ParameterVersion {
  Version: number;
  Type: ParameterType;
  /** Plain text, or for SecureString the simulated-KMS ciphertext blob (base64). */
  Value: string;
  /** SecureString only: the key as the caller named it (default alias/aws/ssm). */
  KeyId?: string;
  Description?: string;
  AllowedPattern?: string;
  Tier: StoredTier;
  Policies: StoredPolicy[];
  DataType: string;
  /** Epoch seconds. */
  LastModifiedDate: number;
  LastModifiedUser: string;
  Labels: string[];
}

/** A resource policy attached with PutResourcePolicy (parameter sharing). */
export interface ResourcePolicyRecord {
  PolicyId: string;
  PolicyHash: string;
  Policy: string;
}

export interface ParameterRecord {
  /** The name as created (may lack the leading slash of the canonical key). */
  Name: string;
  Versions: ParameterVersion[];
  Tags: Tag[];
  ResourcePolicies: ResourcePolicyRecord[];
}

export interface ParametersState {
  /** canonical name -> parameter */
  byName: Record<string, ParameterRecord>;
}

export const resourcePolicyRecordSchema = obj({ PolicyId: str, PolicyHash: str, Policy: str });
/** What a restored snapshot's parameters must look like (see state/schema.ts). */
const parameterVersion = obj(
  {
    Version: int,
    Type: oneOf('String', 'StringList', 'SecureString'),
    Value: str,
    Tier: oneOf('Standard', 'Advanced'),
    Policies: arr(obj({ PolicyText: str, PolicyType: str, PolicyStatus: str })),
    DataType: str,
    LastModifiedDate: num,
    LastModifiedUser: str,
    Labels: arr(str),
  },
  { KeyId: str, Description: str, AllowedPattern: str },
);
const parameterRecordSchema = obj({ Name: str, Versions: { ...arr(parameterVersion), minItems: 1 }, Tags: tagList, ResourcePolicies: arr(resourcePolicyRecordSchema) });

export const parameters = defineSlice<ParametersState>('parameters', () => ({ byName: {} }), obj({ byName: rec(parameterRecordSchema) }));

export const current = (p: ParameterRecord): ParameterVersion => p.Versions[p.Versions.length - 1];
