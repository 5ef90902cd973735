/**
 * Simulation controls for Secrets Manager, under /_emulator/secrets (never part of the AWS surface),
 * declared as data (core/control.ts):
 *
 *   POST /secrets   {Name, SecretString | SecretBinary, Description?, Tags?, account?, region?} or
 *                   {secrets: [...], account?, region?} (the fixture format, sim/secrets/fixtures.ts):
 *                   creates secrets as CreateSecret does
 *   GET  /secrets   the secrets of an account and region (names and dates, never values)
 */
import { ControlError, defineControlRoute, type ControlRoute, type Schema } from '../../core/control.js';
import { whereOf, type Where } from '../../sim/fleet/controls.js';
import { FixtureError } from '../../sim/fleet/fixtures.js';
import { loadSecret, loadSecrets, secretSummary } from '../../sim/secrets/fixtures.js';
import { secretsOf } from '../../sim/secrets/state.js';

const where: Record<keyof Where, Schema> = {
  account: { type: 'string', description: 'a 12-digit account id (default 000000000000)' },
  region: { type: 'string', description: 'a region name such as us-east-1 (default us-east-1)' },
};

const summary: Schema = {
  type: 'object',
  properties: { ARN: { type: 'string' }, Name: { type: 'string' }, CreatedDate: { type: 'number' }, Versions: { type: 'integer' }, DeletedDate: { type: 'number' } },
};

/** Fixture mistakes and CreateSecret's refusals are the caller's: 400, or 409 for a name taken. */
function asControlError(e: unknown): unknown {
  if (!(e instanceof FixtureError)) return e;
  return new ControlError(/ResourceExistsException/.test(e.message) ? 'SecretExists' : 'InvalidSecret', e.message, /ResourceExistsException/.test(e.message) ? 409 : 400);
}

const addSecrets = defineControlRoute<Record<string, unknown>>({
  method: 'POST',
  path: '/secrets',
  operationId: 'addSecrets',
  summary: 'Creates secrets, one or a fixture list',
  description:
    'One secret (CreateSecret members: Name, SecretString or SecretBinary in base64, Description, KmsKeyId, Tags; plus account and region), or {secrets: [...], account?, region?} as in a --secrets fixture file.',
  body: {
    type: 'object',
    properties: {
      Name: { type: 'string' },
      SecretString: { type: 'string' },
      SecretBinary: { type: 'string', description: 'base64' },
      Description: { type: 'string' },
      KmsKeyId: { type: 'string' },
      Tags: { type: 'array', items: { type: 'object', required: ['Key', 'Value'], properties: { Key: { type: 'string' }, Value: { type: 'string' } } } },
      secrets: { type: 'array', items: { type: 'object' } },
      ...where,
    },
  },
  responses: {
    200: { description: 'The secrets created', schema: { type: 'object', properties: { secrets: { type: 'array', items: summary } } } },
    409: { description: 'A secret of that name exists' },
  },
  handle: ({ body }, emu) => {
    emu.catchUp();
    try {
      if (body.secrets !== undefined) {
        const { account, region } = whereOf(body);
        const before = new Set(Object.keys(secretsOf(emu.context(account, region)).byName));
        loadSecrets(emu, body, { source: 'body' });
        const all = secretsOf(emu.context(account, region)).byName;
        return { secrets: Object.keys(all).filter((n) => !before.has(n)).map((n) => secretSummary(all[n])) };
      }
      return { secrets: [secretSummary(loadSecret(emu, body, 'body'))] };
    } catch (e) {
      throw asControlError(e);
    }
  },
});

const listSecrets = defineControlRoute<undefined, Where>({
  method: 'GET',
  path: '/secrets',
  operationId: 'listSecrets',
  summary: 'The secrets of an account and region (never their values)',
  query: where,
  responses: { 200: { description: 'The secrets', schema: { type: 'object', properties: { secrets: { type: 'array', items: summary } } } } },
  handle: ({ query }, emu) => {
    const { account, region } = whereOf(query as Record<string, unknown>);
    emu.catchUp();
    return { secrets: Object.values(secretsOf(emu.context(account, region)).byName).map(secretSummary) };
  },
});

export const secretsControlRoutes: readonly ControlRoute[] = [addSecrets, listSecrets];
