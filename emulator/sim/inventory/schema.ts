/**
 * The inventory types Systems Manager defines (GetInventorySchema's AWS:* schemas) and the rules
 * that follow from them: which schema versions PutInventory accepts, which attributes an item of a
 * type may carry, which attributes GetInventory can aggregate on.
 *
 * Sources:
 * - Attributes and data types: the user guide's "Metadata collected by inventory" (every AWS:* type
 *   with its attributes), plus KernelVersion of AWS:InstanceDetailedInformation, which SSM Agent
 *   sends (amazon-ssm-agent agent/plugins/inventory/model InstanceDetailedInformation).
 * - Versions: the guide lists 1.1 for AWS:Application and 1.0 for the others; the agent's gatherers
 *   send exactly these (agent/plugins/inventory/gatherers/<type>: SchemaVersion...). Older agents
 *   sent AWS:Application 1.0, which is still accepted (unverified).
 * - Aggregator schemas (GetInventorySchema Aggregator=true) and their display names: the guide's
 *   "Aggregating inventory data" (AWS:Application Name/Version, AWS:InstanceInformation "Platform"
 *   PlatformName/PlatformType/PlatformVersion, AWS:ResourceGroup Name, AWS:Service
 *   Name/DisplayName/ServiceType/Status/StartType, AWS:WindowsRole Name/DisplayName/FeatureType/
 *   Installed).
 * - Data types are reported as STRING / NUMBER, as AWS answers (the guide's and the AWS CLI's
 *   recorded outputs), although the model's enum spells them in lower case.
 * - Sub-type schemas (GetInventorySchema SubType=true): AWS:ComplianceItem and AWS:ComplianceSummary
 *   hold one sub-type per compliance type (their Context names it). Which schemas AWS flags as
 *   sub-types is not documented; this is an assumption (unverified).
 */

export type DataType = 'STRING' | 'NUMBER';

export interface AttributeDef {
  Name: string;
  DataType: DataType;
}

export interface TypeDef {
  TypeName: string;
  /** The current schema version (what GetInventorySchema reports). */
  Version: string;
  /** Every version PutInventory accepts for the type. */
  Accepted: readonly string[];
  Attributes: readonly AttributeDef[];
  /** Attributes GetInventory can aggregate on, and the name GetInventorySchema Aggregator=true shows. */
  Aggregator?: { DisplayName: string; Attributes: readonly string[] };
  /** A sub-type schema (one sub-type per Context ComplianceType). */
  SubType?: boolean;
  /** Keys PutInventory accepts in an item's Context (only the compliance types take one). */
  ContextKeys?: readonly string[];
  /**
   * Maintained by Systems Manager itself, never put by a client: AWS:InstanceInformation comes from
   * the node's own reports (the emulator derives it from the fleet).
   */
  ServiceMaintained?: boolean;
}

const S = (...names: string[]): AttributeDef[] => names.map((Name) => ({ Name, DataType: 'STRING' }));
const N = (...names: string[]): AttributeDef[] => names.map((Name) => ({ Name, DataType: 'NUMBER' }));

const V10 = ['1.0'] as const;

