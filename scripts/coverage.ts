/**
 * Writes COVERAGE.md: every SSM, Resource Groups and Secrets Manager operation, whether the emulator implements it,
 * its capability area, and how many test cases call it.
 *
 *   npm test                  # writes .test-results/vitest.json, with the operations each test called
 *   npm run coverage-table    # counts them into COVERAGE.md
 *
 * What counts is what tests do, not what their source says: useEmulator() (emulator/testing/harness.ts)
 * wraps its emulator's request(), which every request goes through whatever the client (the SDK,
 * raw `t.rpc`, the AWS CLI, boto3, REST-JSON for Resource Groups), and puts the operations each test
 * ran in that test's `meta.operations`; vitest's JSON report carries them. An operation's count is the
 * number of test cases (`it` blocks, with their beforeEach/afterEach hooks) during which the emulator
 * ran it, whether it succeeded or answered an error. Helper names, file names and strings in test
 * source play no part.
 *
 * Not counted: tests on an emulator they construct themselves (`new Emulator`: the fuzz test, which
 * calls every operation with generated input, persistence replay, in-process engine tests) and tests
 * skipped on this machine (the AWS CLI and boto3 suites when those are not installed).
 *
 * The report must be from a full run that is newer than every test file: the script refuses a report
 * that lacks a test file (a run of some paths only) or predates a test file's last change.
 */
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Emulator } from '../emulator/emulator.js';
import { areaOfOperation } from '../emulator/model/areas.js';

const root = resolve(import.meta.dirname, '..');
export const REPORT = join(root, '.test-results/vitest.json');

/** The part of vitest's JSON report this script reads. */
export interface VitestReport {
  startTime: number;
  numFailedTests: number;
  testResults: { name: string; assertionResults: { meta?: { operations?: string[] } }[] }[];
}

function testFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (f === 'node_modules' || f.startsWith('.') || f === 'dist') return [];
    return statSync(p).isDirectory() ? testFiles(p) : f.endsWith('.test.ts') ? [p] : [];
  });
}

/** "service:Operation" -> how many test cases ran it. */
export function testCounts(report: VitestReport): Map<string, number> {
  const counts = new Map<string, number>();
  for (const file of report.testResults) {
    for (const test of file.assertionResults) {
      for (const op of new Set(test.meta?.operations)) counts.set(op, (counts.get(op) ?? 0) + 1);
    }
  }
  return counts;
}

/** The report of the last `npm test`, refused when it cannot describe the test files as they are. */
export function readReport(): VitestReport {
  const rerun = 'run `npm test` first';
  if (!existsSync(REPORT)) throw new Error(`${relative(root, REPORT)} does not exist: ${rerun}`);
  const report = JSON.parse(readFileSync(REPORT, 'utf8')) as VitestReport;
  const reported = new Set(report.testResults.map((f) => resolve(f.name)));
  const files = ['emulator', 'test', 'scripts'].flatMap((d) => testFiles(join(root, d)));
  const missing = files.filter((f) => !reported.has(f)).map((f) => relative(root, f));
  if (missing.length) throw new Error(`${relative(root, REPORT)} is from a partial run (no results for ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', ...' : ''}): ${rerun}`);
  const changed = files.filter((f) => statSync(f).mtimeMs > report.startTime).map((f) => relative(root, f));
  if (changed.length) throw new Error(`${changed.slice(0, 3).join(', ')}${changed.length > 3 ? ', ...' : ''} changed after the last test run: ${rerun}`);
  // A run of the emulator's tests always makes requests: none recorded means the harness stopped recording.
  if (!report.testResults.some((f) => f.assertionResults.some((a) => a.meta?.operations?.length))) {
    throw new Error(`${relative(root, REPORT)} records no operation for any test: emulator/testing/harness.ts no longer sees the requests`);
  }
  return report;
}

export function coverageTable(report: VitestReport): string {
  const emu = new Emulator({ clock: { mode: 'frozen' } });
  const counts = testCounts(report);
  const lines: string[] = [];
  const titles: Record<string, string> = { ssm: 'SSM', 'resource-groups': 'Resource Groups', secretsmanager: 'Secrets Manager' };
  for (const svc of Object.values(emu.services)) {
    const ops = Object.keys(svc.operations).sort();
    const done = ops.filter((o) => svc.handlers.has(o));
    lines.push(`## ${titles[svc.id]}: ${done.length} of ${ops.length} implemented\n`);
    lines.push('| operation | area | implemented | tests |', '| --- | --- | --- | --- |');
    for (const op of ops) {
      const area = svc.id === 'ssm' ? (areaOfOperation.get(op) ?? '?') : svc.id;
      lines.push(`| ${op} | ${area} | ${svc.handlers.has(op) ? 'yes' : 'no: answers NotImplementedException'} | ${counts.get(`${svc.id}:${op}`) ?? 0} |`);
    }
    lines.push('');
  }
  emu.close();
  return `# Operation coverage

Generated by \`npm run coverage-table\` (scripts/coverage.ts) from the last \`npm test\`. An operation that is
not implemented answers HTTP 400 \`NotImplementedException\` naming it; the emulator never fakes a success.
"tests" is the number of test cases during which the emulator ran the operation (through any client).

${lines.join('\n')}`;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  let report: VitestReport;
  try {
    report = readReport();
  } catch (e) {
    console.error(`coverage-table: ${(e as Error).message}`);
    process.exit(1);
  }
  writeFileSync(join(root, 'COVERAGE.md'), coverageTable(report));
  console.log('wrote COVERAGE.md');
  // A failed test may have stopped before some of its calls: its operations can be undercounted.
  if (report.numFailedTests) console.warn(`coverage-table: ${report.numFailedTests} tests failed in that run; counts can be low until they pass`);
}
