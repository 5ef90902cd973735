/**
 * Where the project's read-only data lives (fixtures/, openapi/). Found by walking up from this
 * module to the folder that holds package.json and fixtures/, so it is right whether the code runs
 * from emulator/ (tsx), from dist/ (tsc output) or from the single-file bundle dist/ssm-emulator.mjs.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'fixtures'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the emulator project root (package.json + fixtures/)');
    dir = up;
  }
}

export const PROJECT_ROOT = findRoot();
export const FIXTURES_DIR = join(PROJECT_ROOT, 'fixtures');
export const OPENAPI_DIR = join(PROJECT_ROOT, 'openapi');
/** The dashboard's built assets (npm run build: scripts/bundle.mjs bundles ui/ there). */
export const UI_DIR = join(PROJECT_ROOT, 'dist', 'ui');
