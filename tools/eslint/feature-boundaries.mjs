// Keeps the API's feature folders pointing one way, as docs/architecture.md describes, and keeps
// each feature's insides its own. Nx's enforce-module-boundaries sees projects only (the API is one
// project), so this rule looks at the folders under apps/api/src.
import { dirname, relative, resolve, sep } from 'node:path';

const API_SRC = resolve(import.meta.dirname, '../../apps/api/src');

/** The ground everything stands on. Their every file is public; they import no feature. */
const FOUNDATION = ['common', 'config', 'database', 'jobs', 'mail', 'types'];
/** Features every other may use (staff and agencies, the audit log, live events). */
const EVERYONE = ['identity', 'audit', 'events'];
/**
 * Entry points (main.ts, app.module.ts, worker.ts, the command-line tools) assemble everything, and
 * backup copies every feature's database and files as one.
 */
const ENTRY_POINTS = ['', 'cli', 'backup'];
/**
 * What each feature may use besides FOUNDATION and EVERYONE. A folder not listed may use only
 * those: a new feature that needs another says so here, and in docs/architecture.md.
 */
export const FEATURE_DEPENDENCIES = {
  appeals: ['media', 'portal'],
  tips: ['appeals', 'media', 'desk', 'portal'],
  dedupe: ['tips', 'media', 'observables', 'gazetteer'],
  observables: ['tips', 'desk'],
  cases: ['tips', 'desk'],
  records: ['tips', 'cases', 'appeals', 'media', 'forwarding', 'reach'],
  channels: ['tips', 'media'],
  forwarding: ['tips', 'dedupe', 'observables'],
  reach: ['appeals', 'tips', 'media', 'portal'],
};

/** The top folder under apps/api/src that holds `file` ('' for a file directly in it), and the rest of its path. */
function place(file) {
  const path = relative(API_SRC, file);
  if (path.startsWith('..')) return null;
  const parts = path.split(sep);
  return parts.length === 1 ? { folder: '', inside: parts } : { folder: parts[0], inside: parts.slice(1) };
}

/** A file at the top of the folder, or the index of one of its subfolders (`processing` or `processing/index`). */
function isPublicSurface(inside) {
  if (inside.length === 1) return true;
  if (inside.length === 2 && inside[1].replace(/\.(ts|js)$/, '') === 'index') return true;
  return false;
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'API features depend one way, on each other’s public surface only' },
    schema: [],
    messages: {
      direction:
        "'{{from}}' may not depend on '{{to}}': features depend one way (docs/architecture.md; tools/eslint/feature-boundaries.mjs).",
      internals:
        "'{{source}}' is inside the '{{to}}' feature: use its public surface, a file at the top of apps/api/src/{{to}}/ (or a subfolder's index.ts).",
    },
  },
  create(context) {
    const from = place(context.filename);
    if (!from || ENTRY_POINTS.includes(from.folder)) return {};
    const allowed = new Set([
      from.folder,
      ...FOUNDATION,
      ...EVERYONE,
      ...(FEATURE_DEPENDENCIES[from.folder] ?? []),
    ]);
    const check = (node) => {
      const source = node?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = place(resolve(dirname(context.filename), source));
      if (!to || to.folder === from.folder || to.folder === '') return;
      if (!allowed.has(to.folder)) {
        context.report({ node, messageId: 'direction', data: { from: from.folder, to: to.folder } });
      } else if (!FOUNDATION.includes(to.folder) && !isPublicSurface(to.inside)) {
        context.report({ node, messageId: 'internals', data: { source, to: to.folder } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

export default { rules: { 'feature-boundaries': rule } };
