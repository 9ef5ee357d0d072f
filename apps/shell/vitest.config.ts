import { defineConfig } from 'vitest/config';

export default defineConfig({
  // jsdom + antd renders are slow when the whole suite runs on two busy cores: generous limits, same assertions.
  test: { include: ['src/**/*.test.{ts,tsx}'], environment: 'jsdom', setupFiles: ['@skills/ui-kit/test-setup'], testTimeout: 30_000 },
});
