import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const sharedContract = here('../../libs/common/src/');
const FRAMEWORK =
  /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|react-i18next|i18next|i18next-browser-languagedetector|use-sync-external-store|@tanstack[\\/](query-core|react-query))[\\/]/;

/**
 * `import { desk } from './fr.json?lazy'`: the same JSON file as a module of its own, one named export per
 * top-level key. A lazy chunk (the desk) imports its part of the catalogue this way; importing the plain
 * file, which the main bundle imports too, would make the bundler keep the desk's keys in the main bundle.
 * `?lazy=<key>+<key>` is a module of its own with only those keys: the tip pages load
 * `fr.json?lazy=tip+followUp` (one language at a time), never the desk's keys.
 */
function lazyJsonParts(): Plugin {
  const PREFIX = '\0lazy-json:';
  return {
    name: 'vigie:lazy-json-parts',
    enforce: 'pre',
    async resolveId(source, importer) {
      const match = /^(.+\.json)\?lazy(?:=([\w+]+))?$/.exec(source);
      if (!match) return null;
      const resolved = await this.resolve(match[1], importer, { skipSelf: true });
      // Not ending in .json, or Vite's own JSON plugin would take it.
      return resolved ? `${PREFIX}${match[2] ?? 'default'}:${resolved.id}.js` : null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const file = id.slice(id.indexOf(':', PREFIX.length) + 1, -'.js'.length);
      this.addWatchFile(file);
      const group = id.slice(PREFIX.length, id.indexOf(':', PREFIX.length));
      const keys = group === 'default' ? null : new Set(group.split('+'));
      const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      return Object.entries(data)
        .filter(([key]) => !keys || keys.has(key))
        .map(([key, value]) => `export const ${key} = ${JSON.stringify(value)};`)
        .join('\n');
    },
  };
}

/**
 * The API serves `dist/` as-is (hashed files under /assets/, index.html for every client route), under a
 * strict CSP: no inline script or style may appear in the output.
 */
export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [lazyJsonParts(), react()],
  resolve: {
    alias: {
      '@vigie/common': here('../../libs/common/src/index.ts'),
      'use-sync-external-store/shim': here('src/shared/use-sync-external-store-shim.ts'),
    },
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
    target: 'es2022',
    // Never inline assets as data: URLs into CSS/JS; plain files keep the CSP and caching simple.
    assetsInlineLimit: 0,
    // Every browser the portal supports knows <link rel="modulepreload">; the polyfill is half a kilobyte
    // of the first load for nothing.
    modulePreload: { polyfill: false },
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
