/**
 * Copies the AWS service models from ../shared/aws-models into emulator/model/, keeping only facts
 * (shapes, constraints, errors, HTTP bindings) and dropping AWS's documentation prose.
 *
 * This is the only script that reads ../shared; everything else is generated from emulator/model/,
 * so a fresh clone never needs ../shared. Run it when the upstream models change:
 *   npm run import-models [-- --from ../shared/aws-models]
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const fromIdx = args.indexOf('--from');
const from = resolve(fromIdx >= 0 ? args[fromIdx + 1] : '../shared/aws-models');
const out = resolve('emulator/model');

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Recursively removes prose: documentation, examples and doc URLs are not facts we need. */
function strip(value: Json): Json {
  if (Array.isArray(value)) return value.map(strip);
  if (value && typeof value === 'object') {
    const result: { [k: string]: Json } = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === 'documentation' || k === 'documentationUrl' || k === 'deprecatedMessage' || k === 'examples') continue;
      result[k] = strip(v);
    }
    return result;
  }
  return value;
}

function copy(service: string, file: string, target: string): void {
  const raw = JSON.parse(readFileSync(join(from, service, file), 'utf8')) as Json;
  writeFileSync(join(out, target), JSON.stringify(strip(raw), null, 1) + '\n');
  console.log(`wrote emulator/model/${target}`);
}

mkdirSync(out, { recursive: true });
copy('ssm', 'service-2.json', 'ssm.json');
copy('ssm', 'paginators-1.json', 'ssm.paginators.json');
copy('ssm', 'waiters-2.json', 'ssm.waiters.json');
copy('resource-groups', 'service-2.json', 'resource-groups.json');
copy('resource-groups', 'paginators-1.json', 'resource-groups.paginators.json');
copy('secretsmanager', 'service-2.json', 'secretsmanager.json');
copy('secretsmanager', 'paginators-1.json', 'secretsmanager.paginators.json');
