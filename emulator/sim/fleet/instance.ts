/**
 * The managed node record: what the emulator stores for each simulated instance, and the values that
 * are derived from it at read time (ping status, last ping, latest-agent flag).
 *
 * Records use AWS's PascalCase member names (InstanceInformation's, plus EC2 metadata that
 * DescribeInstanceProperties shows), so most of a record is returned as is. Timestamps are epoch
 * SECONDS, like every record in the store.
 *
 * Ping status is a pure function of the record and the clock, so 10,000 nodes cost nothing while
 * time passes: no scheduler task per node. The agent "pings" every PING_INTERVAL_SECONDS from
 * `PingAnchor` while it runs; when it is stopped, the last ping is the last one before
 * `AgentStoppedAt`, and the node shows ConnectionLost once that ping is CONNECTION_LOST_AFTER_SECONDS
 * old.
 */
import { compareVersions } from '../../core/versions.js';
import type { Tag, PingStatus, PlatformType, ResourceType, SourceType, InstanceAggregatedAssociationOverview } from '../../generated/ssm/types.js';

/**
 * SSM Agent sends its health ping (UpdateInstanceInformation) every HealthFrequencyMinutes, 5 by
 * default (amazon-ssm-agent's appconfig: DefaultSsmHealthFrequencyMinutes = 5).
 */
export const PING_INTERVAL_SECONDS = 300;

/**
 * How long after the last health ping Systems Manager shows ConnectionLost. AWS does not document
 * the threshold; two missed health pings (10 minutes) matches what users report for stopped agents.
 * Unverified: kept in one constant so it is easy to change.
 */
export const CONNECTION_LOST_AFTER_SECONDS = 600;

/** The agent version the emulator treats as the latest release (IsLatestVersion). */
export const LATEST_AGENT_VERSION = '3.3.1957.0';

/** A canned answer of the simulated shell (Run Command): the first behaviour whose Match fits wins. */
export interface CommandBehavior {
  /**
   * A JavaScript regular expression (linear-time engine). Tested against one command line of the
   * script (its words after expansion) by default, so the rest of the script still runs; with
   * Scope 'script', against the whole script (its commands joined by newlines), which it replaces.
   */
  Match: string;
  /** 'line' (default, stored absent) or 'script'. */
  Scope?: 'script';
  Stdout?: string;
  Stderr?: string;
  ExitCode?: number;
  DurationSeconds?: number;
}

/** An installed application (mirrors the AWS:Application inventory type). */
export interface InstalledApplication {
  Name: string;
  Version: string;
  Publisher?: string;
  Architecture?: string;
  InstalledTime?: string;
  PackageId?: string;
  Release?: string;
  Summary?: string;
  URL?: string;
  ApplicationType?: string;
}

/** A service or daemon (mirrors the AWS:Service inventory type). */
export interface InstalledService {
  Name: string;
  DisplayName?: string;
  Status: 'Running' | 'Stopped';
  StartType?: 'Automatic' | 'Manual' | 'Disabled';
  ServiceType?: string;
}

/** A network interface (mirrors the AWS:Network inventory type). */
export interface NetworkInterface {
  Name: string;
  MacAddress: string;
  IPV4: string[];
  IPV6?: string[];
  Gateway?: string[];
  DNSServer?: string[];
  DHCPServer?: string;
  SubnetMask?: string[];
}

/**
 * The node's patches, as its fixture describes them (Patch Manager compares baselines against these and
 * records what it installs later in its own state). Entries use the OS's patch-list formats ("Package
 * name formats for approved and rejected patch lists"): KB numbers on Windows, package names such as
 * openssl-libs, openssl-libs.x86_64 or openssl-libs-3.0.8-1.amzn2023.0.18.x86_64 (one "*" allowed),
 * advisory or CVE ids on Linux.
 */
export interface NodePatches {
  /** Patches on the node besides those its image brought. */
  Installed: string[];
  /** Patches whose installation fails on this node (an Install reports them Failed). */
  Failing: string[];
  /** Epoch seconds: every patch released before it is on the node (default: 90 days before the node was created). */
  ImageDate?: number;
}

/** EC2 instance states (DescribeInstanceProperties InstanceState). Hybrid nodes have none. */
export const EC2_STATES = ['pending', 'running', 'stopping', 'stopped', 'shutting-down', 'terminated'] as const;
export type Ec2State = (typeof EC2_STATES)[number];

export interface FleetInstance {
  /** i- + 17 hex (EC2) or mi- + 17 hex (hybrid). */
  InstanceId: string;
  ResourceType: ResourceType;
  PlatformType: PlatformType;
  PlatformName: string;
  PlatformVersion: string;
  AgentVersion: string;
  IPAddress: string;
  ComputerName: string;
  /** Hybrid nodes: the activation's role. EC2: only when set (Quick Setup host management). */
  IamRole?: string;
  /** Hybrid nodes only. */
  ActivationId?: string;
  /** Hybrid nodes only, epoch seconds. */
  RegistrationDate?: number;
  /** Hybrid nodes: the activation's DefaultInstanceName. */
  Name?: string;
  SourceId: string;
  SourceType: SourceType;
  /** Live list; SSM tags for hybrid nodes, EC2 tags for EC2 instances. */
  Tags: Tag[];

  // EC2 metadata (DescribeInstanceProperties)
  InstanceType?: string;
  Architecture?: string;
  KeyName?: string;
  /** The instance profile (DescribeInstanceProperties InstanceRole). */
  InstanceRole?: string;
  /** EC2 only; stopped and terminated instances are not listed or targeted, as in AWS. */
  InstanceState?: Ec2State;
  /** Epoch seconds. */
  LaunchTime?: number;

