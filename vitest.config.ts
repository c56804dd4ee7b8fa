import { defineConfig } from 'vitest/config';

// Unit tests: pure domain code, no server, no browser.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Property tests run hundreds of random cases; on a busy 2-core machine that can pass 5 s.
    testTimeout: 30_000,
  },
});
