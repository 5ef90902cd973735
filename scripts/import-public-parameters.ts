/**
 * Converts the AWS public-parameter data recorded under ../shared/aws-data (see its README) into the
 * compact read-only fixtures the emulator serves under /aws/service/, committed in
 * fixtures/public-parameters/ so that a fresh clone never needs ../shared:
 *
 *   regional/<region>.json.gz          per region: Amazon Linux latest AMIs (recorded, with AWS's
 *                                      Version and LastModifiedDate), the ECS-optimised "recommended"
 *                                      parameters (recorded values), and synthesised Windows Server and
 *                                      EKS-optimised AMI parameters (real AWS names, fake ami- ids);
 *   global-infrastructure.json.gz      /aws/service/global-infrastructure/ (regions, services), shared
 *                                      by every region.
 *
 * Formats (JSON, gzip; names sorted in JavaScript string order, which the emulator's index relies on):
 *   regional:  {"recordedAt": <epoch s>, "parameters": [[name, value, version, lastModifiedDate], ...]}
 *   global:    {"recordedAt": <epoch s>, "prefix": "/aws/service/global-infrastructure/",
 *               "parameters": [[relativeName] | [relativeName, value], ...]}
 *              (a one-element entry's value is its last path segment, which holds for a third of them)
 *
 *   npm run import-public-parameters [-- --source ../shared/aws-data]
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '..');
const argSource = process.argv.indexOf('--source');
const source = resolve(argSource > 0 ? process.argv[argSource + 1] : join(root, '..', 'shared', 'aws-data'));
const out = join(root, 'fixtures', 'public-parameters');

type Entry = [name: string, value: string, version: number, lastModified: number];

const readGz = (path: string): unknown => JSON.parse(gunzipSync(readFileSync(path)).toString('utf8'));
const writeGz = (path: string, data: unknown) => writeFileSync(path, gzipSync(Buffer.from(JSON.stringify(data)), { level: 9 }));
const byName = (a: { 0: string }, b: { 0: string }) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** moto's nested layout: {"aws": {"service": {... {"Value": v, child: {...}}}}} -> [path, value][]. */
function flatten(node: unknown, path: string, acc: [string, unknown][]): void {
  if (!node || typeof node !== 'object') return;
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    if (k === 'Value') acc.push([path, v]);
    else flatten(v, `${path}/${k}`, acc);
  }
}

/** Deterministic fake AMI id for synthesised parameters: ami- and 17 hex digits, like AWS's. */
const fakeAmi = (region: string, name: string) => 'ami-0' + createHash('sha256').update(`${region}|${name}`).digest('hex').slice(0, 16);

// Real AWS parameter names (ami-windows-latest), values synthesised.
const WINDOWS = [
  'Windows_Server-2016-English-Core-Base',
  'Windows_Server-2016-English-Full-Base',
  'Windows_Server-2019-English-Core-Base',
  'Windows_Server-2019-English-Full-Base',
  'Windows_Server-2019-English-Full-ContainersLatest',
  'Windows_Server-2022-English-Core-Base',
  'Windows_Server-2022-English-Full-Base',
  'Windows_Server-2022-English-Full-SQL_2022_Standard',
  'Windows_Server-2022-Japanese-Full-Base',
  'Windows_Server-2025-English-Core-Base',
  'Windows_Server-2025-English-Full-Base',
  'TPM-Windows_Server-2019-English-Full-Base',
  'TPM-Windows_Server-2022-English-Full-Base',
];
// EKS-optimised AMIs: Amazon Linux 2 images exist up to Kubernetes 1.32, AL2023 images for current versions.
const EKS_AL2 = ['1.29', '1.30', '1.31', '1.32'];
const EKS_AL2023 = ['1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35'];
const EKS_BUILD = '20260420';

