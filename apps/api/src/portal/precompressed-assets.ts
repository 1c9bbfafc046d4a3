import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { existsSync, readdirSync } from 'node:fs';
import { extname } from 'node:path';

/** Hashed file names never change content: browsers and CDNs keep them for a year. */
export const ASSET_CACHE = { immutable: true, maxAge: '365d' } as const;

/** The encodings a client accepts (`Accept-Encoding`), without the ones it refuses with q=0. */
function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name && (q === undefined || Number(q) > 0)) accepted.add(name);
  }
  return accepted;
}

/**
 * Serves a hashed asset's `.br` or `.gz` twin, which the portal's build writes at strengths no server could
 * afford per request (brotli 11: the framework chunk is about 12% smaller than gzip on the wire). Brotli
 * when the client takes it, gzip otherwise; anything else (no twin, identity) falls through to the plain
 * static handler. The set of files is read once: assets only change with a deployment, which restarts.
 */
export function precompressedAssets(dir: string): RequestHandler {
  const files = new Set(existsSync(dir) ? readdirSync(dir) : []);
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const name = req.path.slice(1);
    if (name.includes('/') || !files.has(name)) return next();
    const accepted = acceptedEncodings(req.headers['accept-encoding']);
    const [encoding, suffix] =
      accepted.has('br') && files.has(`${name}.br`)
        ? ['br', '.br']
        : (accepted.has('gzip') || accepted.has('*')) && files.has(`${name}.gz`)
          ? ['gzip', '.gz']
          : [null, ''];
    res.vary('Accept-Encoding');
    if (!encoding) return next();
    // The type of the file itself, not of its compressed twin; the compression middleware leaves an
    // answer that already has a Content-Encoding alone.
    res.type(extname(name));
    res.setHeader('Content-Encoding', encoding);
    res.sendFile(`${name}${suffix}`, { root: dir, ...ASSET_CACHE }, (error) => {
      if (error) next(error);
    });
  };
}
