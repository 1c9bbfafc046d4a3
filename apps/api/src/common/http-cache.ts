import type { Request, Response } from 'express';
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
  const accepted = String(req.headers['accept-encoding'] ?? '');
  const encoding =
    item.br && /\bbr\b/.test(accepted) ? 'br' : item.gzip && /\bgzip\b/.test(accepted) ? 'gzip' : null;
  // Each encoding is its own representation, with its own validator.
  const etag = encoding ? item.etag.replace(/"$/, `-${encoding}"`) : item.etag;
  res.setHeader('ETag', etag);
  res.setHeader('Last-Modified', item.lastModified);
  res.setHeader('Cache-Control', cacheControl);
  res.setHeader('Vary', item.vary ? `Accept-Encoding, ${item.vary}` : 'Accept-Encoding');
  const inm = req.headers['if-none-match'];
  const ims = req.headers['if-modified-since'];
  const notModified = inm
    ? inm.split(',').some((t) => [etag, `W/${etag}`].includes(t.trim()))
    : !!ims && Date.parse(ims) >= Date.parse(item.lastModified);
  if (notModified) {
    res.status(304).end();
    return;
  }
  res.setHeader('Content-Type', item.contentType);
  if (encoding) res.setHeader('Content-Encoding', encoding);
  res.status(200).end(encoding ? item[encoding] : item.body);
}
