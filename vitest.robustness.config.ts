import { defineConfig } from 'vitest/config';

// Robustness (issue #6): every CLI command on hostile and unusual inputs, run as child processes of the built
// CLI (dist/). Each child has its own timeout (tests/robustness/harness.ts), so a hang fails instead of stalling.
export default defineConfig({
  test: {
    include: ['tests/robustness/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
});
