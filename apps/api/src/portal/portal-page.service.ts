import { Injectable, OnModuleInit } from '@nestjs/common';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { noscriptTags } from './basic-layout';
import { PortalTexts } from './portal-texts';

/** Where `vite build` puts the portal; the API serves it so that one port carries everything. */
export const PORTAL_DIST = join(__dirname, '..', '..', '..', 'portal', 'dist');

/** Used until the portal is built, so pages with server-rendered tags still answer (API tests, dev). */
const MINIMAL_SHELL =
  '<!doctype html>\n<html lang="fr">\n  <head>\n    <meta charset="utf-8">\n    <title>Vigie</title>\n  </head>\n  <body><div id="root"></div></body>\n</html>\n';

/** Per client route, what its page loads beyond index.html (`route-preloads.json`, from the portal's build). */
export type RoutePreloads = Record<string, { scripts?: unknown; styles?: unknown }>;

/** Only our own hashed assets ever go into a tag. */
const ASSET_PATH = /^\/assets\/[\w.~-]+\.(js|css)$/;

/** `/x/*`: one segment under /x; `/x/**`: /x itself and anything under it; otherwise the exact path. */
function routeMatches(route: string, path: string): boolean {
  const normalized = path.length > 1 ? path.replace(/\/+$/, '') : path;
  if (route.endsWith('/**')) {
    const base = route.slice(0, -3);
    return normalized === base || normalized.startsWith(`${base}/`);
  }
  if (!route.endsWith('/*')) return route === normalized;
  const rest = normalized.slice(route.length - 1);
  return normalized.startsWith(route.slice(0, -1)) && rest !== '' && !rest.includes('/');
}

/**
 * The tags that start a page's own chunks and stylesheets with the HTML, beside the main bundle: without
 * them a phone fetches the page's code only once the main bundle has run (a round trip or two on 4G).
 */
export function preloadTags(routes: RoutePreloads, path: string): string {
  const route = Object.keys(routes).find((candidate) => routeMatches(candidate, path));
  if (!route) return '';
  const list = (value: unknown) =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && ASSET_PATH.test(v)) : [];
  const { scripts, styles } = routes[route];
  return [
    ...list(styles).map((href) => `<link rel="stylesheet" crossorigin href="${href}">`),
    ...list(scripts).map((href) => `<link rel="modulepreload" crossorigin href="${href}">`),
  ].join('\n    ');
}

/** The built portal's index.html, read once at start-up and served for every client route. */
@Injectable()
export class PortalPageService implements OnModuleInit {
  private html: string | null = null;
  private routes: RoutePreloads = {};
  private texts!: PortalTexts;

  onModuleInit(): void {
    this.texts = new PortalTexts();
    const file = join(PORTAL_DIST, 'index.html');
    this.html = existsSync(file) ? readFileSync(file, 'utf8') : null;
    const preloads = join(PORTAL_DIST, 'route-preloads.json');
    this.routes = existsSync(preloads) ? (JSON.parse(readFileSync(preloads, 'utf8')) as RoutePreloads) : {};
  }

  get available(): boolean {
    return this.html !== null;
  }

  /**
   * The page for `path`, with its own chunks preloaded, extra tags placed in <head> (share-card meta for
   * appeal pages) and, when given, its <title> and <html lang> replaced. Callers escape what they pass.
   * Every page also carries, for a browser without JavaScript, the way to the simple pages (noscriptTags;
   * `appeal`: the tip form's `?appeal=`).
   */
  render(
    head: { path?: string; tags?: string; title?: string; lang?: string; appeal?: string } = {},
  ): string {
    let html = this.html ?? MINIMAL_SHELL;
    if (head.title) html = html.replace(/<title>[^<]*<\/title>/, () => `<title>${head.title}</title>`);
    if (head.lang) html = html.replace(/<html lang="[^"]*"/, () => `<html lang="${head.lang}"`);
    const preload = this.html && head.path ? preloadTags(this.routes, head.path) : '';
    const noscript = noscriptTags(this.texts, head.path ?? '/', head.appeal);
    const tags = [preload, head.tags, noscript.head].filter(Boolean).join('\n    ');
    html = html.replace('</head>', () => `    ${tags}\n  </head>`);
    return html.replace('</body>', () => `${noscript.body}\n  </body>`);
  }
}
