import { defineConfig } from 'vitest/config';

// End-to-end: runs the built CLI (dist/) as a child process, the way users and CI steps call it.
export default defineConfig({
  test: { include: ['tests/e2e/**/*.test.ts'], testTimeout: 30_000 },
});
