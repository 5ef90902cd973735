import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Files that drive other programs (terraform, the AWS CLI and boto3, the emulator as a child process,
 * tsc) take minutes, mostly waiting. vitest starts larger files first, or longer ones once it has run
 * them (its cache in node_modules/.vite); a fresh clone (CI) has no such cache and would start these
 * small files last, leaving one worker busy with them after the rest are done. They start first.
 */
const WAIT_ON_PROGRAMS = [/^test\//, /^scripts\/typecheck\.test\.ts$/, /^emulator\/state\/persistence\.test\.ts$/];

class ProgramsFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const waits = (f: TestSpecification) => WAIT_ON_PROGRAMS.some((re) => re.test(relative(f.project.config.root, f.moduleId)));
    return [...sorted.filter(waits), ...sorted.filter((f) => !waits(f))];
  }
}

export default defineConfig({
  test: {
    include: ['emulator/**/*.test.ts', 'scripts/**/*.test.ts', 'test/**/*.test.ts'],
    // Time-outs catch hangs. The shared dev machine often gives a run a fraction of a core, where
    // generating code or driving the AWS CLI takes several times its usual seconds.
    testTimeout: 60_000,
    // The pinned SDK warns that its later releases will need Node 22; tests run on Node 20 on purpose.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    hookTimeout: 60_000,
    // Speed. Most of an isolated run was importing @aws-sdk/client-ssm and the emulator again for
    // every file; without isolation a worker imports them once and runs file after file. Files stay
    // independent: each useEmulator() makes its own emulator (module-level caches are WeakMaps keyed by
    // it or its state), slices are declared once per module load, and no test mocks modules or
    // touches globals. vitest's default of one worker per core but one leaves a 2-core machine
    // with one worker; the main process is mostly idle while tests run, so use every core.
    // Measured on the shared 2-core dev machine, back to back (load average 22-26 from other sessions),
    // 16 Run Command and Parameter Store files: isolated with one worker, 328 s wall and 68 s CPU;
    // this config, 109 s wall and 24 s CPU.
    isolate: false,
    maxWorkers: availableParallelism(),
    sequence: { sequencer: ProgramsFirst },
    // The JSON report is what .ci/run counts ("N passed, N failed") and what `npm run coverage-table`
    // reads (each test's meta.operations, recorded by emulator/testing/harness.ts).
    reporters: ['default', ['json', { outputFile: '.test-results/vitest.json' }]],
  },
});
