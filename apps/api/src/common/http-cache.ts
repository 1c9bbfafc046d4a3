import type { Request, Response } from 'express';

export interface Cacheable {
  body: Buffer;
  etag: string;
  lastModified: string;
  contentType: string;
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
  res.setHeader('ETag', item.etag);
  res.setHeader('Last-Modified', item.lastModified);
  res.setHeader('Cache-Control', cacheControl);
  res.setHeader('Vary', 'Accept-Encoding');
  const inm = req.headers['if-none-match'];
  const ims = req.headers['if-modified-since'];
  const notModified = inm
    ? inm.split(',').some((t) => t.trim() === item.etag || t.trim() === `W/${item.etag}`)
    : !!ims && Date.parse(ims) >= Date.parse(item.lastModified);
  if (notModified) {
    res.status(304).end();
    return;
  }
  res.setHeader('Content-Type', item.contentType);
  res.status(200).end(item.body);
}
