/**
 * Simulation controls for the fleet, under /_emulator/fleet (never part of the AWS surface):
 *
 *   GET    /fleet/instances[?account=&region=]     nodes with their derived PingStatus
 *   POST   /fleet/instances                        add a node: InstanceInformation fields (PascalCase),
 *                                                  Platform, Tags, Behaviors, ..., account, region
 *   PATCH  /fleet/instances/{id}                   change fields; AgentRunning false/true stops/starts
 *                                                  the simulated agent; PingStatus forces a status
 *   DELETE /fleet/instances/{id}                   remove a node (terminated / gone)
 *   POST   /fleet/instances/{id}/stop-agent        same as PATCH {"AgentRunning": false}
 *   POST   /fleet/instances/{id}/start-agent       same as PATCH {"AgentRunning": true}
 *   POST   /fleet/load[?replace=true]              load a fixture (JSON body, or YAML as text/yaml)
 *   POST   /fleet/register                         register a hybrid node with an activation id and
 *                                                  code, as SSM Agent does
 * Errors: {"error", "message"} with 400 (bad input), 404 (no such node).
 */
import type { Request, Router } from 'express';
import { readBody } from '../../protocol/json-rpc.js';
import type { Emulator } from '../../emulator.js';
import { DEFAULT_ACCOUNT, DEFAULT_REGION } from '../../core/defaults.js';
import { ControlError } from '../../control/errors.js';
import { allInstances, getInstance } from '../../sim/fleet/state.js';
import { createNode, deleteNode, nodeView, updateNode } from '../../sim/fleet/nodes.js';
import { FleetSpecError } from '../../sim/fleet/build.js';
import { FixtureError, loadFleet, parseFixtureText } from '../../sim/fleet/fixtures.js';
import { registerNode, RegistrationError } from '../../sim/fleet/activations.js';
import type { Ctx } from '../../core/context.js';
import type { FleetInstance } from '../../sim/fleet/instance.js';

const ACCOUNT = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

function where(src: Record<string, unknown>): { account: string; region: string } {
  const account = src.account === undefined ? DEFAULT_ACCOUNT : src.account;
  const region = src.region === undefined ? DEFAULT_REGION : src.region;
  if (typeof account !== 'string' || !ACCOUNT.test(account)) throw new ControlError('InvalidAccount', 'account must be a 12-digit account id.');
  if (typeof region !== 'string' || !REGION.test(region)) throw new ControlError('InvalidRegion', 'region must be a region name such as us-east-1.');
  return { account, region };
}

function asObject(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new ControlError('InvalidRequest', 'The body must be a JSON object.');
  return body as Record<string, unknown>;
}

/** The node with this id, in the given account/region or (when none is given) wherever it is. */
function findNode(emu: Emulator, id: string, q: Record<string, unknown>): { ctx: Ctx; inst: FleetInstance } {
  const scopes =
    q.account !== undefined || q.region !== undefined
      ? [where(q)]
      : emu.store.allScopes().map((s) => ({ account: s.account, region: s.region }));
  for (const s of scopes) {
    const ctx = emu.context(s.account, s.region);
    const inst = getInstance(ctx, id);
    if (inst) return { ctx, inst };
  }
  throw new ControlError('InstanceNotFound', `No managed node ${id}${q.account || q.region ? ' in that account and region' : ''}.`, 404);
}

const specError = (e: unknown): never => {
  if (e instanceof FleetSpecError) throw new ControlError('InvalidInstance', e.message);
  throw e;
};

export function fleetControlRoutes(router: Router, emu: Emulator): void {
  router.get('/fleet/instances', (req, res) => {
    const q = req.query as Record<string, string | undefined>;
    emu.catchUp();
    const instances: Record<string, unknown>[] = [];
    for (const s of emu.store.allScopes()) {
      if ((q.account !== undefined && s.account !== q.account) || (q.region !== undefined && s.region !== q.region)) continue;
      const ctx = emu.context(s.account, s.region);
      for (const inst of allInstances(ctx)) instances.push(nodeView(ctx, inst));
    }
    res.json({ instances });
  });

  router.post('/fleet/instances', (req, res) => {
    const body = asObject(req.body);
    const w = where(body);
    emu.catchUp();
    const ctx = emu.context(w.account, w.region);
    let inst: FleetInstance;
    try {
      inst = createNode(ctx, body, ['account', 'region']);
    } catch (e) {
      if (e instanceof FleetSpecError && /already exists/.test(e.message)) throw new ControlError('InstanceExists', e.message, 409);
      return specError(e);
    }
    res.json({ instance: nodeView(ctx, inst) });
  });

  router.patch('/fleet/instances/:id', (req, res) => {
    const body = asObject(req.body);
    emu.catchUp();
    const { ctx, inst } = findNode(emu, req.params.id, req.query as Record<string, unknown>);
    try {
      updateNode(ctx, inst, body);
    } catch (e) {
      specError(e);
    }
    res.json({ instance: nodeView(ctx, inst) });
  });

  for (const [verb, running] of [['stop-agent', false], ['start-agent', true]] as const) {
    router.post(`/fleet/instances/:id/${verb}`, (req, res) => {
      emu.catchUp();
      const { ctx, inst } = findNode(emu, req.params.id, req.query as Record<string, unknown>);
      updateNode(ctx, inst, { AgentRunning: running });
      res.json({ instance: nodeView(ctx, inst) });
    });
  }

  router.delete('/fleet/instances/:id', (req, res) => {
    emu.catchUp();
    const { ctx, inst } = findNode(emu, req.params.id, req.query as Record<string, unknown>);
    deleteNode(ctx, inst.InstanceId);
    res.json({ deleted: inst.InstanceId, account: ctx.account, region: ctx.region });
  });

  router.post('/fleet/load', async (req, res) => {
    // JSON bodies arrive parsed (the control router's JSON parser); YAML is read here as text.
    const fixture = isJson(req) ? req.body : parseOrThrow(await readText(req));
    emu.catchUp();
    try {
      const result = loadFleet(emu, fixture, { replace: req.query.replace === 'true', source: 'request body' });
      res.json({ loaded: result.total, fleets: result.fleets });
    } catch (e) {
      if (e instanceof FixtureError) throw new ControlError('InvalidFixture', e.message);
      throw e;
    }
  });

  router.post('/fleet/register', (req, res) => {
    const body = asObject(req.body);
    const w = where(body);
    emu.catchUp();
    const ctx = emu.context(w.account, w.region);
    try {
      const inst = registerNode(ctx, body);
      res.json({ instance: nodeView(ctx, inst) });
    } catch (e) {
      if (e instanceof RegistrationError) throw new ControlError(e.code, e.message);
      throw e;
    }
  });
}

const isJson = (req: Request) => /\bjson\b/i.test(String(req.headers['content-type'] ?? 'application/json'));

/** Fixtures can be large (the benchmark loads 10,000 nodes). */
const MAX_FIXTURE_BYTES = 256 * 1024 * 1024;

function readText(req: Request): Promise<string> {
  return new Promise((resolve, reject) => {
    readBody(req, MAX_FIXTURE_BYTES, (err, body) => (err ? reject(new ControlError('InvalidFixture', err.message)) : resolve(body.toString('utf8'))));
  });
}

function parseOrThrow(text: string): unknown {
  try {
    return parseFixtureText(text, 'request body');
  } catch (e) {
    if (e instanceof FixtureError) throw new ControlError('InvalidFixture', e.message);
    throw e;
  }
}
