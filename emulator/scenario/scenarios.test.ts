import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runScenarioFile } from './runner.js';

const dir = resolve(import.meta.dirname, '../../fixtures/scenarios');
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));

describe('the shipped scenarios (fixtures/scenarios) are green', () => {
  it('there are at least four', () => expect(files.length).toBeGreaterThanOrEqual(4));
  for (const f of files) {
    it(f, async () => {
      const lines: string[] = [];
      const result = await runScenarioFile(join(dir, f), { log: (l) => lines.push(l) });
      const failures = result.expectations.filter((e) => !e.passed).map((e) => `${e.step}: ${e.label}: ${e.differences.join('; ')}`);
      expect({ error: result.error, failures }, lines.join('\n')).toEqual({ error: undefined, failures: [] });
      expect(result.expectations.length).toBeGreaterThan(3);
    });
  }
});
