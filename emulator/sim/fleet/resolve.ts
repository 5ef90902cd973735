/**
 * Where a fleet fixture named in options, flags or scenarios is: a shipped fixture by name
 * (`default` -> fixtures/fleets/default.yaml in this package), an absolute path, or a path relative
 * to the caller's file, the working directory or this package (so the README's
 * `fixtures/fleets/default.yaml` also works from an installed package). A name that matches nothing
 * is refused with every place that was tried and the shipped names.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { FIXTURES_DIR, PROJECT_ROOT } from '../../core/paths.js';
import { FixtureError } from './fixtures.js';

const FLEETS_DIR = join(FIXTURES_DIR, 'fleets');

/** The fleet fixtures this package ships, by name (file name without .yaml/.yml/.json). */
export function shippedFleets(): string[] {
  return readdirSync(FLEETS_DIR).filter((f) => /\.(ya?ml|json)$/.test(f)).map((f) => f.replace(/\.(ya?ml|json)$/, '')).sort();
}

const isFile = (p: string) => existsSync(p) && statSync(p).isFile();

/**
 * The file a fleet reference names. `from` are the directories to try a relative path against first
 * (the caller's file's folder, a scenario's folder); then the working directory, then this package.
 */
export function resolveFleetFile(ref: string, from: readonly string[] = []): string {
  const tried: string[] = [];
  const attempt = (p: string) => {
    if (tried.includes(p)) return undefined;
    tried.push(p);
    return isFile(p) ? p : undefined;
  };
  if (/^[\w.-]+$/.test(ref) && !/\.(ya?ml|json)$/.test(ref)) {
    for (const ext of ['yaml', 'yml', 'json']) {
      const hit = attempt(join(FLEETS_DIR, `${ref}.${ext}`));
      if (hit) return hit;
    }
  }
  if (isAbsolute(ref)) {
    const hit = attempt(ref);
    if (hit) return hit;
  } else {
    for (const dir of [...from, process.cwd(), PROJECT_ROOT]) {
      const hit = attempt(resolve(dir, ref));
      if (hit) return hit;
    }
  }
  throw new FixtureError(`Fleet fixture "${ref}" not found; tried ${tried.join(', ')}. Shipped fleets: ${shippedFleets().join(', ')}.`);
}
