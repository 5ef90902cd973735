/**
 * AWS:InstanceInformation, the inventory type Systems Manager maintains itself from a node's own
 * reports (no inventory association needed): derived from the fleet record at read time, so it is
 * always current. Its content is one entry with the members AWS returns (recorded GetInventory
 * outputs: AgentType, AgentVersion, ComputerName, InstanceId, InstanceStatus, IpAddress,
 * PlatformName, PlatformType, PlatformVersion, ResourceType). InstanceStatus: Active,
 * ConnectionLost, Stopped or Terminated (user guide, "Metadata collected by inventory").
 */
import { AGENT_TYPE, instanceStatus, lastPingSeconds, type FleetInstance } from '../fleet/instance.js';

export const INSTANCE_INFORMATION_PREFIX = 'AWS:InstanceInformation.';

/** The members of the content, in the order AWS lists them. */
const MEMBERS = ['AgentType', 'AgentVersion', 'ComputerName', 'InstanceId', 'InstanceStatus', 'IpAddress', 'PlatformName', 'PlatformType', 'PlatformVersion', 'ResourceType'] as const;

/** One attribute of a node's instance information, without building the rest (filters scan 10,000 nodes). */
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

export function instanceInformation(inst: FleetInstance, nowSeconds: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of MEMBERS) out[m] = instanceInformationValue(inst, m, nowSeconds)!;
  return out;
}

/** Inventory capture times: 2025-01-01T00:00:00Z (PutInventory's CaptureTime pattern, no fraction). */
export const captureTime = (epochSeconds: number) => new Date(Math.floor(epochSeconds) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The capture time of a node's instance information: its last report. */
export const instanceInformationTime = (inst: FleetInstance, nowSeconds: number) => captureTime(lastPingSeconds(inst, nowSeconds));