function synthesised(region: string, at: number): Entry[] {
  const entries: Entry[] = [];
  for (const w of WINDOWS) {
    const name = `/aws/service/ami-windows-latest/${w}`;
    entries.push([name, fakeAmi(region, name), 1, at]);
  }
  const eks = (base: string, imageName: string, k8s: string) => {
    const imageId = fakeAmi(region, `${base}/image_id`);
    const release = `${k8s}.0-${EKS_BUILD}`;
    entries.push([base, JSON.stringify({ image_id: imageId, image_name: imageName, release_version: release }), 1, at]);
    entries.push([`${base}/image_id`, imageId, 1, at]);
    entries.push([`${base}/image_name`, imageName, 1, at]);
    entries.push([`${base}/release_version`, release, 1, at]);
  };
  for (const k of EKS_AL2) {
    for (const [variant, arch] of [['amazon-linux-2', 'x86_64'], ['amazon-linux-2-arm64', 'arm64'], ['amazon-linux-2-gpu', 'x86_64-gpu']] as const) {
      eks(`/aws/service/eks/optimized-ami/${k}/${variant}/recommended`, `amazon-eks-node-${arch === 'x86_64-gpu' ? 'gpu-' : arch === 'arm64' ? 'arm64-' : ''}${k}-v${EKS_BUILD}`, k);
    }
  }
  for (const k of EKS_AL2023) {
    for (const [arch, flavour] of [['x86_64', 'standard'], ['arm64', 'standard'], ['x86_64', 'nvidia'], ['x86_64', 'neuron']] as const) {
      eks(`/aws/service/eks/optimized-ami/${k}/amazon-linux-2023/${arch}/${flavour}/recommended`, `amazon-eks-node-al2023-${arch}-${flavour}-${k}-v${EKS_BUILD}`, k);
    }
  }
  return entries;
}

function main(): void {
  if (!existsSync(source)) throw new Error(`no recorded data at ${source} (pass --source <dir>)`);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'regional'), { recursive: true });

  const alDir = join(source, 'ami-amazon-linux-latest');
  const ecsDir = join(source, 'ecs', 'optimized_amis');
  const regions = new Set([...readdirSync(alDir), ...readdirSync(ecsDir)].map((f) => f.replace(/\.json\.gz$/, '')));
  let recordedAt = 0;
  let total = 0;
  for (const region of [...regions].sort()) {
    const entries: Entry[] = [];
    let at = 0;
    if (existsSync(join(alDir, `${region}.json.gz`))) {
      const al = readGz(join(alDir, `${region}.json.gz`)) as { Name: string; Value: string; Version: number; LastModifiedDate: number }[];
      for (const p of al) {
        entries.push([p.Name, p.Value, p.Version, p.LastModifiedDate]);
        at = Math.max(at, p.LastModifiedDate);
      }
    }
    // AWS does not record versions for the other trees; they take the newest recorded date of the region.
    at = Math.floor(at || 1777593600);
    recordedAt = Math.max(recordedAt, at);
    if (existsSync(join(ecsDir, `${region}.json.gz`))) {
      const flat: [string, unknown][] = [];
      flatten(readGz(join(ecsDir, `${region}.json.gz`)), '', flat);
      // Only the latest ("recommended") images: the history of every past AMI is 2 MB and nobody
      // looks AMIs up by their build name.
      for (const [name, value] of flat) {
        if (!/\/recommended(\/|$)/.test(name)) continue;
        entries.push([name, typeof value === 'string' ? value : JSON.stringify(value), 1, at]);
      }
    }
    entries.push(...synthesised(region, at));
    entries.sort(byName);
    writeGz(join(out, 'regional', `${region}.json.gz`), { recordedAt: at, parameters: entries });
    total += entries.length;
  }

  const prefix = '/aws/service/global-infrastructure/';
  const flat: [string, unknown][] = [];
  flatten(readGz(join(source, 'regions.json.gz')), '', flat);
  flatten(readGz(join(source, 'services.json.gz')), '', flat);
  const global = flat
    .map(([name, value]) => {
      if (!name.startsWith(prefix)) throw new Error(`unexpected global parameter ${name}`);
      const rel = name.slice(prefix.length);
      const v = String(value);
      return (rel.slice(rel.lastIndexOf('/') + 1) === v ? [rel] : [rel, v]) as [string] | [string, string];
    })
    .sort(byName);
  writeGz(join(out, 'global-infrastructure.json.gz'), { recordedAt, prefix, parameters: global });
  console.log(`${regions.size} regions, ${total} regional parameters, ${global.length} global-infrastructure parameters -> ${out}`);
}

main();
