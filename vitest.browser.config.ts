import { defineConfig } from 'vitest/config';

// Browser tests: real server, real Chromium, one file at a time (`npm run build:web` first).
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    testTimeout: 60_000,
    fileParallelism: false,
    hookTimeout: 120_000,
  },
});
