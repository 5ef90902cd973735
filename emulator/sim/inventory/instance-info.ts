/**
 * AWS:InstanceInformation, the inventory type Systems Manager maintains itself from a node's own
 * reports (no inventory association needed): derived from the fleet record at read time, so it is
 * always current. Its content is one entry with the members AWS returns (recorded GetInventory
 * outputs: AgentType, AgentVersion, ComputerName, InstanceId, InstanceStatus, IpAddress,
 * PlatformName, PlatformType, PlatformVersion, ResourceType). InstanceStatus: Active,
 * ConnectionLost, Stopped or Terminated (user guide, "Metadata collected by inventory").
 */
import { instanceInformationValue, lastPingSeconds, type FleetInstance } from '../fleet/instance.js';

export { instanceInformationValue };

export const INSTANCE_INFORMATION_PREFIX = 'AWS:InstanceInformation.';

/** The members of the content, in the order AWS lists them. */
const MEMBERS = ['AgentType', 'AgentVersion', 'ComputerName', 'InstanceId', 'InstanceStatus', 'IpAddress', 'PlatformName', 'PlatformType', 'PlatformVersion', 'ResourceType'] as const;

export function instanceInformation(inst: FleetInstance, nowSeconds: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of MEMBERS) out[m] = instanceInformationValue(inst, m, nowSeconds)!;
  return out;
}

/** Inventory capture times: 2025-01-01T00:00:00Z (PutInventory's CaptureTime pattern, no fraction). */
export const captureTime = (epochSeconds: number) => new Date(Math.floor(epochSeconds) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The capture time of a node's instance information: its last report. */
export const instanceInformationTime = (inst: FleetInstance, nowSeconds: number) => captureTime(lastPingSeconds(inst, nowSeconds));

