/**
 * createApp(emu): the express application for everything that is not the SSM RPC hot path: the
 * /_emulator control API and (later) Resource Groups' REST-JSON routes. No listen here: tests use it
 * with supertest, server.ts mounts it behind the RPC handler.
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { Emulator } from './emulator.js';
import { clockRoutes } from './control/clock.js';
import { stateRoutes } from './control/state.js';
import { ControlError } from './control/errors.js';

export function createApp(emu: Emulator): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');

  // Every response carries a request id, as AWS's do (the RPC path sets its own).
  app.use((_req, res, next) => {
    if (!res.hasHeader('x-amzn-RequestId')) res.setHeader('x-amzn-RequestId', randomUUID());
    next();
  });

  const control = express.Router();
  control.use(express.json({ limit: '256mb', strict: false }));
  // Under --data-dir, a control request that changes anything answers only once a checkpoint holding
  // the change is on disk (see state/persistence.ts).
  control.use((req, res, next) => {
    if (req.method === 'GET' || !emu.checkpoint) return next();
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      emu.checkpoint!().then(
        () => json(body),
        (err: unknown) => next(err),
      );
      return res;
    };
    next();
  });
  control.use(clockRoutes(emu));
  control.use(stateRoutes(emu));
  for (const area of emu.areas) area.controlRoutes?.(control, emu);
  app.use('/_emulator', control);

  for (const area of emu.areas) area.appRoutes?.(app, emu);

  app.use((req: Request, res: Response) => {
    res.status(404).json({ error: 'NotFound', message: `No route for ${req.method} ${req.path}. SSM requests are POST / with an X-Amz-Target header.` });
  });
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    if (err instanceof ControlError) {
      res.status(err.status).json({ error: err.code, message: err.message });
      return;
    }
    const e = err as { type?: string; status?: number; message?: string };
    if (e?.type === 'entity.parse.failed') {
      res.status(400).json({ error: 'InvalidJson', message: 'The request body is not valid JSON.' });
      return;
    }
    if (e?.status && e.status >= 400 && e.status < 500) {
      res.status(e.status).json({ error: 'BadRequest', message: e.message ?? 'Bad request' });
      return;
    }
    const id = randomUUID();
    emu.log.log('error', 'control API failure', { path: req.path, id, error: String((err as Error)?.stack ?? err) });
    res.status(500).json({ error: 'InternalError', message: `Unexpected failure (${id}); see the emulator log.` });
  });
  return app;
}
