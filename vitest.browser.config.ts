import { defineConfig } from 'vitest/config';

/** Browser tests: Playwright driving the system Chromium against the real app (npm run test:browser). */
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 1,
  },
});
