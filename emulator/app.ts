/**
 * createApp(emu): the express application for everything that is not the SSM RPC hot path: the
 * /_emulator control API (routes declared with their schemas, mounted by control/mount.ts) and the
 * areas' REST-JSON APIs (Resource Groups, protocol/rest-json.ts), and the dashboard's static files
 * (/_emulator/ui, built into dist/ui by `npm run build`; it reads and changes state only through the
 * control API and the SSM operations, like any client). No listen here: tests use it
 * with supertest, server.ts mounts it behind the RPC handler.
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Emulator } from './emulator.js';
import { ControlError } from './core/control.js';
import { controlRoutesOf } from './control/index.js';
import { controlRouter } from './control/mount.js';
import { createRestJsonHandler } from './protocol/rest-json.js';
import type { AccessKeys } from './protocol/sigv4.js';
import { UI_DIR } from './core/paths.js';

export function createApp(emu: Emulator, options: { accessKeys?: AccessKeys } = {}): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');

  // Every response carries a request id, as AWS's do (the RPC path sets its own).
  app.use((_req, res, next) => {
    if (!res.hasHeader('x-amzn-RequestId')) res.setHeader('x-amzn-RequestId', randomUUID());
    next();
  });

  app.use('/_emulator/ui', dashboard());
  app.use('/_emulator', controlRouter(emu, controlRoutesOf(emu.areas)));

  for (const area of emu.areas) {
    if (!area.restApi) continue;
    const handler = createRestJsonHandler(emu, area.restApi, options.accessKeys);
    app.use((req, res, next) => handler(req, res, next));
  }

  app.use((req: Request, res: Response) => {
    res.status(404).json({ error: 'NotFound', message: `No route for ${req.method} ${req.path}. SSM requests are POST / with an X-Amz-Target header.` });
  });
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    if (err instanceof ControlError) {
      res.status(err.status).json({ error: err.code, message: err.message });
      return;
    }
    // express's own refusals (a path label that is not valid percent-encoding, ...).
    const e = err as { status?: number; message?: string };
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

/** The dashboard's files; a clear answer when they were not built (a source checkout without npm run build). */
function dashboard(): express.Handler {
  const files = express.static(UI_DIR, { index: 'index.html', fallthrough: true, maxAge: 0 });
  return (req, res, next) => {
    // /_emulator/ui without a slash: relative asset URLs need the folder form.
    if (req.originalUrl === '/_emulator/ui') return res.redirect(301, '/_emulator/ui/');
    if (!existsSync(join(UI_DIR, 'index.html'))) {
      res.status(404).json({ error: 'NotFound', message: 'The dashboard is not built: run `npm run build` (it bundles ui/ into dist/ui).' });
      return;
    }
    res.setHeader('Content-Security-Policy', "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:");
    files(req, res, next);
  };
}
