/** Writes every file generated from emulator/model/ (see scripts/codegen/generate.ts). */
import { mkdirSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { generateAll } from './codegen/generate.js';

const root = resolve(import.meta.dirname, '..');
let changed = 0;
for (const [path, content] of generateAll(root)) {
  const abs = resolve(root, path);
  if (existsSync(abs) && readFileSync(abs, 'utf8') === content) continue;
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, content);
  changed++;
  console.log(`wrote ${path}`);
}
console.log(changed ? `${changed} file(s) regenerated` : 'generated files are up to date');
