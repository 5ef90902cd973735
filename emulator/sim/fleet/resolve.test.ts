import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveFleetFile, shippedFleets } from './resolve.js';
import { DEFAULT_FLEET_FILE } from './fixtures.js';

describe('fleet fixtures by name or path', () => {
  it('a plain name is a shipped fixture; the README path works from anywhere', () => {
    expect(shippedFleets()).toContain('default');
    expect(resolveFleetFile('default')).toBe(DEFAULT_FLEET_FILE);
    expect(resolveFleetFile('fixtures/fleets/default.yaml', ['/nonexistent'])).toBe(DEFAULT_FLEET_FILE);
  });

  it('a relative path is tried against the caller folder first', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fleet-'));
    writeFileSync(join(dir, 'mine.yaml'), 'instances: [{ Platform: rhel-9 }]\n');
    expect(resolveFleetFile('mine.yaml', [dir])).toBe(join(dir, 'mine.yaml'));
  });

  it('a name that matches nothing lists every place tried and the shipped fleets', () => {
    expect(() => resolveFleetFile('nope.yaml', ['/somewhere'])).toThrow(/^Fleet fixture "nope\.yaml" not found; tried \/somewhere\/nope\.yaml, .*nope\.yaml\. Shipped fleets: default\.$/);
  });
});
