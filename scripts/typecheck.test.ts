import { it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const tsc = (args: string[]) =>
  spawnSync(process.execPath, [resolve(root, 'node_modules/typescript/bin/tsc'), ...args], { cwd: root, encoding: 'utf8' });

it('the whole project type-checks (tsc --noEmit, strict)', () => {
  const r = tsc(['-p', 'tsconfig.json']);
  expect(r.stdout + r.stderr).toBe('');
  expect(r.status).toBe(0);
}, 120_000);

it('the package builds: JavaScript and type declarations (what `npm ci` runs as prepare)', () => {
  const out = mkdtempSync(join(tmpdir(), 'ssm-build-'));
  try {
    const r = tsc(['-p', 'tsconfig.build.json', '--outDir', out]);
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}, 120_000);
