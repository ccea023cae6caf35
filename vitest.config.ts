import { defineConfig } from 'vitest/config';

// Unit tests: fast, in-process, mirroring src/. End-to-end (tests/e2e), robustness (tests/robustness) and
// browser (tests/browser) suites have their own configs and scripts; `npm test` runs all four.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'tests/browser/**', 'tests/robustness/**', 'node_modules/**'],
  },
});
