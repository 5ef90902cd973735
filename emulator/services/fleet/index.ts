/**
 * The fleet capability area: managed nodes (DescribeInstanceInformation, DescribeInstanceProperties,
 * ListNodes, ListNodesSummary, GetConnectionStatus), hybrid activations (CreateActivation,
 * DescribeActivations, DeleteActivation, DeregisterManagedInstance, UpdateManagedInstanceRole), tags
 * of hybrid nodes, the /_emulator/fleet control routes, and the configured fleet fixture, loaded at
 * start and again after every reset. The fleet model itself lives in emulator/sim/fleet/.
 */
import { taggableResources } from '../../sim/tags/registry.js';
import type { Area } from '../../core/operation.js';
import type { Runtime } from '../../core/runtime.js';
import { loadFleet, readFixtureFile } from '../../sim/fleet/fixtures.js';
import { ec2Tasks } from '../../sim/fleet/ec2.js';
import describeInstanceInformation from './describeInstanceInformation.js';
import describeInstanceProperties from './describeInstanceProperties.js';
import listNodes from './listNodes.js';
import listNodesSummary from './listNodesSummary.js';
import getConnectionStatus from './getConnectionStatus.js';
import createActivation from './createActivation.js';
import describeActivations from './describeActivations.js';
import deleteActivation from './deleteActivation.js';
import deregisterManagedInstance from './deregisterManagedInstance.js';
import updateManagedInstanceRole from './updateManagedInstanceRole.js';
import { managedInstanceTaggable } from './taggable.js';
import { fleetControlRoutes } from './control.js';

function init(emu: Runtime): void {
  if (emu.fleet === null) return;
  // Parsed once; reloaded into the cleared state after each reset (tests that ask for a fleet get
  // it fresh before every test, and POST /_emulator/reset returns a running emulator to its start).
  const source = typeof emu.fleet === 'string' ? emu.fleet : 'fleet option';
  const fixture = typeof emu.fleet === 'string' ? readFixtureFile(emu.fleet) : emu.fleet;
  const load = (only?: { account?: string; region?: string }) => loadFleet(emu, fixture, { only, source });
  load();
  emu.onReset((scope, reason) => {
    if (reason === 'reset') load(scope);
  });
}

export const fleetArea: Area = {
  name: 'fleet',
  operations: [
    describeInstanceInformation,
    describeInstanceProperties,
    listNodes,
    listNodesSummary,
    getConnectionStatus,
    createActivation,
    describeActivations,
    deleteActivation,
    deregisterManagedInstance,
    updateManagedInstanceRole,
  ],
  provides: [taggableResources.provide(managedInstanceTaggable)],
  // EC2 instance state changes that take time (sim/fleet/ec2.ts).
  tasks: ec2Tasks,
  init,
  controlRoutes: fleetControlRoutes,
};
