/**
 * Simulation controls for the fleet, under /_emulator/fleet (never part of the AWS surface), declared
 * as data (core/control.ts): control/ mounts them and the control API's OpenAPI document is written
 * from these declarations. The controls themselves are sim/fleet/controls.ts, shared with the
 * in-process API; their refusals (FleetControlError) are control API errors: 400 for bad input, 404
 * for no such node, 409 for a node that exists.
 */
import type { Runtime } from '../../core/runtime.js';
import { component, defineControlRoute, JSON_MEDIA_TYPE, type ControlRoute, type Schema } from '../../core/control.js';
import { FleetControls, type Where } from '../../sim/fleet/controls.js';

const InstanceSchema = component('Instance', {
  type: 'object',
  description: 'A simulated managed node: InstanceInformation members (InstanceId, PlatformType, PingStatus, ...) plus Tags, Behaviors and simulation data.',
});
const oneInstance = { 200: { description: 'The node', schema: { type: 'object', properties: { instance: InstanceSchema } } } } as const;
const notFound = { description: 'No such node' };

/** Where a node is looked up; without either, wherever it is. */
const where: Record<keyof Where, Schema> = {
  account: { type: 'string', description: 'a 12-digit account id' },
  region: { type: 'string', description: 'a region name such as us-east-1' },
};

const controls = (emu: Runtime) => new FleetControls(emu);
type Body = Record<string, unknown>;

const listInstances = defineControlRoute<undefined, Where & { fields?: string }>({
  method: 'GET',
  path: '/fleet/instances',
  operationId: 'listInstances',
  summary: 'Every node (of one account and/or region), with its current PingStatus',
  query: {
    ...where,
    // A table of 10,000 nodes (the dashboard) needs a few columns, not each node's applications and patches.
    fields: { type: 'string', description: 'only these members of each node, comma-separated (InstanceId,PingStatus,Tags)' },
  },
  responses: { 200: { description: 'The nodes', schema: { type: 'object', properties: { instances: { type: 'array', items: InstanceSchema } } } } },
  handle: ({ query: { fields, ...at } }, emu) => {
    const instances = controls(emu).list(at);
    if (fields === undefined) return { instances };
    const keep = fields.split(',').map((f) => f.trim()).filter(Boolean);
    return { instances: instances.map((node) => Object.fromEntries(keep.filter((k) => Object.hasOwn(node, k)).map((k) => [k, (node as Record<string, unknown>)[k]]))) };
  },
});

const addInstance = defineControlRoute<Body>({
  method: 'POST',
  path: '/fleet/instances',
  operationId: 'addInstance',
  summary: 'Adds a managed node',
  description: 'Adds a managed node: the fields of InstanceInformation (PascalCase), plus account, region and Behaviors. The id is generated when absent.',
  body: InstanceSchema,
  responses: { ...oneInstance, 409: { description: 'A node with that id exists' } },
  handle: ({ body }, emu) => ({ instance: controls(emu).add(body) }),
});

const updateInstance = defineControlRoute<Body, Where>({
  method: 'PATCH',
  path: '/fleet/instances/{id}',
  operationId: 'updateInstance',
  summary: "Changes a node's fields",
  description:
    'Changes fields (Tags replaces the tag list); AgentRunning false/true stops or starts the simulated agent; PingStatus forces a status; InstanceState stopped stops an EC2 instance.',
  query: where,
  body: InstanceSchema,
  responses: { ...oneInstance, 404: notFound },
  handle: ({ params, query, body }, emu) => ({ instance: controls(emu).update(params.id, body, query) }),
});

const deleteInstance = defineControlRoute<undefined, Where>({
  method: 'DELETE',
  path: '/fleet/instances/{id}',
  operationId: 'deleteInstance',
  summary: 'Removes a node (terminated / gone)',
  query: where,
  responses: {
    200: { description: 'Removed', schema: { type: 'object', properties: { deleted: { type: 'string' }, account: { type: 'string' }, region: { type: 'string' } } } },
    404: notFound,
  },
  handle: ({ params, query }, emu) => controls(emu).remove(params.id, query),
});

const agentSwitch = (verb: 'stop' | 'start', description: string) =>
  defineControlRoute<undefined, Where>({
    method: 'POST',
    path: `/fleet/instances/{id}/${verb}-agent`,
    operationId: `${verb}Agent`,
    summary: `${verb === 'stop' ? 'Stops' : 'Starts'} the node's simulated SSM Agent`,
    description,
    query: where,
    responses: { ...oneInstance, 404: notFound },
    handle: ({ params, query }, emu) => ({ instance: controls(emu).setAgentRunning(params.id, verb === 'start', query) }),
  });

const YAML: Schema = { type: 'string', description: 'a fleet fixture in YAML' };
const loadFleet = defineControlRoute<Body, { replace?: boolean }>({
  method: 'POST',
  path: '/fleet/load',
  operationId: 'loadFleet',
  summary: 'Loads a fleet fixture',
  description: "A fleet fixture file's content, as JSON or YAML (Content-Type text/yaml). Checked completely before anything is stored.",
  query: { replace: { type: 'boolean', description: "remove the nodes of the fixture's accounts and regions first" } },
  body: { contentTypes: { [JSON_MEDIA_TYPE]: { type: 'object' }, 'text/yaml': YAML, 'application/yaml': YAML, 'application/x-yaml': YAML } },
  responses: { 200: { description: 'Loaded', schema: { type: 'object', properties: { loaded: { type: 'integer' }, fleets: { type: 'array', items: { type: 'object' } } } } } },
  handle({ query, body, text }, emu) {
    const opts = { replace: query.replace === true, source: 'request body' };
    return text === undefined ? controls(emu).load(body, opts) : controls(emu).load(text, { ...opts, text: true });
  },
});

const registerHybridNode = defineControlRoute<Body>({
  method: 'POST',
  path: '/fleet/register',
  operationId: 'registerHybridNode',
  summary: 'Registers a hybrid node with an activation, as SSM Agent does',
  description: 'Refused with a reason for a wrong code, an expired activation or a used-up registration limit.',
  body: {
    type: 'object',
    required: ['ActivationId', 'ActivationCode'],
    properties: { ActivationId: { type: 'string' }, ActivationCode: { type: 'string' }, account: { type: 'string' }, region: { type: 'string' } },
    description: 'plus what the agent reports: Platform, ComputerName, IPAddress, Tags, Behaviors, ...',
  },
  responses: oneInstance,
  handle: ({ body }, emu) => ({ instance: controls(emu).register(body) }),
});

export const fleetControlRoutes: readonly ControlRoute[] = [
  listInstances,
  addInstance,
  updateInstance,
  deleteInstance,
  agentSwitch(
    'stop',
    'It stays Online until its last ping is 10 minutes old, then turns ConnectionLost; commands to it wait for their delivery timeout. The same as PATCH {"AgentRunning": false}.',
  ),
  agentSwitch('start', 'The node pings and is Online at once. The same as PATCH {"AgentRunning": true}.'),
  loadFleet,
  registerHybridNode,
];
