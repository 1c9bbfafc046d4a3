import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'jsdom',
      include: ['src/**/*.spec.{ts,tsx}'],
      setupFiles: ['src/test-setup.ts'],
      restoreMocks: true,
      // Rendering a form in jsdom takes well under a second on a quiet machine, and several on two
      // busy cores (the whole suite runs beside other work in CI): a slow machine is not a failure.
      testTimeout: 30_000,
    },
  }),
);
