/**
 * npm run scenario -- FILE.yaml [FILE2.yaml ...]   (a folder runs every scenario in it)
 * Runs each scenario against a fresh emulator; exits non-zero when any expectation fails.
 */
import { readdirSync, statSync } from 'node:fs';
// The pinned SDK warns that its later releases need Node 22; the scenarios run on Node 20 on purpose.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
import { join } from 'node:path';
import { runScenarioFile, formatResults, type ScenarioResult } from './scenario/runner.js';

const files = process.argv.slice(2).flatMap((f) =>
  statSync(f).isDirectory()
    ? readdirSync(f)
        .filter((x) => /\.(ya?ml|json)$/.test(x))
        .sort()
        .map((x) => join(f, x))
    : [f],
);
if (!files.length) {
  console.error('usage: npm run scenario -- FILE.yaml [...]');
  process.exit(2);
}
const results: ScenarioResult[] = [];
for (const f of files) {
  try {
    results.push(await runScenarioFile(f));
  } catch (err) {
    results.push({ name: f, passed: false, expectations: [], error: (err as Error).message });
  }
  console.log('');
}
console.log(formatResults(results));
process.exit(results.every((r) => r.passed) ? 0 : 1);
