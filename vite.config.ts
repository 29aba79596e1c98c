import { defineConfig } from 'vitest/config';

// Node-side tests and benchmarks of every package. Browser tests run in real Chromium through
// web-test-runner (web-test-runner.config.mjs).
export default defineConfig({
  test: {
    include: ['packages/{core,receiver}/src/**/*.test.ts', 'packages/{core,receiver}/test/**/*.test.ts', 'test/node/**/*.test.ts', 'test/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    benchmark: {
      include: ['packages/*/src/**/*.bench.ts', 'packages/*/bench/**/*.bench.ts'],
    },
  },
});
