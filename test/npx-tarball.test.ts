/**
 * The package as users get it: `npm pack` (what `npm publish` uploads), installed from the tarball
 * into a clean folder, started with `npx ssm-emulator`; it answers health, the SSM API and the
 * dashboard. Installing pulls the runtime dependencies through npm (from its cache when warm).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';

const root = resolve(import.meta.dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const built = existsSync(join(root, 'dist', 'bundle', 'main.js')) && existsSync(join(root, 'dist', 'ui', 'index.html'));
if (!built) console.log('dist/ is not built (npm run build): the packed-tarball test is skipped');

describe.skipIf(!built)('npx ssm-emulator from a packed tarball, in a clean folder', () => {
  let dir: string;
  let child: ChildProcess | undefined;
  let endpoint: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ssm-npx-'));
    // --ignore-scripts: pack what npm ci built; the prepare script would rebuild dist/ under the other tests' feet.
    const packed = execFileSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: root, encoding: 'utf8' });
    const [{ filename, files }] = JSON.parse(packed) as { filename: string; files: { path: string }[] }[];
    const paths = files.map((f) => f.path);
    expect(paths).toContain('dist/bundle/main.js');
    expect(paths).toContain('dist/ui/app.js');
    expect(paths.some((p) => p.startsWith('emulator/') || p.startsWith('test/') || p.startsWith('ui/src'))).toBe(false);
    const app = join(dir, 'app');
    execFileSync('mkdir', ['-p', app]);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'npx-check', private: true }));
    execFileSync(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', join(dir, filename)], { cwd: app, stdio: 'ignore' });
    expect(readdirSync(join(app, 'node_modules', '.bin'))).toContain('ssm-emulator');
    child = spawn(npx, ['--no-install', 'ssm-emulator', '--port', '0', '--clock-mode', 'frozen', '--log-level', 'info'], { cwd: app, env: { ...process.env, PORT: '' } });
    endpoint = await new Promise<string>((ok, fail) => {
      let err = '';
      const timer = setTimeout(() => fail(new Error(`no start: ${err}`)), 60_000);
      const seen = (d: Buffer) => {
        err += d.toString();
        const m = /"endpoint":"(http:\/\/[^"]+)"/.exec(err);
        if (m) {
          clearTimeout(timer);
          ok(m[1]);
        }
      };
      child!.stderr!.on('data', seen);
      child!.stdout!.on('data', seen);
      child!.on('exit', (code) => fail(new Error(`exited ${code}: ${err}`)));
    });
  }, 240_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.on('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('answers health, the SSM API with the default fleet, and serves the dashboard', async () => {
    const health = await (await fetch(`${endpoint}/_emulator/health`)).json();
    expect(health).toMatchObject({ status: 'ok', clock: { mode: 'frozen' } });
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AmazonSSM.DescribeInstanceInformation' },
      body: '{}',
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { InstanceInformationList: unknown[] }).InstanceInformationList.length).toBeGreaterThan(0);
    const ui = await fetch(`${endpoint}/_emulator/ui/`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('app.js');
    expect((await fetch(`${endpoint}/_emulator/ui/app.js`)).status).toBe(200);
  });
});
