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
import type { NextFunction, Request, Response, Router } from 'express';
import { readBody } from '../../protocol/json-rpc.js';
import type { Runtime } from '../../core/runtime.js';
import { ControlError } from '../../control/errors.js';
import { FleetControlError, FleetControls } from '../../sim/fleet/controls.js';

export function fleetControlRoutes(router: Router, emu: Runtime): void {
  const fleet = new FleetControls(emu);
  const q = (req: Request) => req.query as { account?: string; region?: string };
  /** Runs a control and answers its result; FleetControlError becomes the control API's error. */
  const route =
    (fn: (req: Request) => unknown | Promise<unknown>) =>
    async (req: Request, res: Response, next: NextFunction): Promise<void> => {
      try {
        res.json(await fn(req));
      } catch (e) {
        next(e instanceof FleetControlError ? new ControlError(e.code, e.message, e.status) : e);
      }
    };

  router.get('/fleet/instances', route((req) => ({ instances: fleet.list(q(req)) })));
  router.post('/fleet/instances', route((req) => ({ instance: fleet.add(req.body) })));
  router.patch('/fleet/instances/:id', route((req) => ({ instance: fleet.update(String(req.params.id), req.body, q(req)) })));
  for (const [verb, running] of [['stop-agent', false], ['start-agent', true]] as const) {
    router.post(`/fleet/instances/:id/${verb}`, route((req) => ({ instance: fleet.setAgentRunning(String(req.params.id), running, q(req)) })));
  }
  router.delete('/fleet/instances/:id', route((req) => fleet.remove(String(req.params.id), q(req))));
  router.post(
    '/fleet/load',
    route(async (req) =>
      // JSON bodies arrive parsed (the control router's JSON parser); YAML is read here as text.
      isJson(req)
        ? fleet.load(req.body, { replace: req.query.replace === 'true', source: 'request body' })
        : fleet.load(await readText(req), { text: true, replace: req.query.replace === 'true', source: 'request body' }),
    ),
  );
  router.post('/fleet/register', route((req) => ({ instance: fleet.register(req.body) })));
}

const isJson = (req: Request) => /\bjson\b/i.test(String(req.headers['content-type'] ?? 'application/json'));

/** Fixtures can be large (the benchmark loads 10,000 nodes). */
const MAX_FIXTURE_BYTES = 256 * 1024 * 1024;

function readText(req: Request): Promise<string> {
  return new Promise((resolve, reject) => {
    readBody(req, MAX_FIXTURE_BYTES, (err, body) => (err ? reject(new FleetControlError('InvalidFixture', err.message)) : resolve(body.toString('utf8'))));
  });
}
