/**
 * Service configurations of resource groups (CreateGroup's and PutGroupConfiguration's
 * Configuration), checked against the types and parameters the Resource Groups user guide documents
 * ("Service configurations for resource groups", "Supported configuration types and parameters"):
 *
 *   AWS::ResourceGroups::Generic         allowed-resource-types (AWS::EC2::Host or
 *                                        AWS::EC2::CapacityReservation), deletion-protection
 *                                        ([UNLESS_EMPTY]: the group can't be deleted unless empty)
 *   AWS::EC2::CapacityReservationPool    no parameters; needs Generic allowed-resource-types =
 *                                        [AWS::EC2::CapacityReservation]
 *   AWS::EC2::HostManagement             auto-allocate-host, auto-release-host (true/false),
 *                                        allowed-host-families, and exactly one of
 *                                        allowed-host-based-license-configurations (License Manager
 *                                        ARNs) / any-host-based-license-configuration (true/false);
 *                                        needs Generic allowed-resource-types = [AWS::EC2::Host] and
 *                                        deletion-protection = [UNLESS_EMPTY]
 *   AWS::NetworkFirewall::RuleGroup      no parameters; the group must also have a tag-based query
 *                                        (the one type that has both)
 *   AWS::ResourceGroups::ApplicationGroup no parameters: an application (GroupResources, tag-sync)
 *   AWS::AppRegistry::Application,       managed by AppRegistry only: refused
 *   AWS::CloudFormation::Stack
 *
 * Groups of the host-management, capacity-reservation and application types are static: their
 * members are added with GroupResources (GroupResources' documentation lists these three).
 */
import { BadRequestException } from '../../generated/resource-groups/errors.js';
import type { GroupConfigurationItem } from '../../generated/resource-groups/types.js';
import type { GroupRecord } from './state.js';
import * as messages from './messages.js';

export const GENERIC = 'AWS::ResourceGroups::Generic';
export const HOST_MANAGEMENT = 'AWS::EC2::HostManagement';
export const CAPACITY_POOL = 'AWS::EC2::CapacityReservationPool';
export const NETWORK_FIREWALL = 'AWS::NetworkFirewall::RuleGroup';
export const APPLICATION_GROUP = 'AWS::ResourceGroups::ApplicationGroup';
const APPREGISTRY_MANAGED = ['AWS::AppRegistry::Application', 'AWS::CloudFormation::Stack'];

/** Types whose groups take members through GroupResources. */
export const STATIC_TYPES = [HOST_MANAGEMENT, CAPACITY_POOL, APPLICATION_GROUP];

type ValueRule = { values?: readonly string[]; pattern?: RegExp; single?: boolean; what: string };
const BOOLEAN: ValueRule = { values: ['true', 'false'], single: true, what: '"true" or "false" (lower case)' };
const FAMILY = /^[a-z][a-z0-9-]*$/i;
const LICENSE_CONFIGURATION = /^arn:aws[a-z-]*:license-manager:[a-z0-9-]+:\d{12}:license-configuration:lic-[0-9a-f]{32}$/;

const PARAMETERS: Readonly<Record<string, Readonly<Record<string, ValueRule>>>> = {
  [GENERIC]: {
    'allowed-resource-types': { values: ['AWS::EC2::Host', 'AWS::EC2::CapacityReservation'], what: 'AWS::EC2::Host or AWS::EC2::CapacityReservation' },
    'deletion-protection': { values: ['UNLESS_EMPTY'], single: true, what: 'UNLESS_EMPTY' },
  },
  [HOST_MANAGEMENT]: {
    'auto-allocate-host': BOOLEAN,
    'auto-release-host': BOOLEAN,
    'allowed-host-families': { pattern: FAMILY, what: 'Amazon EC2 instance type families such as c5 or m5' },
    'allowed-host-based-license-configurations': { pattern: LICENSE_CONFIGURATION, what: 'ARNs of License Manager license configurations' },
    'any-host-based-license-configuration': BOOLEAN,
  },
  [CAPACITY_POOL]: {},
  [NETWORK_FIREWALL]: {},
  [APPLICATION_GROUP]: {},
};

