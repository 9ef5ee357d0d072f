import { defineConfig } from 'vitest/config';

// jsdom + antd renders are slow when the whole suite runs on two busy cores: generous limits, same assertions.
export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'jsdom',
    setupFiles: ['src/test-setup.ts'],
    testTimeout: 30_000,
  },
});
