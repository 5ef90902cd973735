import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['emulator/**/*.test.ts', 'scripts/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 20_000,
    // The pinned SDK warns that its later releases will need Node 22; tests run on Node 20 on purpose.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    hookTimeout: 30_000,
    // The JSON report is what .ci/run counts ("N passed, N failed").
    reporters: ['default', ['json', { outputFile: '.test-results/vitest.json' }]],
  },
});
