/**
 * Simulation controls for maintenance windows, under /_emulator/maintenance-windows (never part of
 * the AWS surface):
 *
 *   GET    /maintenance-windows/upcoming[?account=&region=&count=20]   the next openings across every window
 *   POST   /maintenance-windows/{windowId}/open[?account=&region=]      open the window now (a new execution)
 *   GET    /maintenance-windows/outcomes[?account=&region=]             outcomes of simulated LAMBDA / STEP_FUNCTIONS tasks
 *   POST   /maintenance-windows/outcomes[?account=&region=]             {"TaskArn"?, "Status", "StatusDetails"?, "DurationSeconds"?}
 *                                                                       or {"outcomes": [...]} (a fixture)
 *   DELETE /maintenance-windows/outcomes[?account=&region=]             back to the default (SUCCESS)
 * Errors: {"error", "message"} with 400 (bad input), 404 (no such window).
 */
import type { NextFunction, Request, Response, Router } from 'express';
import type { Runtime } from '../../core/runtime.js';
import { ControlError } from '../../control/errors.js';
import { clearOutcomes, forceOpen, listOutcomes, setOutcome, upcomingExecutions, WindowControlError } from '../../sim/maintenance-windows/controls.js';

export function windowControlRoutes(router: Router, emu: Runtime): void {
  const where = (req: Request) => {
    const q = req.query as Record<string, string | undefined>;
    return { account: q.account, region: q.region };
  };
  const route =
    (fn: (req: Request) => unknown) =>
    (req: Request, res: Response, next: NextFunction): void => {
      try {
        res.json(fn(req));
      } catch (e) {
        next(e instanceof WindowControlError ? new ControlError(e.code, e.message, e.status) : e);
      }
    };

  router.get(
    '/maintenance-windows/upcoming',
    route((req) => {
      const count = req.query.count === undefined ? undefined : Number(req.query.count);
      return { executions: upcomingExecutions(emu, { ...where(req), count }) };
    }),
  );
  router.post('/maintenance-windows/:id/open', route((req) => forceOpen(emu, String(req.params.id), where(req))));
  router.get('/maintenance-windows/outcomes', route((req) => ({ outcomes: listOutcomes(emu, where(req)) })));
  router.post(
    '/maintenance-windows/outcomes',
    route((req) => {
      const body = req.body as { outcomes?: unknown };
      const list = body && typeof body === 'object' && Array.isArray(body.outcomes) ? body.outcomes : [body];
      return { outcomes: list.map((o) => setOutcome(emu, o, where(req))) };
    }),
  );
  router.delete(
    '/maintenance-windows/outcomes',
    route((req) => {
      clearOutcomes(emu, where(req));
      return { outcomes: [] };
    }),
  );
}
