/**
 * The type-check is part of `npm test`, so CI fails on a type error: one tsc run over the whole
 * project (tsconfig.json: emulator/, scripts/, tests) that also emits type declarations, so it fails
 * where the package build (tsconfig.build.json, what `npm ci` runs as prepare) would fail on a
 * declaration it cannot write. One compilation instead of a check and a build: the build's other
 * difference, rootDir emulator/, is the boundary test's rule that emulator/ imports nothing outside it.
 *
 * tsc starts as soon as this file loads, as a child process, so the worker is free meanwhile. It is
 * incremental, with its state under node_modules/.cache/typecheck/: a re-run checks again only what
 * changed and what depends on it, and still reports every error (tsc keeps the diagnostics of
 * unchanged files). A fresh clone (CI) has no such state and checks everything.
 */
import { it, expect } from 'vitest';
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const cache = join(root, 'node_modules/.cache/typecheck');
const checked = new Promise<{ status: number | string; output: string }>((resolveRun) => {
  const args = ['-p', 'tsconfig.json', '--noEmit', 'false', '--declaration', '--emitDeclarationOnly', '--outDir', join(cache, 'declarations')];
  const incremental = ['--incremental', '--tsBuildInfoFile', join(cache, 'check.tsbuildinfo')];
  execFile(process.execPath, [resolve(root, 'node_modules/typescript/bin/tsc'), ...args, ...incremental], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
    resolveRun({ status: err ? (err.code ?? 1) : 0, output: stdout + stderr });
  });
});

it('the whole project type-checks (strict) and its type declarations can be written', async () => {
  const r = await checked;
  expect(r.output).toBe('');
  expect(r.status).toBe(0);
}, 300_000);