export const AWS_TYPES: readonly TypeDef[] = [
  {
    TypeName: 'AWS:InstanceInformation',
    Version: '1.0',
    Accepted: V10,
    Attributes: S('AgentType', 'AgentVersion', 'ComputerName', 'InstanceId', 'IpAddress', 'PlatformName', 'PlatformType', 'PlatformVersion', 'ResourceType', 'AgentStatus', 'InstanceStatus'),
    Aggregator: { DisplayName: 'Platform', Attributes: ['PlatformName', 'PlatformType', 'PlatformVersion'] },
    ServiceMaintained: true,
  },
  {
    TypeName: 'AWS:Application',
    Version: '1.1',
    Accepted: ['1.0', '1.1'],
    Attributes: S('Name', 'ApplicationType', 'Publisher', 'Version', 'Release', 'Epoch', 'InstalledTime', 'Architecture', 'URL', 'Summary', 'PackageId'),
    Aggregator: { DisplayName: 'Application', Attributes: ['Name', 'Version'] },
  },
  {
    TypeName: 'AWS:File',
    Version: '1.0',
    Accepted: V10,
    Attributes: S('Name', 'Size', 'Description', 'FileVersion', 'InstalledDate', 'ModificationTime', 'LastAccessTime', 'ProductName', 'InstalledDir', 'ProductLanguage', 'CompanyName', 'ProductVersion'),
  },
  {
    TypeName: 'AWS:Process',
    Version: '1.0',
    Accepted: V10,
    Attributes: S('StartTime', 'CommandLine', 'User', 'FileName', 'FileVersion', 'FileDescription', 'FileSize', 'CompanyName', 'ProductName', 'ProductVersion', 'InstalledDate', 'InstalledDir', 'UsageId'),
  },
  {
    TypeName: 'AWS:AWSComponent',
    Version: '1.0',
    Accepted: V10,
    // The agent sends its application record for components too, so Release, Epoch, Summary and
    // PackageId can appear in content (agent/plugins/inventory/model ApplicationData).
    Attributes: S('Name', 'ApplicationType', 'Publisher', 'Version', 'InstalledTime', 'Architecture', 'URL', 'Release', 'Epoch', 'Summary', 'PackageId'),
  },
  { TypeName: 'AWS:WindowsUpdate', Version: '1.0', Accepted: V10, Attributes: S('HotFixId', 'Description', 'InstalledTime', 'InstalledBy') },
  {
    TypeName: 'AWS:Network',
    Version: '1.0',
    Accepted: V10,
    Attributes: S('Name', 'SubnetMask', 'Gateway', 'DHCPServer', 'DNSServer', 'MacAddress', 'IPV4', 'IPV6'),
  },
  {
    TypeName: 'AWS:PatchSummary',
    Version: '1.0',
    Accepted: V10,
    Attributes: [
      ...S('PatchGroup', 'BaselineId', 'SnapshotId', 'OwnerInformation'),
      ...N('InstalledCount', 'InstalledPendingRebootCount', 'InstalledOtherCount', 'InstalledRejectedCount', 'NotApplicableCount', 'UnreportedNotApplicableCount', 'MissingCount', 'FailedCount'),
      ...S('OperationType', 'OperationStartTime', 'OperationEndTime', 'InstallOverrideList', 'RebootOption', 'LastNoRebootInstallOperationTime', 'ExecutionId', 'NonCompliantSeverity'),
      ...N('SecurityNonCompliantCount', 'CriticalNonCompliantCount', 'OtherNonCompliantCount'),
    ],
  },
  { TypeName: 'AWS:PatchCompliance', Version: '1.0', Accepted: V10, Attributes: S('Title', 'KBId', 'Classification', 'Severity', 'State', 'InstalledTime') },
  {
    TypeName: 'AWS:ComplianceItem',
    Version: '1.0',
    Accepted: V10,
    Attributes: S(
      'ComplianceType', 'ExecutionId', 'ExecutionType', 'ExecutionTime', 'Id', 'Title', 'Status', 'Severity', 'DocumentName', 'DocumentVersion',
      'Classification', 'PatchBaselineId', 'PatchSeverity', 'PatchState', 'PatchGroup', 'InstalledTime', 'InstallOverrideList', 'DetailedText',
      'DetailedLink', 'CVEIds',
    ),
    SubType: true,
    ContextKeys: ['ComplianceType', 'ExecutionId', 'ExecutionType', 'ExecutionTime'],
  },
  {
    TypeName: 'AWS:ComplianceSummary',
    Version: '1.0',
    Accepted: V10,
    Attributes: [
      ...S('ComplianceType', 'PatchGroup', 'PatchBaselineId', 'Status', 'OverallSeverity', 'ExecutionId', 'ExecutionType', 'ExecutionTime'),
      ...N(
        'CompliantCriticalCount', 'CompliantHighCount', 'CompliantMediumCount', 'CompliantLowCount', 'CompliantInformationalCount', 'CompliantUnspecifiedCount',
        'NonCompliantCriticalCount', 'NonCompliantHighCount', 'NonCompliantMediumCount', 'NonCompliantLowCount', 'NonCompliantInformationalCount',
        'NonCompliantUnspecifiedCount',
      ),
    ],
    SubType: true,
  },
  {
    TypeName: 'AWS:InstanceDetailedInformation',
    Version: '1.0',
    Accepted: V10,
    Attributes: [...S('CPUModel'), ...N('CPUCores', 'CPUs', 'CPUSpeedMHz', 'CPUSockets'), ...S('CPUHyperThreadEnabled', 'OSServicePack', 'KernelVersion')],
  },
  {
    TypeName: 'AWS:Service',
    Version: '1.0',
    Accepted: V10,
    Attributes: S('Name', 'DisplayName', 'ServiceType', 'Status', 'DependentServices', 'ServicesDependedOn', 'StartType'),
    Aggregator: { DisplayName: 'Service', Attributes: ['Name', 'DisplayName', 'ServiceType', 'Status', 'StartType'] },
  },
  { TypeName: 'AWS:WindowsRegistry', Version: '1.0', Accepted: V10, Attributes: S('KeyPath', 'ValueName', 'ValueType', 'Value') },
  {
    TypeName: 'AWS:WindowsRole',
    Version: '1.0',
    Accepted: V10,
    Attributes: S('Name', 'DisplayName', 'Path', 'FeatureType', 'DependsOn', 'Description', 'Installed', 'InstalledState', 'SubFeatures', 'ServerComponentDescriptor', 'Parent'),
    Aggregator: { DisplayName: 'WindowsRole', Attributes: ['Name', 'DisplayName', 'FeatureType', 'Installed'] },
  },
  { TypeName: 'AWS:Tag', Version: '1.0', Accepted: V10, Attributes: S('Key', 'Value') },
  {
    TypeName: 'AWS:ResourceGroup',
    Version: '1.0',
    Accepted: V10,
    Attributes: S('Name', 'Arn'),
    Aggregator: { DisplayName: 'ResourceGroup', Attributes: ['Name'] },
  },
  { TypeName: 'AWS:BillingInfo', Version: '1.0', Accepted: V10, Attributes: S('BillingProductId') },
];

