import { defineConfig } from 'vitest/config';

// Browser tests: the HTML report in real headless Chromium (Debian's `chromium`, driven by playwright-core).
// One file at a time and generous timeouts: a browser start costs seconds on a shared two-core machine.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
