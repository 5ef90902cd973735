/**
 * Docs are tests (test/docs/extract.ts says how a block is marked): every sh, JS, TS, Python and
 * YAML example of README.md and docs/*.md runs against an emulator started as the page assumes
 * (one emulator per page, default fleet, auto clock), so a broken example fails CI.
 *
 *   sh       bash -e -o pipefail, the AWS CLI and curl on PATH, test credentials in the environment
 *   python   python3 with boto3
 *   js, ts   imported as a module ('ssm-emulator' is this package); a default export is called (a
 *            vitest/jest globalSetup: with a stand-in for the project, then its teardown)
 *   yaml     a scenario (name + steps) runs through the scenario runner; a fleet fixture (instances,
 *            groups) and seed data (--init sections) load into an emulator of their own; a document
 *            (schemaVersion) is created
 *
 * Examples talk to the emulator at 127.0.0.1:4583 or localhost:4583; the harness points them at the
 * page's emulator. AWS_ENDPOINT_URL is set to a closed port, so an example that forgets its endpoint
 * fails here instead of calling AWS.
 */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { extractBlocks, type DocBlock } from './docs/extract.js';
import { startTestEmulator, TEST_START, type TestEmulator } from '../emulator/testing/harness.js';
import { DEFAULT_FLEET_FILE } from '../emulator/sim/fleet/index.js';
import { Emulator } from '../emulator/emulator.js';
import { loadInit, SEED_KEYS } from '../emulator/init.js';
import * as SSM_SDK from '@aws-sdk/client-ssm';
import * as RG_SDK from '@aws-sdk/client-resource-groups';
import { runScenario, type ScenarioFile } from '../emulator/scenario/runner.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RUN_DIR = join(ROOT, 'test', 'docs', '.run');
const PAGES = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)]
  // DOCS_PAGE=shell,fleet runs the pages whose path contains "shell" or "fleet" (while fixing pages).
  .filter((p) => !process.env.DOCS_PAGE || process.env.DOCS_PAGE.split(',').some((part) => p.includes(part)));

