/**
 * Start-up data (`--init PATH`, SSM_EMULATOR_INIT, the Docker image's /init volume, startEmulator's
 * `init`): YAML or JSON seed files loaded before the emulator answers health checks, like
 * LocalStack's ready hooks. PATH is a file or a folder (its *.yaml, *.yml and *.json files, in
 * file-name order). Every item goes through the real operation, so validation applies and a bad
 * item stops the start naming the file and the item.
 *
 *   account: "000000000000"          # optional defaults for the file's items
 *   region: us-east-1
 *   parameters:                      # PutParameter inputs
 *     - { Name: /app/db/url, Value: "postgres://db:5432/app", Type: SecureString }
 *   secrets:                         # Secrets Manager CreateSecret inputs
 *     - { Name: db/password, SecretString: s3cret }
 *   documents:                       # CreateDocument inputs (Content may be a mapping: sent as JSON)
 *     - { Name: HealthCheck, DocumentType: Command, Content: { schemaVersion: "2.2", mainSteps: [...] } }
 *   fleet: { instances: [...] }      # a fleet fixture (docs/fleet.md), added to the start-up fleet
 *   associations: [...]              # CreateAssociation inputs
 *   maintenanceWindows: [...]        # CreateMaintenanceWindow inputs
 *   patchBaselines: [...]            # CreatePatchBaseline inputs
 *   opsItems: [...]                  # CreateOpsItem inputs
 *   resourceGroups: [...]            # Resource Groups CreateGroup inputs
 *   calls:                           # any operation: { call: Operation | resource-groups:Op | secretsmanager:Op, input }
 *     - { call: RegisterTargetWithMaintenanceWindow, input: {...} }
 *
 * Sections run in the order they are written; an item may name its own `account` / `region`
 * (removed from the input). Under --data-dir, seed data is loaded into a new directory only: state
 * restored from disk already holds it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import type { Emulator } from './emulator.js';
import { ServiceError } from './core/errors.js';
import type { ServiceId } from './core/operation.js';
import { DEFAULT_ACCOUNT, DEFAULT_REGION } from './core/defaults.js';
import { loadFleet, FixtureError } from './sim/fleet/fixtures.js';

export class InitError extends Error {}

/** Section -> the operation each of its items is. */
const SECTIONS: Record<string, { service: ServiceId; operation: string; name: string }> = {
  parameters: { service: 'ssm', operation: 'PutParameter', name: 'Name' },
  secrets: { service: 'secretsmanager', operation: 'CreateSecret', name: 'Name' },
  documents: { service: 'ssm', operation: 'CreateDocument', name: 'Name' },
  associations: { service: 'ssm', operation: 'CreateAssociation', name: 'AssociationName' },
  maintenanceWindows: { service: 'ssm', operation: 'CreateMaintenanceWindow', name: 'Name' },
  patchBaselines: { service: 'ssm', operation: 'CreatePatchBaseline', name: 'Name' },
  opsItems: { service: 'ssm', operation: 'CreateOpsItem', name: 'Title' },
  resourceGroups: { service: 'resource-groups', operation: 'CreateGroup', name: 'Name' },
};
const OTHER_KEYS = ['account', 'region', 'fleet', 'calls'];
/** Every top-level key a seed file may have. */
export const SEED_KEYS: readonly string[] = [...Object.keys(SECTIONS), ...OTHER_KEYS];

/** The seed files PATH names, in the order they load. */
export function initFiles(path: string): string[] {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new InitError(`--init ${path}: no such file or folder.`);
  }
  if (!st.isDirectory()) return [path];
  return readdirSync(path).filter((f) => /\.(ya?ml|json)$/i.test(f)).sort().map((f) => join(path, f));
}

export interface InitResult {
  files: number;
  items: number;
}

/** Loads every seed file of PATH; the first refusal throws an InitError naming file and item. */
export function loadInit(emu: Emulator, path: string): InitResult {
  const result: InitResult = { files: 0, items: 0 };
  for (const file of initFiles(path)) {
    result.items += loadFile(emu, file);
    result.files++;
  }
  return result;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function loadFile(emu: Emulator, file: string): number {
  let doc: unknown;
  try {
    doc = YAML.parse(readFileSync(file, 'utf8'), { maxAliasCount: 1000 });
  } catch (e) {
    throw new InitError(`${file}: not YAML or JSON: ${(e as Error).message.split('\n')[0]}`);
  }
  if (doc === null || doc === undefined) return 0;
  if (!isObject(doc)) throw new InitError(`${file}: a seed file is a mapping of sections (parameters, documents, fleet, ...).`);
  const account = doc.account === undefined ? DEFAULT_ACCOUNT : String(doc.account);
  const region = doc.region === undefined ? DEFAULT_REGION : String(doc.region);
  let items = 0;
  for (const [section, value] of Object.entries(doc)) {
    if (section === 'account' || section === 'region') continue;
    if (section === 'fleet') {
      try {
        items += loadFleet(emu, isObject(value) ? { account, region, ...value } : value, { source: `${file}: fleet` }).total;
      } catch (e) {
        if (e instanceof FixtureError) throw new InitError(e.message);
        throw e;
      }
      continue;
    }
    const spec = SECTIONS[section];
    if (!spec && section !== 'calls') {
      throw new InitError(`${file}: unknown section ${section} (${[...Object.keys(SECTIONS), ...OTHER_KEYS].join(', ')}).`);
    }
    if (!Array.isArray(value)) throw new InitError(`${file}: ${section} must be a list.`);
    value.forEach((item, i) => {
      const where = `${file}: ${section}[${i}]`;
      if (!isObject(item)) throw new InitError(`${where} must be a mapping.`);
      let service = spec?.service ?? 'ssm';
      let operation = spec?.operation ?? '';
      let input: Record<string, unknown> = { ...item };
      if (!spec) {
        if (typeof item.call !== 'string') throw new InitError(`${where}: a call needs call: Operation (or resource-groups:Operation) and input.`);
        const [svc, op] = item.call.includes(':') ? item.call.split(':', 2) : ['ssm', item.call];
        if (svc !== 'ssm' && svc !== 'resource-groups' && svc !== 'secretsmanager') throw new InitError(`${where}: ${item.call}: the service is ssm, resource-groups or secretsmanager.`);
        service = svc;
        operation = op!;
        input = isObject(item.input) ? { ...item.input } : {};
        if (item.account !== undefined) input.account = item.account;
        if (item.region !== undefined) input.region = item.region;
      }
      const caller = { account: input.account === undefined ? account : String(input.account), region: input.region === undefined ? region : String(input.region) };
      delete input.account;
      delete input.region;
      // A document's content written as a mapping in the seed file is sent as the JSON AWS expects.
      if (operation === 'CreateDocument' && isObject(input.Content)) input.Content = JSON.stringify(input.Content);
      const label = spec && typeof item[spec.name] === 'string' ? ` (${item[spec.name]})` : spec ? '' : ` (${operation})`;
      try {
        emu.request(service, operation, input, caller);
      } catch (e) {
        const why = e instanceof ServiceError ? `${e.code}${e.message ? `: ${e.message}` : ''}` : (e as Error).message;
        throw new InitError(`${where}${label}: ${why}`);
      }
      items++;
    });
  }
  return items;
}
