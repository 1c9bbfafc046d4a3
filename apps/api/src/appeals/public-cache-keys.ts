import type { IncomingHttpHeaders } from 'node:http';
import { channelLanguage } from './channels/channel-language';

/**
 * The cache key of each cacheable public route, in one place, so that the controllers that fill
 * the cache and the fast path that answers from it can never disagree.
 */
export const publicCacheKey = {
  list: (kind: string | undefined, q: string | undefined) =>
    `list:${kind ?? ''}:${q?.trim().toLowerCase() ?? ''}`,
  appeal: (slug: string) => `appeal:${slug}`,
  page: (lang: string, slug: string) => `page:${lang}:${slug}`,
  feed: (format: string, lang: string) => `feed:${format}:${lang}`,
  cap: (slug: string) => `cap:${slug}`,
};

/**
 * What a cache key depends on: the path, the query (as Express's default parser, node:querystring,
 * reads it) and the headers. An Express request is one; so is the fast path's raw request, parsed.
 */
export interface CacheableRequest {
  path: string;
  query: Record<string, unknown>;
  headers: IncomingHttpHeaders;
}

type Route = [RegExp, string[], (m: RegExpExecArray, req: CacheableRequest) => string];

/** Each route with the query parameters its controller accepts. */
const ROUTES: Route[] = [
  [
    /^\/api\/public\/appeals$/,
    ['kind', 'q', 'lang'],
    (_m, req) => publicCacheKey.list(req.query.kind as string, req.query.q as string),
  ],
  [/^\/api\/public\/appeals\/([^/]+)$/, [], (m) => publicCacheKey.appeal(decodeURIComponent(m[1]))],
  [
    /^\/appeals\/([^/]+)$/,
    ['lang'],
    (m, req) => publicCacheKey.page(channelLanguage(req), decodeURIComponent(m[1])),
  ],
  [
    /^\/feeds\/appeals\.(rss|atom|json)$/,
    ['lang'],
    (m, req) => publicCacheKey.feed(m[1], channelLanguage(req)),
  ],
  [/^\/feeds\/appeals\/([^/]+)\.cap\.xml$/, [], (m) => publicCacheKey.cap(decodeURIComponent(m[1]))],
];

/**
 * The key a GET request would be cached under, or null when it is not a cacheable route or carries
 * a query the controller would refuse (which must reach the controller to get its 400).
 */
export function cacheKeyOfRequest(req: CacheableRequest): string | null {
  for (const [pattern, allowed, key] of ROUTES) {
    const match = pattern.exec(req.path);
    if (!match) continue;
    const plain = Object.entries(req.query).every(([k, v]) => allowed.includes(k) && typeof v === 'string');
    if (!plain) return null;
    try {
      return key(match, req);
    } catch {
      return null; // a malformed %-escape: let the router answer it (400)
    }
  }
  return null;
}
