import { defineConfig } from 'vitest/config';

// Unit tests: pure domain code, no server, no browser.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
