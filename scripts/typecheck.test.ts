/**
 * The type-check and the package build are part of `npm test`, so CI fails on a type error.
 * Both compilations start as soon as this file loads and run side by side as child processes; the
 * tests only wait for their results, so neither waits for the other (nor blocks this worker).
 * They are incremental, with their state under node_modules/.cache/typecheck/: a re-run checks again
 * only what changed and what depends on it, and still reports every error (tsc keeps the diagnostics
 * of unchanged files). A fresh clone (CI) has no such state and checks everything.
 */
import { it, expect } from 'vitest';
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const tsc = (args: string[]) =>
  new Promise<{ status: number | string; output: string }>((resolveRun) => {
    execFile(process.execPath, [resolve(root, 'node_modules/typescript/bin/tsc'), ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      resolveRun({ status: err ? (err.code ?? 1) : 0, output: stdout + stderr });
    });
  });

const cache = join(root, 'node_modules/.cache/typecheck');
const checked = tsc(['-p', 'tsconfig.json', '--incremental', '--tsBuildInfoFile', join(cache, 'check.tsbuildinfo')]);
// Emitted into the cache, not dist/: dist/ is what `npm start` runs, rebuilt by `npm run build` only.
const built = tsc(['-p', 'tsconfig.build.json', '--incremental', '--tsBuildInfoFile', join(cache, 'build.tsbuildinfo'), '--outDir', join(cache, 'build')]);

it('the whole project type-checks (tsc --noEmit, strict)', async () => {
  const r = await checked;
  expect(r.output).toBe('');
  expect(r.status).toBe(0);
}, 120_000);

it('the package builds: JavaScript and type declarations (what `npm ci` runs as prepare)', async () => {
  const r = await built;
  expect(r.output).toBe('');
  expect(r.status).toBe(0);
}, 120_000);