const pointAt = (code: string, endpoint: string) => code.replace(/(?:https?:\/\/)?(?:127\.0\.0\.1|localhost):4583/g, (m) => (m.startsWith('http') ? endpoint : endpoint.replace(/^http:\/\//, '')));

function run(cmd: string, args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    // Generous: a busy CI machine can take seconds per AWS CLI start.
    execFile(cmd, args, { env: { ...process.env, ...env }, timeout: 240_000, cwd: ROOT, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      const killed = err && err.signal ? `killed by ${err.signal} (time-out)\n` : '';
      done({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr: killed + stderr });
    });
  });
}

/** Shell examples that install, build or start processes never run here unmarked (they would outlive the test). */
const STARTS_THINGS = /(^\s*|[;&|(]\s*)(npm|npx|node|yarn|pnpm|docker|ssm-emulator)\b/m;

/** What the examples' processes see: test credentials, a Region, and no way to reach AWS by accident. */
const ENV = {
  AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_DEFAULT_REGION: 'us-east-1', AWS_REGION: 'us-east-1',
  AWS_ENDPOINT_URL: 'http://127.0.0.1:9', AWS_MAX_ATTEMPTS: '1', AWS_PAGER: '', AWS_EC2_METADATA_DISABLED: 'true',
  AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', PYTHONUNBUFFERED: '1',
};

async function runBlock(page: string, b: DocBlock, t: TestEmulator): Promise<string> {
  const code = pointAt(b.code, t.endpoint);
  switch (b.lang) {
    case 'sh': {
      if (STARTS_THINGS.test(code)) throw new Error('starts or installs something (npm, npx, node, docker): mark it <!-- doc-test: skip: REASON --> or change it');
      const r = await run('bash', ['-e', '-o', 'pipefail', '-c', code], ENV);
      if (r.code !== 0) throw new Error(`exit ${r.code}\n${r.stderr}\n(stdout ends: ${r.stdout.slice(-300)})`);
      return r.stdout;
    }
    case 'python': {
      const r = await run('python3', ['-c', pythonPrelude(code, t.endpoint) + code], ENV);
      if (r.code !== 0) throw new Error(`exit ${r.code}\n${r.stderr}`);
      return r.stdout;
    }
    case 'js':
    case 'ts':
      return runModule(page, b, code, t.endpoint);
    case 'yaml':
      return runYaml(b, code, t);
    default:
      return '';
  }
}

/**
 * A later example on a page uses the page's client (`ssm`) without creating it again; the reader has
 * it from the page's first example, the harness gives it here.
 */
const usesSsmUndeclared = (code: string, declared: RegExp) => /\bssm\b/.test(code) && !declared.test(code);
function jsPrelude(code: string, endpoint: string): string {
  // SDK names the page imported in an earlier example (…Command, waitUntil…, Resource Groups' client).
  const imported = new Set([...code.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}/g)].flatMap((m) => m[1]!.split(',').map((s) => s.trim().split(/\s+as\s+/).pop()!)));
  const used = [...new Set([...code.matchAll(/\b(?:new\s+)?([A-Z]\w+Command|waitUntil\w+)\b/g)].map((m) => m[1]!))].filter((n) => !imported.has(n));
  const ssmNames = used.filter((n) => n in SSM_SDK);
  const rgNames = used.filter((n) => !(n in SSM_SDK) && n in RG_SDK);
  let prelude = ssmNames.length ? `import { ${ssmNames.join(', ')} } from '@aws-sdk/client-ssm';\n` : '';
  if (rgNames.length) prelude += `import { ${rgNames.join(', ')} } from '@aws-sdk/client-resource-groups';\n`;
  if (/\brg\b/.test(code) && !/\b(const|let|var)\s+rg\b/.test(code)) {
    prelude += `import * as __rg from '@aws-sdk/client-resource-groups'; const rg = new __rg.ResourceGroupsClient({ endpoint: '${endpoint}', region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });\n`;
  }
  if (usesSsmUndeclared(code, /\b(const|let|var)\s+ssm\b/)) {
    prelude += `import * as __sdk from '@aws-sdk/client-ssm'; const ssm = new __sdk.SSMClient({ endpoint: '${endpoint}', region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });\n`;
  }
  return prelude;
}
function pythonPrelude(code: string, endpoint: string): string {
  let prelude = /\bboto3\b/.test(code) && !/^\s*import boto3/m.test(code) ? 'import boto3\n' : '';
  if (usesSsmUndeclared(code, /^\s*ssm\s*=/m)) prelude += `import boto3\nssm = boto3.client("ssm", endpoint_url="${endpoint}", region_name="us-east-1")\n`;
  return prelude;
}

const LOGS = new Map<string, string[]>();
(globalThis as { __docLogs?: typeof LOGS }).__docLogs = LOGS;

/** Imports the block as a module, capturing what it logs. */
async function runModule(page: string, b: DocBlock, code: string, endpoint: string): Promise<string> {
  mkdirSync(RUN_DIR, { recursive: true });
  const file = join(RUN_DIR, `${page.replace(/[/.]/g, '_')}_${b.line}.${b.lang === 'ts' ? 'ts' : 'mjs'}`);
  const self = pathToFileURL(join(ROOT, 'emulator', 'index.ts')).href;
  // The module's own `console` collects what it logs (pages run concurrently: no global patching).
  const logged: string[] = [];
  const key = `${page}:${b.line}`;
  LOGS.set(key, logged);
  const consolePrelude = `const console = { ...globalThis.console, log: (...a) => globalThis.__docLogs.get(${JSON.stringify(key)}).push(a.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(' ')) };\n`;
  writeFileSync(file, consolePrelude + jsPrelude(code, endpoint) + code.replace(/from 'ssm-emulator'/g, `from '${self}'`));
  const env = { ...process.env };
  try {
    const mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
    if (typeof mod.default === 'function') {
      // A globalSetup: vitest passes a project that can provide values; jest nothing.
      const teardown = await (mod.default as (p: unknown) => unknown)({ provide: () => undefined });
      if (typeof teardown === 'function') await teardown();
    }
  } finally {
    LOGS.delete(key);
    process.env = env;
    rmSync(file, { force: true });
  }
  return logged.join('\n');
}

