/**
 * The fleet operations' filters, declared for the filter engine (core/filters.ts):
 *
 *   DescribeInstanceInformation  InstanceInformationFilterList (legacy key/valueSet) or Filters
 *                                (Key/Values): always Equal.
 *   DescribeInstanceProperties   InstancePropertyFilterList (legacy) or FiltersWithOperator:
 *                                Equal, NotEqual, BeginWith, LessThan, GreaterThan (AgentVersion
 *                                compares as a version); adds DocumentName (the documents State
 *                                Manager associated with the node).
 *   Both: tag:<key> and tag-key, which cannot be combined with other keys; ResourceType takes one
 *   value; enum keys check their values (under Equal and NotEqual), InstanceIds and ActivationIds
 *   their formats (under Equal); filters may repeat (ANDed). The predicate takes the node and the
 *   request's now (epoch seconds), which PingStatus depends on.
 * ListNodes' NodeFilter is declared in nodeSummary.ts.
 */
import { defineFilters, type CompiledFilter, type FilterEngine, type FilterErrors, type KeySpec } from '../../core/filters.js';
import type { ServiceError } from '../../core/errors.js';
import {
  InvalidActivationId,
  InvalidFilterKey,
  InvalidInstanceId,
  InvalidInstanceInformationFilterValue,
  InvalidInstancePropertyFilterValue,
  ValidationException,
} from '../../generated/ssm/errors.js';
import { pingStatus, type FleetInstance } from '../../sim/fleet/instance.js';
import * as messages from './messages.js';

const PLATFORM_TYPES = ['Windows', 'Linux', 'MacOS'];
const RESOURCE_TYPES = ['EC2Instance', 'ManagedInstance'];
const INSTANCE_ID = /^(i-(\w{8}|\w{17})|mi-\w{17})$/;
const ACTIVATION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type Key = KeySpec<FleetInstance, number>;

/** DescribeInstanceInformation's keys (its API reference lists them on InstanceInformationStringFilter). */
const INFORMATION_KEYS: Readonly<Record<string, Key>> = {
  InstanceIds: { read: (i) => i.InstanceId, check: { valid: (v) => INSTANCE_ID.test(v), operators: ['Equal'] } },
  AgentVersion: { read: (i) => i.AgentVersion, type: 'version' },
  PingStatus: { read: (i, now) => pingStatus(i, now), allowed: ['Online', 'ConnectionLost', 'Inactive'] },
  PlatformTypes: { read: (i) => i.PlatformType, allowed: PLATFORM_TYPES },
  PlatformType: { read: (i) => i.PlatformType, allowed: PLATFORM_TYPES },
  ActivationIds: { read: (i) => i.ActivationId, check: { valid: (v) => ACTIVATION_ID.test(v), operators: ['Equal'] } },
  IamRole: { read: (i) => i.IamRole },
  ResourceType: { read: (i) => i.ResourceType, allowed: RESOURCE_TYPES, maxValues: 1 },
  AssociationStatus: { read: (i) => i.AssociationStatus, allowed: ['Success', 'Pending', 'Failed'] },
  SourceIds: { read: (i) => i.SourceId },
  SourceTypes: { read: (i) => i.SourceType, allowed: ['AWS::EC2::Instance', 'AWS::SSM::ManagedInstance', 'AWS::IoT::Thing'] },
};

/**
 * A spec for one of the describe operations. `invalidValue` is the operation's filter-value error
 * class; `invalidActivation` its activation-id error (DescribeInstanceProperties declares
 * InvalidActivationId, DescribeInstanceInformation does not).
 */
function describeFilters(
  name: string,
  keys: Readonly<Record<string, Key>>,
  operators: readonly string[],
  invalidValue: (message: string) => ServiceError,
  invalidActivation: (message: string) => ServiceError,
): FilterEngine<FleetInstance, number> {
  const errors: FilterErrors = {
    unknownKey: (key) => new InvalidFilterKey(messages.invalidFilterKey(key)),
    badValue: ({ key, allowed }) => invalidValue(messages.invalidFilterValue(key, allowed ?? [])),
    tooManyValues: (key) => invalidValue(messages.oneValueOnly(key)),
    badOperator: (op, _allowed, key) => invalidValue(messages.operatorNotSupported(op, key)),
  };
  const withErrors = (key: string, badValue: FilterErrors['badValue']): Key => ({ ...keys[key], errors: { badValue } });
  return defineFilters<FleetInstance, number>({
    name,
    defaults: { operators, operator: 'Equal' },
    errors,
    keys: {
      ...keys,
      InstanceIds: withErrors('InstanceIds', ({ bad }) => new InvalidInstanceId(messages.invalidInstanceIdFilter(bad))),
      ActivationIds: withErrors('ActivationIds', ({ bad }) => invalidActivation(messages.invalidActivationIdFilter(bad))),
    },
    tags: {
      read: (i) => i.Tags,
      byKey: {},
      anyKey: {},
      emptyKey: () => invalidValue(messages.emptyTagKeyFilter()),
      // "Tag filters can't be combined with other filter types" (API reference).
      alone: () => new ValidationException(messages.cannotMixTagFilters()),
    },
  });
}

export const informationFilters = describeFilters(
  'DescribeInstanceInformation',
  INFORMATION_KEYS,
  ['Equal'],
  (m) => new InvalidInstanceInformationFilterValue(m),
  (m) => new InvalidInstanceInformationFilterValue(m),
);

export const propertyFilters = describeFilters(
  'DescribeInstanceProperties',
  { ...INFORMATION_KEYS, DocumentName: { read: (i) => i.AssociatedDocuments ?? [] } },
  ['Equal', 'NotEqual', 'BeginWith', 'LessThan', 'GreaterThan'],
  (m) => new InvalidInstancePropertyFilterValue(m),
  (m) => new InvalidActivationId(m),
);

/** A describe operation's filters, compiled: the predicate takes the node and now (epoch seconds). */
export type NodeFilterSet = CompiledFilter<FleetInstance, number>;
