import { defineConfig } from 'vitest/config';

// End-to-end tests: the production build in a real headless Chromium (playwright-core).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 90_000,
    maxWorkers: 1,
    fileParallelism: false,
  },
});
