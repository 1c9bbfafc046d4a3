import type { Request, Response } from 'express';
import type { IncomingHttpHeaders } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface Cacheable {
  body: Buffer;
  etag: string;
  lastModified: string;
  contentType: string;
  /** Request headers the body depends on besides Accept-Encoding (e.g. Accept-Language). */
  vary?: string;
  /** Compressed once when the entry is built, so a surge costs no compression at all. */
  br?: Buffer;
  gzip?: Buffer;
}

const COMPRESSIBLE = /^(application\/(json|feed\+json|rss\+xml|atom\+xml|cap\+xml)|text\/)/;

/** Adds the compressed forms of a text body worth compressing. */
export function withCompressedForms(item: Cacheable): Cacheable {
  if (item.body.length < 1024 || !COMPRESSIBLE.test(item.contentType)) return item;
  return {
    ...item,
    br: brotliCompressSync(item.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }),
    gzip: gzipSync(item.body, { level: 9 }),
  };
}

/**
 * Public, cache-friendly answer: browsers and CDNs revalidate with If-None-Match or
 * If-Modified-Since and get a body-less 304 when nothing changed. `sharedMaxAge` lets a CDN
 * answer a surge alone for a few seconds without ever being more stale than that.
 */
export const PUBLIC_CACHE_CONTROL =
  'public, max-age=0, must-revalidate, s-maxage=5, stale-while-revalidate=30';

export function sendCacheable(
  req: Request,
  res: Response,
  item: Cacheable,
  cacheControl = PUBLIC_CACHE_CONTROL,
): void {
  const answer = cacheableAnswer(req.headers, item, cacheControl);
  for (const [name, value] of answer.headers) res.setHeader(name, value);
  res.status(answer.status).end(answer.body);
}

export interface CacheableAnswer {
  status: 200 | 304;
  /** In the order they are sent. */
  headers: [string, string][];
  body?: Buffer;
}

/**
 * What to send for `item` to a request with these headers: the representation its Accept-Encoding
 * takes, or a body-less 304 when its If-None-Match or If-Modified-Since still holds. One function
 * for the controllers and the fast path before Express, so both always answer the same.
 */
export function cacheableAnswer(
  requestHeaders: IncomingHttpHeaders,
  item: Cacheable,
  cacheControl = PUBLIC_CACHE_CONTROL,
): CacheableAnswer {
  const accepted = String(requestHeaders['accept-encoding'] ?? '');
  const encoding =
    item.br && /\bbr\b/.test(accepted) ? 'br' : item.gzip && /\bgzip\b/.test(accepted) ? 'gzip' : null;
  // Each encoding is its own representation, with its own validator.
  const etag = encoding ? item.etag.replace(/"$/, `-${encoding}"`) : item.etag;
  const headers: [string, string][] = [
    ['ETag', etag],
    ['Last-Modified', item.lastModified],
    ['Cache-Control', cacheControl],
    ['Vary', item.vary ? `Accept-Encoding, ${item.vary}` : 'Accept-Encoding'],
  ];
  const inm = requestHeaders['if-none-match'];
  const ims = requestHeaders['if-modified-since'];
  const notModified = inm
    ? inm.split(',').some((t) => [etag, `W/${etag}`].includes(t.trim()))
    : !!ims && Date.parse(ims) >= Date.parse(item.lastModified);
  if (notModified) return { status: 304, headers };
  const body = encoding ? item[encoding]! : item.body;
  headers.push(['Content-Type', item.contentType]);
  if (encoding) headers.push(['Content-Encoding', encoding]);
  // Said outright: left to Node, a length is lost when a later middleware (compression, passing
  // the body on untouched) sends the headers first, and the answer goes out chunked; and a HEAD
  // says how long the GET would be.
  headers.push(['Content-Length', String(body.length)]);
  return { status: 200, headers, body };
}
