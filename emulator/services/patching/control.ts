/**
 * Simulation controls for Patch Manager, under /_emulator/patching (never part of the AWS surface):
 *
 *   PUT    /patching/files      {"url", "content", "account"?, "region"?}: the content a node "downloads"
 *                               for a BaselineOverride or InstallOverrideList URL (https:// or s3://): the
 *                               emulator has no S3, so a step naming a URL nobody registered fails and says so
 *   GET    /patching/files[?account=&region=]   the registered files
 *   DELETE /patching/files?url=...             forgets one
 * Errors: {"error", "message"} with 400.
 */
import type { NextFunction, Request, Response, Router } from 'express';
import type { Runtime } from '../../core/runtime.js';
import { ControlError } from '../../control/errors.js';
import { FleetControlError, whereOf } from '../../sim/fleet/controls.js';
import { patchingOf } from '../../sim/patching/state.js';

const URL_PATTERN = /^https:\/\/.+$|^s3:\/\/([^/]+)\/(.*?([^/]+))$/;

export function patchingControlRoutes(router: Router, emu: Runtime): void {
  const route =
    (fn: (req: Request) => unknown) =>
    (req: Request, res: Response, next: NextFunction): void => {
      try {
        res.json(fn(req));
      } catch (e) {
        next(e instanceof FleetControlError ? new ControlError(e.code, e.message, e.status) : e);
      }
    };
  const scope = (src: Record<string, unknown>) => {
    const w = whereOf(src);
    emu.catchUp();
    return emu.context(w.account, w.region);
  };
  router.put(
    '/patching/files',
    route((req) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const { url, content } = body;
      if (typeof url !== 'string' || !URL_PATTERN.test(url) || url.length > 256) throw new ControlError('InvalidRequest', 'url must be an https:// URL or an s3://bucket/key URL of at most 256 characters.');
      if (typeof content !== 'string') throw new ControlError('InvalidRequest', 'content must be the file content as a string (YAML for an InstallOverrideList, JSON for a BaselineOverride).');
      const files = patchingOf(scope(body)).files;
      const existing = files.find((f) => f.Url === url);
      if (existing) existing.Content = content;
      else files.push({ Url: url, Content: content });
      return { url, bytes: Buffer.byteLength(content) };
    }),
  );
  router.get(
    '/patching/files',
    route((req) => ({ files: patchingOf(scope(req.query as Record<string, unknown>)).files.map((f) => ({ url: f.Url, content: f.Content })) })),
  );
  router.delete(
    '/patching/files',
    route((req) => {
      const q = req.query as Record<string, unknown>;
      const files = patchingOf(scope(q)).files;
      const i = files.findIndex((f) => f.Url === q.url);
      if (i < 0) throw new ControlError('FileNotFound', `No file is registered for ${String(q.url)}.`, 404);
      files.splice(i, 1);
      return { deleted: q.url };
    }),
  );
}
