/**
 * `ssm-emulator scenario FILE|DIR [...]` (and `npm run scenario -- ...`): runs each scenario against a
 * fresh emulator, prints a line per step and a table of expectations; exit 0 when all pass, 1 when
 * an expectation fails, 2 when a file cannot run as written (every problem listed, one per line).
 * The SDK clients it uses are bundled into dist/bundle, so an installed package needs nothing more.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatResults, runScenarioFile, ScenarioCheckError, type ScenarioResult } from './runner.js';

export async function scenarioCli(args: string[]): Promise<number> {
  if (!args.length || args.includes('--help') || args.includes('-h')) {
    process.stderr.write('usage: ssm-emulator scenario FILE.yaml|DIR [...]   (a folder runs every .yaml/.yml/.json in it)\n');
    return args.length ? 0 : 2;
  }
  const files: string[] = [];
  for (const f of args) {
    let dir = false;
    try {
      dir = statSync(f).isDirectory();
    } catch {
      process.stderr.write(`ssm-emulator scenario: ${f}: no such file or folder\n`);
      return 2;
    }
    files.push(...(dir ? readdirSync(f).filter((x) => /\.(ya?ml|json)$/.test(x)).sort().map((x) => join(f, x)) : [f]));
  }
  const results: ScenarioResult[] = [];
  let unusable = false;
  for (const f of files) {
    try {
      results.push(await runScenarioFile(f));
    } catch (err) {
      if (!(err instanceof ScenarioCheckError)) throw err;
      unusable = true;
      process.stderr.write(err.problems.map((p) => `ssm-emulator scenario: ${f}: ${p}\n`).join(''));
    }
    console.log('');
  }
  if (results.length) console.log(formatResults(results));
  return unusable ? 2 : results.every((r) => r.passed) ? 0 : 1;
}
