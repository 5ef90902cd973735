/**
 * Writes every generated file: those derived from emulator/model/ (scripts/codegen/generate.ts),
 * then the control API's OpenAPI document, derived from the route declarations (which import the
 * model's generated files, so it comes second).
 */
import { mkdirSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { generateAll } from './codegen/generate.js';
import { controlDocumentFile } from './codegen/control-openapi.js';

const root = resolve(import.meta.dirname, '..');
let changed = 0;
const write = (path: string, content: string) => {
  const abs = resolve(root, path);
  if (existsSync(abs) && readFileSync(abs, 'utf8') === content) return;
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, content);
  changed++;
  console.log(`wrote ${path}`);
};
for (const [path, content] of generateAll(root)) write(path, content);
write(...(await controlDocumentFile()));
console.log(changed ? `${changed} file(s) regenerated` : 'generated files are up to date');
