import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const sharedContract = here('../../libs/common/src/');
const FRAMEWORK =
  /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|react-i18next|i18next|i18next-browser-languagedetector|use-sync-external-store|@tanstack[\\/](query-core|react-query))[\\/]/;

/**
 * The API serves `dist/` as-is (hashed files under /assets/, index.html for every client route), under a
 * strict CSP: no inline script or style may appear in the output.
 */
export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react()],
  resolve: {
    alias: { '@vigie/common': here('../../libs/common/src/index.ts') },
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
    target: 'es2022',
    // Never inline assets as data: URLs into CSS/JS; plain files keep the CSP and caching simple.
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // The libraries every page runs change rarely: one chunk that browsers keep across deployments.
          groups: [{ name: 'framework', test: FRAMEWORK }],
        },
      },
      treeshake: {
        // The shared contract is declarations only, but its DTO decorators look like side effects to the
        // bundler. Saying so keeps class-validator out of public pages that import only a constant or a type.
        moduleSideEffects: (id: string) => !id.startsWith(sharedContract),
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/feeds': 'http://localhost:3000',
    },
  },
});
