import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const PORTAL_DIST = join(__dirname, '../../apps/portal/dist');

export const KB = 1024;

/** A built file's size gzipped at level 9: what the budget counts, whatever the server sends. */
export function gzippedBytes(files: Iterable<string>): number {
  let total = 0;
  for (const file of files)
    total += gzipSync(readFileSync(join(PORTAL_DIST, 'assets', file)), { level: 9 }).length;
  return total;
}

export const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

/** Vite's build manifest: for each module that starts a chunk, its file and what it imports. */
interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
}

function manifest(): Record<string, ManifestChunk> {
  return JSON.parse(readFileSync(join(PORTAL_DIST, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
}

/** Files (under assets/) that a script refers to by name: workers started with `new URL(…, import.meta.url)`. */
function referencedWorkers(file: string): string[] {
  const code = readFileSync(join(PORTAL_DIST, 'assets', file), 'utf8');
  return [...code.matchAll(/["'`/]([\w.-]+\.worker-[\w-]+\.js)["'`]/g)].map((m) => m[1]);
}

/**
 * Every script that loading `keys` (manifest keys: a source path such as
 * `src/public/tips/components/receipt-large-uploads.tsx`, or a part of one such as `lazy-json:tip:`)
 * can bring in beyond the files `loaded` already: their chunks, what those import statically and on
 * demand, and workers they start. A chunk already loaded is not followed: what it imports on demand
 * belongs to other pages (the entry's lazy routes).
 */
export function reachableScripts(keys: string[], loaded: ReadonlySet<string> = new Set()): Set<string> {
  const chunks = manifest();
  const files = new Set<string>();
  const queue = Object.keys(chunks).filter((key) => keys.some((wanted) => key.includes(wanted)));
  if (queue.length === 0) throw new Error(`no chunk in the build for ${keys.join(', ')}`);
  const seen = new Set<string>();
  for (let key = queue.pop(); key !== undefined; key = queue.pop()) {
    if (seen.has(key)) continue;
    seen.add(key);
    const chunk = chunks[key];
    if (!chunk?.file.endsWith('.js')) continue;
    const file = chunk.file.replace(/^assets\//, '');
    if (loaded.has(file)) continue;
    files.add(file);
    for (const worker of referencedWorkers(file)) files.add(worker);
    queue.push(...(chunk.imports ?? []), ...(chunk.dynamicImports ?? []));
  }
  return files;
}