  // Association data, maintained by State Manager.
  AssociationStatus?: string;
  LastAssociationExecutionDate?: number;
  LastSuccessfulAssociationExecutionDate?: number;
  AssociationOverview?: InstanceAggregatedAssociationOverview;
  /** Documents associated with the node (DescribeInstanceProperties DocumentName filter). */
  AssociatedDocuments?: string[];

  // The simulated agent.
  AgentRunning: boolean;
  /** Epoch seconds of one health ping; while the agent runs, pings repeat every PING_INTERVAL_SECONDS. */
  PingAnchor: number;
  /** Epoch seconds, when AgentRunning is false. */
  AgentStoppedAt?: number;
  /** Forces the deprecated Inactive ping status. */
  Inactive?: boolean;

  // Simulation data used by later capabilities.
  Applications: InstalledApplication[];
  Services: InstalledService[];
  Network: NetworkInterface[];
  Patches: NodePatches;
  Behaviors: CommandBehavior[];
  /**
   * Session Manager port forwarding: which port on the node (or `host:port` reachable from it)
   * reaches which real address on this machine, e.g. { "5432": "127.0.0.1:15432" }. A port a
   * session asks for that is not mapped answers ConnectToPortError.
   */
  PortForwards?: Record<string, string>;

  /** Epoch seconds when the node joined the emulator. */
  CreatedAt: number;
}

/** Epoch seconds of the last health ping the service received from this node. */
export function lastPingSeconds(inst: FleetInstance, nowSeconds: number): number {
  const until = inst.AgentRunning ? nowSeconds : Math.min(inst.AgentStoppedAt ?? nowSeconds, nowSeconds);
  if (until <= inst.PingAnchor) return Math.min(inst.PingAnchor, until);
  const t = inst.PingAnchor + Math.floor((until - inst.PingAnchor) / PING_INTERVAL_SECONDS) * PING_INTERVAL_SECONDS;
  // Whole milliseconds, as the wire's epoch seconds carry them.
  return Math.round(t * 1000) / 1000;
}

export function pingStatus(inst: FleetInstance, nowSeconds: number): PingStatus {
  if (inst.Inactive) return 'Inactive';
  if (inst.AgentRunning) return 'Online';
  // A stopping, stopped or terminated EC2 instance: EC2 tells Systems Manager, which does not wait
  // for missed health pings (sim/fleet/ec2.ts).
  if (!isVisible(inst)) return 'ConnectionLost';
  return nowSeconds - lastPingSeconds(inst, nowSeconds) >= CONNECTION_LOST_AFTER_SECONDS ? 'ConnectionLost' : 'Online';
}

/** The agent type the node views (ListNodes) and AWS:InstanceInformation report. */
export const AGENT_TYPE = 'amazon-ssm-agent';

/**
 * InstanceStatus as the node views and inventory show it (unverified): Active while the agent
 * reports, ConnectionLost / Inactive like PingStatus, Stopped for a stopped EC2 instance.
 */
export function instanceStatus(inst: FleetInstance, nowSeconds: number): string {
  if (inst.InstanceState !== undefined && inst.InstanceState !== 'running' && inst.InstanceState !== 'pending') return 'Stopped';
  const p = pingStatus(inst, nowSeconds);
  return p === 'Online' ? 'Active' : p;
}

/**
 * One member of a node's instance information as the node views (ListNodes) and AWS:InstanceInformation
 * inventory show it, or undefined for a name that is none of them. Reads only that member: filters
 * scan 10,000 nodes.
 */
export function instanceInformationValue(inst: FleetInstance, attribute: string, nowSeconds: number): string | undefined {
  switch (attribute) {
    case 'AgentType':
      return AGENT_TYPE;
    case 'AgentVersion':
      return inst.AgentVersion;
    case 'ComputerName':
      return inst.ComputerName;
    case 'InstanceId':
      return inst.InstanceId;
    case 'InstanceStatus':
      return instanceStatus(inst, nowSeconds);
    case 'IpAddress':
      return inst.IPAddress;
    case 'PlatformName':
      return inst.PlatformName;
    case 'PlatformType':
      return inst.PlatformType;
    case 'PlatformVersion':
      return inst.PlatformVersion;
    case 'ResourceType':
      return inst.ResourceType;
    default:
      return undefined;
  }
}

/** Online and reachable: the agent runs now (Run Command delivers at once; otherwise it waits). */
export function agentConnected(inst: FleetInstance): boolean {
  return inst.AgentRunning && !inst.Inactive && isVisible(inst);
}

/** Stopped and terminated EC2 instances are not managed nodes for listing and targeting. */
export function isVisible(inst: FleetInstance): boolean {
  const s = inst.InstanceState;
  return s === undefined || s === 'running' || s === 'pending';
}

/** Agent versions compare as versions (core/versions.ts); re-exported for the fleet's users. */
export { compareVersions };

export const isLatestVersion = (inst: FleetInstance) => compareVersions(inst.AgentVersion, LATEST_AGENT_VERSION) >= 0;

export const tagValue = (inst: FleetInstance, key: string) => inst.Tags.find((t) => t.Key === key)?.Value;

/** The ARN of the node as Resource Groups and EventBridge name it. */
export function instanceArn(where: { account: string; region: string }, inst: FleetInstance): string {
  return inst.ResourceType === 'EC2Instance'
    ? `arn:aws:ec2:${where.region}:${where.account}:instance/${inst.InstanceId}`
    : `arn:aws:ssm:${where.region}:${where.account}:managed-instance/${inst.InstanceId}`;
}

/** The Resource Groups / CloudFormation resource type of the node. */
export const instanceResourceType = (inst: FleetInstance) => (inst.ResourceType === 'EC2Instance' ? 'AWS::EC2::Instance' : 'AWS::SSM::ManagedInstance');
