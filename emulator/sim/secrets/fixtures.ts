/**
 * Secrets loaded at start (--secrets FILE, EmulatorOptions.secrets) and again after every reset, and
 * the control route's secrets: YAML or JSON,
 *
 *   account: "000000000000"     # optional (default 000000000000); quote it in YAML
 *   region: us-east-1           # optional (default us-east-1)
 *   secrets:
 *     - Name: prod/db/password  # CreateSecret's members: Name, SecretString or SecretBinary (base64),
 *       SecretString: s3cr3t    # Description, KmsKeyId, Tags; plus account and region per secret
 *       Tags: [{ Key: env, Value: prod }]
 *
 * Each secret is created exactly as CreateSecret creates it (the same checks and errors).
 */
import type { Runtime } from '../../core/runtime.js';
import { DEFAULT_ACCOUNT, DEFAULT_REGION } from '../../core/defaults.js';
import { ServiceError } from '../../core/errors.js';
import { FixtureError } from '../fleet/fixtures.js';
import { createSecret, type NewSecret } from './model.js';
import type { SecretRecord } from './state.js';

const ACCOUNT = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const SECRET_KEYS = ['Name', 'SecretString', 'SecretBinary', 'Description', 'KmsKeyId', 'Tags', 'account', 'region'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One secret of a fixture or the control route, created in its account and region. */
export function loadSecret(emu: Runtime, entry: unknown, where: string, inherit: { account: string; region: string } = { account: DEFAULT_ACCOUNT, region: DEFAULT_REGION }): SecretRecord {
  if (!isObject(entry)) throw new FixtureError(`${where} must be a mapping (Name, SecretString, ...).`);
  for (const k of Object.keys(entry)) if (!SECRET_KEYS.includes(k)) throw new FixtureError(`${where}: unknown key ${k} (expected ${SECRET_KEYS.join(', ')}).`);
  const account = entry.account === undefined ? inherit.account : String(entry.account);
  const region = entry.region === undefined ? inherit.region : String(entry.region);
  if (!ACCOUNT.test(account)) throw new FixtureError(`${where}: account must be 12 digits (quote it in YAML), not ${account}.`);
  if (!REGION.test(region)) throw new FixtureError(`${where}: region ${region} is not a region name such as us-east-1.`);
  if (typeof entry.Name !== 'string' || !entry.Name) throw new FixtureError(`${where}: Name is required.`);
  for (const k of ['SecretString', 'SecretBinary', 'Description', 'KmsKeyId'] as const) {
    if (entry[k] !== undefined && typeof entry[k] !== 'string') throw new FixtureError(`${where}: ${k} must be a string.`);
  }
  if (entry.Tags !== undefined && (!Array.isArray(entry.Tags) || entry.Tags.some((t) => !isObject(t) || typeof t.Key !== 'string' || typeof t.Value !== 'string'))) {
    throw new FixtureError(`${where}: Tags must be a list of {Key, Value} strings.`);
  }
  const { account: _a, region: _r, ...input } = entry;
  const ctx = emu.context(account, region);
  try {
    return createSecret(ctx, input as unknown as NewSecret).rec;
  } catch (e) {
    if (e instanceof ServiceError) throw new FixtureError(`${where}: ${e.code}: ${e.message}`);
    throw e;
  }
}

/** Loads a secrets fixture (see the header); `only` limits it to one account and/or region (a scoped reset). */
export function loadSecrets(emu: Runtime, fixture: unknown, opts: { only?: { account?: string; region?: string }; source?: string } = {}): number {
  const source = opts.source ?? 'secrets fixture';
  if (!isObject(fixture)) throw new FixtureError(`${source}: a secrets fixture must be a mapping (account, region, secrets).`);
  for (const k of Object.keys(fixture)) if (!['account', 'region', 'secrets'].includes(k)) throw new FixtureError(`${source}: unknown key ${k} (expected account, region, secrets).`);
  if (!Array.isArray(fixture.secrets)) throw new FixtureError(`${source}: secrets must be a list.`);
  const inherit = {
    account: fixture.account === undefined ? DEFAULT_ACCOUNT : String(fixture.account),
    region: fixture.region === undefined ? DEFAULT_REGION : String(fixture.region),
  };
  let n = 0;
  fixture.secrets.forEach((entry, i) => {
    const account = isObject(entry) && entry.account !== undefined ? String(entry.account) : inherit.account;
    const region = isObject(entry) && entry.region !== undefined ? String(entry.region) : inherit.region;
    if ((opts.only?.account !== undefined && opts.only.account !== account) || (opts.only?.region !== undefined && opts.only.region !== region)) return;
    loadSecret(emu, entry, `${source}: secrets[${i}]`, inherit);
    n++;
  });
  return n;
}

/** What the control API shows of a secret (never its value). */
export const secretSummary = (rec: SecretRecord) => ({
  ARN: rec.ARN,
  Name: rec.Name,
  CreatedDate: rec.CreatedDate,
  Versions: rec.Versions.length,
  ...(rec.DeletedDate !== undefined ? { DeletedDate: rec.DeletedDate } : {}),
});

