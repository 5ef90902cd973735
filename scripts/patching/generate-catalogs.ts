/**
 * Writes the built-in patch catalogs, fixtures/patches/<name>.json.gz, and their index
 * (fixtures/patches/index.json: which file serves which operating system, so the emulator loads only
 * the catalogs a request needs). The catalogs are SYNTHETIC (see catalogs.ts): real package names,
 * formats and rhythms, invented releases. Re-running it produces the same files.
 *
 *   npx tsx scripts/patching/generate-catalogs.ts
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildCatalog } from '../../emulator/sim/patching/catalog.js';
import { generateAll } from './catalogs.js';

const out = join(resolve(import.meta.dirname, '../..'), 'fixtures', 'patches');
const index: unknown[] = [];
for (const file of generateAll()) {
  // The emulator's own loader checks what it will read.
  const catalog = buildCatalog(file, file.name);
  const name = `${file.name}.json.gz`;
  const gz = gzipSync(Buffer.from(JSON.stringify(file)), { level: 9 });
  writeFileSync(join(out, name), gz);
  index.push({ name: file.name, file: name, operatingSystem: file.operatingSystem, platforms: file.platforms, product: file.product, products: catalog.products });
  console.log(`${name}: ${file.patches.length} patches, ${(gz.length / 1024).toFixed(1)} KiB`);
}
writeFileSync(join(out, 'index.json'), JSON.stringify({ synthetic: true, catalogs: index }, null, 1) + '\n');
