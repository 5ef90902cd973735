/**
 * The simulated fleet, as other capabilities use it. Import from here:
 *
 *   import { resolveTargets, getInstance, pingStatus, agentConnected, onFleetChange } from '../../sim/fleet/index.js';
 *
 * - targets.ts: resolveTargets / validateTargets / matchesTargets (the one targeting resolver);
 * - instance.ts: the FleetInstance record and values derived from the clock (pingStatus,
 *   lastPingSeconds, agentConnected, isVisible) and the simulation data (Behaviors, Applications,
 *   Services, Network, Patches);
 * - state.ts: getInstance, allInstances, onFleetChange (listeners for added/removed/agent started...);
 * - nodes.ts / fixtures.ts / activations.ts: lifecycle used by the control API and start-up.
 */
export * from './instance.js';
export { getInstance, allInstances, sortedInstanceIds, onFleetChange, type FleetChange, type FleetListener, type ActivationRecord } from './state.js';
export { resolveTargets, validateTargets, matchesTargets, KEY_FORMS, type Resolution, type ResolveOptions, type TargetInput, type TargetProfile } from './targets.js';
export { createNode, updateNode, setAgentRunning, deleteNode, nodeView, nodeArn } from './nodes.js';
export { loadFleet, loadConfiguredFleet, DEFAULT_FLEET_FILE } from './fixtures.js';
