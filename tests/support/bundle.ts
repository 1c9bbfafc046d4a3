import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const PORTAL_DIST = join(__dirname, '../../apps/portal/dist');

/** Static imports of a built chunk (not dynamic `import()`: those load only when used). */
function staticImports(file: string): string[] {
  const code = readFileSync(join(PORTAL_DIST, 'assets', file), 'utf8');
  const found = new Set<string>();
  for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[^'"();]*?from\s*)?["']\.\/([\w.-]+\.js)["']/g))
    found.add(m[1]);
  return [...found];
}

/** A chunk and everything it statically imports, transitively. */
export function closure(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...staticImports(file));
  }
  return seen;
}

/** What the browser loads for `/` before any route chunk: the entry script and its preloads. */
export function initialChunks(): string[] {
  const html = readFileSync(join(PORTAL_DIST, 'index.html'), 'utf8');
  return [...html.matchAll(/(?:src|href)="\/assets\/([\w.-]+\.js)"/g)].map((m) => m[1]);
}

export function gzippedBytes(files: Iterable<string>): number {
  let total = 0;
  for (const file of files)
    total += gzipSync(readFileSync(join(PORTAL_DIST, 'assets', file)), { level: 9 }).length;
  return total;
}

/** The chunk whose file name starts with `name-` (Vite adds a content hash). */
export function chunk(name: string): string {
  const match = readdirSync(join(PORTAL_DIST, 'assets')).find(
    (f) => f.startsWith(`${name}-`) && f.endsWith('.js'),
  );
  if (!match) throw new Error(`no chunk named ${name} in the build`);
  return match;
}
