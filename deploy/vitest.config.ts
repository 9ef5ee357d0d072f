import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // each file starts processes and databases of its own: one file at a time on a 2-core machine
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
