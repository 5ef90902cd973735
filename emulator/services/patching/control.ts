/**
 * Simulation controls for Patch Manager, under /_emulator/patching (never part of the AWS surface),
 * declared as data (core/control.ts):
 *
 *   PUT    /patching/files       {url, content, account?, region?}: the content a node "downloads" for a
 *                                BaselineOverride (JSON) or InstallOverrideList (YAML) URL of
 *                                AWS-RunPatchBaseline: the emulator has no S3, so a step naming a URL
 *                                nobody registered fails and says so
 *   GET    /patching/files       the registered files of an account and region
 *   DELETE /patching/files?url=  forgets one
 */
import type { Runtime } from '../../core/runtime.js';
import { ControlError, defineControlRoute, type ControlRoute, type Schema } from '../../core/control.js';
import { whereOf, type Where } from '../../sim/fleet/controls.js';
import { patchingOf } from '../../sim/patching/state.js';

const where: Record<keyof Where, Schema> = {
  account: { type: 'string', description: 'a 12-digit account id (default 000000000000)' },
  region: { type: 'string', description: 'a region name such as us-east-1 (default us-east-1)' },
};

// The document parameters' allowedPattern (AWS-RunPatchBaseline), at most 256 characters (InstallOverrideList's model).
const URL_PATTERN = '^https://.+$|^s3://([^/]+)/(.*?([^/]+))$';

function filesOf(emu: Runtime, w: Where) {
  const { account, region } = whereOf(w as Record<string, unknown>);
  emu.catchUp();
  return patchingOf(emu.context(account, region)).files;
}

const putFile = defineControlRoute<{ url: string; content: string } & Where>({
  method: 'PUT',
  path: '/patching/files',
  operationId: 'putPatchingFile',
  summary: 'Registers the content of a BaselineOverride or InstallOverrideList URL',
  description:
    'AWS-RunPatchBaseline reads these files from S3 or HTTPS; the emulator has neither, so a node "downloads" what is registered here for the URL (per account and region).',
  body: {
    type: 'object',
    required: ['url', 'content'],
    additionalProperties: false,
    properties: {
      url: { type: 'string', pattern: URL_PATTERN, description: 'https://... or s3://bucket/key, at most 256 characters' },
      content: { type: 'string', description: 'YAML (InstallOverrideList: "patches: [{id, title}]") or JSON (BaselineOverride: a list of baselines)' },
      ...where,
    },
  },
  responses: { 200: { description: 'Registered', schema: { type: 'object', properties: { url: { type: 'string' }, bytes: { type: 'integer' } } } } },
  handle: ({ body }, emu) => {
    if (body.url.length > 256) throw new ControlError('InvalidRequest', 'url must be at most 256 characters.');
    const files = filesOf(emu, body);
    const existing = files.find((f) => f.Url === body.url);
    if (existing) existing.Content = body.content;
    else files.push({ Url: body.url, Content: body.content });
    return { url: body.url, bytes: Buffer.byteLength(body.content) };
  },
});

const listFiles = defineControlRoute<undefined, Where>({
  method: 'GET',
  path: '/patching/files',
  operationId: 'listPatchingFiles',
  summary: 'The registered override files of an account and region',
  query: where,
  responses: { 200: { description: 'The files', schema: { type: 'object', properties: { files: { type: 'array', items: { type: 'object' } } } } } },
  handle: ({ query }, emu) => ({ files: filesOf(emu, query).map((f) => ({ url: f.Url, content: f.Content })) }),
});

const deleteFile = defineControlRoute<undefined, Where & { url: string }>({
  method: 'DELETE',
  path: '/patching/files',
  operationId: 'deletePatchingFile',
  summary: 'Forgets a registered override file',
  query: { ...where, url: { type: 'string' } },
  responses: { 200: { description: 'Forgotten', schema: { type: 'object', properties: { deleted: { type: 'string' } } } }, 404: { description: 'No such file' } },
  handle: ({ query }, emu) => {
    const files = filesOf(emu, query);
    const i = files.findIndex((f) => f.Url === query.url);
    if (i < 0) throw new ControlError('FileNotFound', `No file is registered for ${query.url}.`, 404);
    files.splice(i, 1);
    return { deleted: query.url };
  },
});

export const patchingControlRoutes: readonly ControlRoute[] = [putFile, listFiles, deleteFile];
