import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** Paths that are not pages: Tor Browser reads Onion-Location only on a page's top-level navigation. */
const NOT_A_PAGE = /^\/(api|assets|media|feeds)(\/|$)/;

/** Whether Onion-Location would be sent for this path (the fast path leaves those to Express). */
export const isPagePath = (path: string): boolean => !NOT_A_PAGE.test(path);

/**
 * Tells Tor Browser that the same page is served as an onion service (`ONION_URL`): it offers the
 * visitor the `.onion` address, where the connection never leaves Tor. Only on pages, only over the
 * clearnet (a visitor already on the onion address needs no hint). See docs/security.md.
 */
export function onionLocation(onionUrl: string): RequestHandler {
  const base = onionUrl.replace(/\/+$/, '');
  return (req: Request, res: Response, next: NextFunction) => {
    if (
      (req.method === 'GET' || req.method === 'HEAD') &&
      isPagePath(req.path) &&
      !req.hostname.endsWith('.onion')
    )
      res.setHeader('Onion-Location', `${base}${req.originalUrl}`);
    next();
  };
}