const bad = (detail: string) => new BadRequestException(messages.configurationNotValid(detail));

const paramValues = (items: readonly GroupConfigurationItem[], type: string, name: string): string[] | undefined =>
  items.find((i) => i.Type === type)?.Parameters?.find((p) => p.Name === name)?.Values;

/** Checks a configuration; `hasQuery` says whether the group has (or gets) a resource query. */
export function checkConfiguration(items: readonly GroupConfigurationItem[], hasQuery: boolean): void {
  if (hasQuery && items.length && !items.some((i) => i.Type === NETWORK_FIREWALL)) throw new BadRequestException(messages.queryAndConfiguration());
  const seen = new Set<string>();
  for (const item of items) {
    if (APPREGISTRY_MANAGED.includes(item.Type)) throw bad(messages.appRegistryManaged(item.Type));
    const rules = PARAMETERS[item.Type];
    if (!rules) throw bad(messages.unknownConfigurationType(item.Type, Object.keys(PARAMETERS)));
    if (seen.has(item.Type)) throw bad(messages.duplicateConfigurationType(item.Type));
    seen.add(item.Type);
    const names = new Set<string>();
    for (const p of item.Parameters ?? []) {
      const rule = Object.hasOwn(rules, p.Name) ? rules[p.Name] : undefined;
      if (!rule) throw bad(messages.unknownConfigurationParameter(item.Type, p.Name, Object.keys(rules)));
      if (names.has(p.Name)) throw bad(messages.duplicateConfigurationParameter(item.Type, p.Name));
      names.add(p.Name);
      const values = p.Values ?? [];
      if (!values.length || (rule.single && values.length > 1)) throw bad(messages.configurationValueCount(p.Name, rule.single ? 1 : undefined));
      for (const v of values) {
        if (rule.values ? !rule.values.includes(v) : !rule.pattern!.test(v)) throw bad(messages.configurationValue(p.Name, v, rule.what));
      }
    }
  }
  const generic = (name: string) => paramValues(items, GENERIC, name);
  const requireGeneric = (type: string, name: string, value: string) => {
    const v = generic(name);
    if (!v || v.length !== 1 || v[0] !== value) throw bad(messages.configurationNeeds(type, name, value));
  };
  if (seen.has(HOST_MANAGEMENT)) {
    requireGeneric(HOST_MANAGEMENT, 'allowed-resource-types', 'AWS::EC2::Host');
    requireGeneric(HOST_MANAGEMENT, 'deletion-protection', 'UNLESS_EMPTY');
    const listed = paramValues(items, HOST_MANAGEMENT, 'allowed-host-based-license-configurations') !== undefined;
    const any = paramValues(items, HOST_MANAGEMENT, 'any-host-based-license-configuration') !== undefined;
    if (listed === any) throw bad(messages.licenseChoice());
  }
  if (seen.has(CAPACITY_POOL)) requireGeneric(CAPACITY_POOL, 'allowed-resource-types', 'AWS::EC2::CapacityReservation');
  if (seen.has(NETWORK_FIREWALL) && !hasQuery) throw bad(messages.firewallNeedsQuery());
}

export const configurationTypes = (g: GroupRecord): string[] => (g.Configuration ?? []).map((i) => i.Type);
export const hasType = (g: GroupRecord, type: string) => configurationTypes(g).includes(type);

/** A group that takes members through GroupResources. */
export const isStaticGroup = (g: GroupRecord) => configurationTypes(g).some((t) => STATIC_TYPES.includes(t));
export const isApplicationGroup = (g: GroupRecord) => hasType(g, APPLICATION_GROUP);

/** The resource types a configured group may hold (undefined: any). */
export const allowedResourceTypes = (g: GroupRecord): string[] | undefined =>
  g.Configuration ? paramValues(g.Configuration, GENERIC, 'allowed-resource-types') : undefined;

/** deletion-protection UNLESS_EMPTY. */
export const deletionProtected = (g: GroupRecord) => !!g.Configuration && paramValues(g.Configuration, GENERIC, 'deletion-protection')?.[0] === 'UNLESS_EMPTY';
