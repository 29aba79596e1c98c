import { defineConfig } from 'vitest/config';

// End-to-end delivery tests: real Chromium against a faulty local receiver (run with `pnpm test:e2e`).
export default defineConfig({
  test: { include: ['test/e2e/**/*.test.ts'], environment: 'node', testTimeout: 120_000, hookTimeout: 120_000 },
});