const byName = new Map(AWS_TYPES.map((t) => [t.TypeName, t]));

/** The AWS-defined type of that name, or undefined (custom types are per account: see state.ts). */
export const awsType = (typeName: string): TypeDef | undefined => byName.get(typeName);

export const INSTANCE_INFORMATION = 'AWS:InstanceInformation';
export const isCustomType = (typeName: string) => typeName.startsWith('Custom:');

/** Schema versions as PutInventory's pattern allows them (major.minor, up to 6 digits each), compared numerically. */
export function compareVersions(a: string, b: string): number {
  const [am, an] = a.split('.').map(Number);
  const [bm, bn] = b.split('.').map(Number);
  return am !== bm ? am - bm : (an ?? 0) - (bn ?? 0);
}

/**
 * Service quotas of Inventory (AWS General Reference, "AWS Systems Manager endpoints and quotas";
 * the custom type count is also in the user guide's "Working with custom inventory").
 */
export const LIMITS = {
  /** Custom inventory types per account and Region (CustomSchemaCountLimitExceededException). */
  customTypes: 20,
  /** Attributes of one custom inventory type (unverified as to the error: InvalidItemContentException). */
  customTypeAttributes: 50,
  /** Size of one custom inventory item's content, bytes of JSON (ItemSizeLimitExceededException; unverified measure). */
  customItemBytes: 200 * 1024,
  /** Inventory data of one node in one PutInventory call, bytes of JSON (TotalSizeLimitExceededException; unverified measure). */
  callBytes: 1024 * 1024,
  /** Custom compliance types of one node (the AWS:ComplianceItem sub-types; SubTypeCountLimitExceededException). */
  complianceSubTypes: 10,
  /** Inventory of a node that left the fleet is kept this long (user guide, "Aggregating inventory data"). */
  retentionSeconds: 30 * 24 * 3600,
  /** Resource data syncs per account and Region (unverified). */
  resourceDataSyncs: 5,
} as const;
