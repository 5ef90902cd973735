/**
 * The Testcontainers examples (examples/testcontainers/) run against the emulator's image, where a
 * Docker daemon and the image are there: build it with scripts/docker-smoke.sh (ssm-emulator:local;
 * SSM_EMULATOR_IMAGE names another). Ryuk, Testcontainers' reaper, is an image from Docker Hub, so
 * it is turned off here; the examples stop their containers themselves. Otherwise skipped, with the
 * reason printed.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const image = process.env.SSM_EMULATOR_IMAGE ?? 'ssm-emulator:local';
const ok = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: 'ignore', timeout: 20_000 }).status === 0;

const dockerReason = !ok('docker', ['info'])
  ? 'no Docker daemon (apt-get install docker.io, start dockerd)'
  : !ok('docker', ['image', 'inspect', image])
    ? `no image ${image} (build it with scripts/docker-smoke.sh)`
    : undefined;
const pythonReason = dockerReason ?? (ok('python3', ['-c', 'import testcontainers, boto3, pytest']) ? undefined : 'python3 lacks testcontainers, boto3 or pytest (pip install testcontainers boto3 pytest)');
if (dockerReason) console.log(`Testcontainers examples skipped: ${dockerReason}`);
else if (pythonReason) console.log(`the Python Testcontainers example is skipped: ${pythonReason}`);

const env = { ...process.env, SSM_EMULATOR_IMAGE: image, TESTCONTAINERS_RYUK_DISABLED: 'true' };

describe('Testcontainers examples', () => {
  it.skipIf(!!dockerReason)('Node: GenericContainer on the image, waiting on /_emulator/health', () => {
    const out = execFileSync(process.execPath, ['--test', 'examples/testcontainers/node/ssm.test.mjs'], { cwd: root, env, encoding: 'utf8', timeout: 170_000 });
    expect(out).toMatch(/# pass 2/);
    expect(out).toMatch(/# fail 0/);
  }, 180_000);

  it.skipIf(!!pythonReason)('Python: testcontainers-python DockerContainer and boto3', () => {
    const out = execFileSync('python3', ['-m', 'pytest', '-q', 'examples/testcontainers/python/test_ssm.py'], { cwd: root, env, encoding: 'utf8', timeout: 170_000 });
    expect(out).toMatch(/2 passed/);
  }, 180_000);
});
