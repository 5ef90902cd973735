/**
 * Converts AWS's predefined patch baseline ids recorded under ../shared/aws-data (default_baselines:
 * the default baseline's ARN per operating system per Region, see its README) into the read-only
 * fixture the emulator serves, fixtures/patches/predefined-baselines.json, so that a fresh clone never
 * needs ../shared.
 *
 * AWS also predefines two Windows baselines that are not the default (AWS-WindowsPredefinedPatchBaseline-OS
 * and -OS-Applications); the recorded data has no ids for them, so this script makes deterministic
 * ones (pb- and 17 hex digits from a hash of Region and name) and lists them under "synthetic".
 *
 * Format (JSON):
 *   {"source": "...", "synthetic": [names whose ids are made up],
 *    "regions": {"<region>": {"account": "<AWS's owner account there>", "baselines": {"<name>": "pb-..."}}}}
 *
 *   npx tsx scripts/patching/import-baselines.ts [--source ../shared/aws-data]
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PREDEFINED_BASELINES } from '../../emulator/sim/patching/predefined.js';

const root = resolve(import.meta.dirname, '../..');
const argSource = process.argv.indexOf('--source');
const source = resolve(argSource > 0 ? process.argv[argSource + 1] : join(root, '..', 'shared', 'aws-data'));
const out = join(root, 'fixtures', 'patches', 'predefined-baselines.json');

const recorded = JSON.parse(gunzipSync(readFileSync(join(source, 'default_baselines.json.gz'))).toString('utf8')) as Record<string, Record<string, string>>;
const ARN = /^arn:aws:ssm:([a-z0-9-]+):(\d{12}):patchbaseline\/(pb-[0-9a-f]{17})$/;
const fakeId = (region: string, name: string) => 'pb-0' + createHash('sha256').update(`${region}|${name}`).digest('hex').slice(0, 16);

const regions: Record<string, { account: string; baselines: Record<string, string> }> = {};
const synthetic = new Set<string>();
for (const region of Object.keys(recorded).sort()) {
  let account = '';
  const baselines: Record<string, string> = {};
  for (const def of PREDEFINED_BASELINES) {
    const arn = def.default ? recorded[region][def.operatingSystem] : undefined;
    const m = arn ? ARN.exec(arn) : null;
    if (arn && !m) throw new Error(`${region} ${def.operatingSystem}: unexpected ARN ${arn}`);
    if (m) {
      if (m[1] !== region) throw new Error(`${region}: ARN of another region: ${arn}`);
      if (account && account !== m[2]) throw new Error(`${region}: two owner accounts (${account}, ${m[2]})`);
      account = m[2];
      baselines[def.name] = m[3];
    } else {
      baselines[def.name] = fakeId(region, def.name);
      synthetic.add(def.name);
    }
  }
  if (!account) throw new Error(`${region}: no recorded baseline`);
  regions[region] = { account, baselines };
}

writeFileSync(
  out,
  JSON.stringify(
    {
      source: 'AWS default patch baseline ARNs per Region (moto 5.2.1 data, ../shared/aws-data/default_baselines.json.gz)',
      synthetic: [...synthetic].sort(),
      regions,
    },
    null,
    1,
  ) + '\n',
);
console.log(`wrote ${out}: ${Object.keys(regions).length} regions, synthetic ids for ${[...synthetic].join(', ') || 'none'}`);