async function runYaml(b: DocBlock, code: string, t: TestEmulator): Promise<string> {
  const doc = parseYaml(code) as Record<string, unknown> | null;
  if (doc && typeof doc === 'object' && 'steps' in doc) {
    const result = await runScenario(doc as unknown as ScenarioFile, { baseDir: join(ROOT, 'fixtures', 'scenarios'), log: () => undefined });
    if (!result.passed) throw new Error(`scenario failed: ${result.error ?? ''}\n${JSON.stringify(result.expectations.filter((e) => !e.passed), null, 1)}`);
    return '';
  }
  if (doc && typeof doc === 'object' && ('instances' in doc || 'groups' in doc || 'fleets' in doc)) {
    // Loaded into an emulator of its own: the page's fleet stays what its other examples expect.
    new Emulator({ fleet: doc, clock: { mode: 'frozen', start: TEST_START } }).close();
    return '';
  }
  if (doc && typeof doc === 'object' && Object.keys(doc).every((k) => SEED_KEYS.includes(k))) {
    // Seed data (--init; the --secrets file has the same shape): loaded into an emulator of its own.
    mkdirSync(RUN_DIR, { recursive: true });
    const file = join(RUN_DIR, `seed_${b.line}.yaml`);
    writeFileSync(file, code);
    const emu = new Emulator({ clock: { mode: 'frozen', start: TEST_START } });
    try {
      loadInit(emu, file);
    } finally {
      emu.close();
      rmSync(file, { force: true });
    }
    return '';
  }
  if (doc && typeof doc === 'object' && 'schemaVersion' in doc) {
    const automation = String(doc.schemaVersion) === '0.3';
    const res = await t.rpc('CreateDocument', {
      Name: `DocExample${b.line}`, Content: code, DocumentFormat: 'YAML', DocumentType: automation ? 'Automation' : 'Command',
    });
    if (res.status !== 200) throw new Error(`document refused: ${res.status} ${JSON.stringify(res.body)}`);
    return '';
  }
  throw new Error('a YAML block the harness does not know how to run: mark it <!-- doc-test: skip: REASON -->');
}

describe('docs are tests', () => {
  for (const page of PAGES) {
    // Pages run side by side (each has its own emulator): most of the time is AWS CLI and Python start-up.
    it.concurrent(page, { timeout: 600_000 }, async () => {
      const { blocks, setup } = extractBlocks(readFileSync(join(ROOT, page), 'utf8'));
      const fleet = setup.fleet === 'none' ? undefined : setup.fleet === 'default' ? DEFAULT_FLEET_FILE : resolve(ROOT, setup.fleet);
      const t = await startTestEmulator({ clock: { mode: setup.clock, start: TEST_START }, ...(fleet && { fleet }), checkResponses: true });
      const failures: string[] = [];
      try {
        for (const b of blocks) {
          if (!b.lang || b.skip) continue;
          // Every example starts from the page's fresh emulator (its fleet, the clock at the start),
          // as a reader trying it alone would, unless it says it continues the one before.
          if (!b.continues) {
            t.emu.clock.set({ mode: setup.clock, now: TEST_START });
            t.emu.reset();
          }
          const where = `${relative(ROOT, join(ROOT, page))}:${b.line} (${b.info})`;
          try {
            const out = await runBlock(page, b, t);
            if (b.fails) failures.push(`${where}: marked "fails" but succeeded`);
            for (const e of b.expect ?? []) if (!out.includes(e)) failures.push(`${where}: output does not contain ${JSON.stringify(e)}:\n${out}`);
          } catch (err) {
            if (!b.fails) failures.push(`${where}: ${(err as Error).message.slice(0, 1500)}`);
          }
        }
      } finally {
        await t.close();
      }
      expect(failures, failures.join('\n\n')).toEqual([]);
    });
  }
});
