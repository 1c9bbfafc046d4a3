import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { defineConfig, type Plugin, type Rolldown } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const sharedContract = here('../../libs/common/src/');
/**
 * The libraries every page runs. Not TanStack Query: only the staff desk uses it (public pages read the
 * API through public/api/public-resource.ts), so it comes in the desk's chunks.
 */
const FRAMEWORK =
  /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|react-i18next|i18next|i18next-browser-languagedetector|use-sync-external-store)[\\/]/;

/** The app's own code and the shared contract's. */
const APP_CODE = /[\\/](apps[\\/]portal[\\/]src|libs[\\/]common[\\/]src)[\\/]/;
/** Small helpers every public page uses (reading the API, texts of an appeal, form fields, the contract's enums). */
const PUBLIC_SHARED =
  /[\\/](apps[\\/]portal[\\/]src[\\/](public[\\/](api|hooks)|shared)|libs[\\/]common[\\/]src[\\/](enums|limits|localized))[\\/.]/;

/**
 * What the tip form, its receipt and the follow-up page share: requests, errors, checks, the follow-up
 * session and picking files. Not what loads on demand (proof-of-work, large uploads). Also the form's
 * hook and field steps, which the desk's phone-tip page reuses: shared with a lazy desk chunk, the
 * bundler would otherwise split them into a chunk of their own that the tip form pays a request for.
 */
const TIPS_SHARED =
  /[\\/]apps[\\/]portal[\\/]src[\\/]public[\\/]tips[\\/](api[\\/](?!proof-of-work|solve-in-background|large-uploads)[\w.-]+\.ts|hooks[\\/](use-picked-files|use-tip-form)\.ts|components[\\/](file-(list|picker)|what-step|when-step|contact-step|step-fieldset)\.tsx)$/;

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
 * The page each client route draws (a lazy chunk, see app.tsx). Path patterns as the API matches them: exact,
 * or a prefix ending in `*`.
 */
const ROUTE_PAGES: Record<string, string> = {
  '/': 'src/public/components/home-page.tsx',
  '/appeals/*': 'src/public/components/appeal-page.tsx',
  '/tips/new': 'src/public/tips/components/tip-form-page.tsx',
  '/tips/follow-up': 'src/public/tips/components/follow-up-page.tsx',
  '/alerts': 'src/public/alerts/components/alerts-page.tsx',
  // Before the desk's own line: the first one that matches is used.
  '/desk/activate/*': 'src/desk/admin/components/activation-page.tsx',
  // `/**`: the path and everything under it (the desk has routes of its own).
  '/desk/**': 'src/desk/components/desk-app.tsx',
};

/**
 * Writes `route-preloads.json`: for each route, the chunks (and stylesheets) its page needs beyond what
 * index.html already loads. The API puts them in the page it serves as `<link rel="modulepreload">`, so a
 * phone opening a shared link downloads the page's code beside the main bundle, not once it has run.
 */
const cssOnly = (chunk: Rolldown.OutputChunk | undefined) =>
  chunk !== undefined && chunk.moduleIds.length > 0 && chunk.moduleIds.every((id) => /\.css($|\?)/.test(id));

function routePreloads(): Plugin {
  return {
    name: 'vigie:route-preloads',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map(
        Object.values(bundle)
          .filter((file): file is Rolldown.OutputChunk => file.type === 'chunk')
          .map((chunk) => [chunk.fileName, chunk]),
      );
      const closure = (start: string) => {
        const seen = new Set<string>();
        const queue = [start];
        for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
          if (seen.has(file)) continue;
          seen.add(file);
          queue.push(...(chunks.get(file)?.imports ?? []));
        }
        return seen;
      };
      const entry = [...chunks.values()].find((chunk) => chunk.isEntry);
      if (!entry) return this.error('no entry chunk');
      const initial = closure(entry.fileName);
      const routes: Record<string, { scripts: string[]; styles: string[] }> = {};
      for (const [route, page] of Object.entries(ROUTE_PAGES)) {
        const id = here(page);
        const chunk = [...chunks.values()].find((c) => c.moduleIds.includes(id));
        if (!chunk) return this.error(`${page} (route ${route}) is in no chunk`);
        const files = [...closure(chunk.fileName)].filter((file) => !initial.has(file));
        routes[route] = {
          // A chunk of stylesheets alone is dropped by Vite after this hook: its CSS is preloaded, not it.
          scripts: files.filter((file) => !cssOnly(chunks.get(file))).map((file) => `/${file}`),
          styles: files.flatMap((file) =>
            [...(chunks.get(file)?.viteMetadata?.importedCss ?? [])].map((css) => `/${css}`),
          ),
        };
      }
      this.emitFile({
        type: 'asset',
        fileName: 'route-preloads.json',
        source: JSON.stringify(routes, null, 2),
      });
    },
  };
}

/**
 * Writes `.br` (quality 11) and `.gz` (level 9) beside every script and stylesheet: compressed once here,
 * at a strength no server can afford per request, and served as they are (apps/api, precompressed-assets.ts).
 */
function precompress(): Plugin {
  const gzipAsync = promisify(gzip);
  const brotliAsync = promisify(brotliCompress);
  return {
    name: 'vigie:precompress',
    apply: 'build',
    async writeBundle({ dir }) {
      const assets = join(dir ?? here('dist'), 'assets');
      const files = readdirSync(assets).filter((file) => /\.(js|css|svg|json)$/.test(file));
      await Promise.all(
        files.map(async (file) => {
          const source = await readFile(join(assets, file));
          const [br, gz] = await Promise.all([
            brotliAsync(source, {
              params: {
                [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
                [zlib.BROTLI_PARAM_SIZE_HINT]: source.length,
              },
            }),
            gzipAsync(source, { level: 9 }),
          ]);
          if (br.length < source.length) await writeFile(join(assets, `${file}.br`), br);
          if (gz.length < source.length) await writeFile(join(assets, `${file}.gz`), gz);
        }),
      );
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
  plugins: [lazyJsonParts(), react(), routePreloads(), precompress()],
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
    // .vite/manifest.json: which chunk each module is in and what it imports, statically or on demand
    // (tests/system/public-bundle.test.ts reads it for what the tip form can ever load).
    manifest: true,
    // Never inline assets as data: URLs into CSS/JS; plain files keep the CSP and caching simple.
    assetsInlineLimit: 0,
    // Every browser the portal supports knows <link rel="modulepreload">; the polyfill is half a kilobyte
    // of the first load for nothing.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // The libraries every page runs change rarely: one chunk that browsers keep across deployments.
            { name: 'framework', test: FRAMEWORK, priority: 3 },
            // What the entry runs (shell, texts, router table) stays one chunk. Left alone, the bundler
            // splits off each module a lazy page also imports, and a first load fetches a dozen files.
            { name: 'app', test: APP_CODE, tags: ['$initial'], priority: 2 },
            // The same for the helpers the public pages share: one small chunk instead of eight tiny ones.
            { name: 'public', test: PUBLIC_SHARED, priority: 1 },
            // What the tip pages share: one chunk rather than a handful of small ones, each paying its
            // own request and compression (gzip's dictionary starts again in each file).
            { name: 'tips-shared', test: TIPS_SHARED, priority: 1 },
            // The forms' library: the tip pages and the desk share it; home and appeal pages never load it.
            { name: 'react-hook-form', test: /[\\/]node_modules[\\/]react-hook-form[\\/]/, priority: 1 },
          ],
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
