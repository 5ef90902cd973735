import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['emulator/**/*.test.ts', 'scripts/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 20_000,
    // The pinned SDK warns that its later releases will need Node 22; tests run on Node 20 on purpose.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    hookTimeout: 30_000,
    // Speed. Most of an isolated run was importing @aws-sdk/client-ssm and the emulator again for
    // every file; without isolation a worker imports them once and runs file after file. Files stay
    // independent: each useEmulator() makes its own emulator (module-level caches are WeakMaps keyed by
    // it or its state), slices are declared once per module load, and no test mocks modules or
    // touches globals. vitest's default of one worker per core but one leaves a 2-core machine
    // with one worker; the main process is mostly idle while tests run, so use every core.
    // `npm test` on the shared 2-core dev machine (other sessions' suites ran too; compare pairs run
    // back to back): isolated with 1 worker, 1410 s and 1086 s wall, 289 s and 246 s CPU (user+sys);
    // this config, 353 s and 325 s wall, 79 s and 84 s CPU. Lightly loaded, before: 160 s and 190 s.
    isolate: false,
    maxWorkers: availableParallelism(),
    // The JSON report is what .ci/run counts ("N passed, N failed") and what `npm run coverage-table`
    // reads (each test's meta.operations, recorded by emulator/testing/harness.ts).
    reporters: ['default', ['json', { outputFile: '.test-results/vitest.json' }]],
  },
});
