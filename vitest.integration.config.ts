import { defineConfig } from 'vitest/config';

// Integration tests drive the built server (dist/) on a free port, each file with its own libSQL temp file.
export default defineConfig({
  test: {
    include: ['tests/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
  },
});
