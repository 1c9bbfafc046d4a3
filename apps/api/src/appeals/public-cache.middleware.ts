import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { sendCacheable } from '../common/http-cache';
import { PublicAppealCache } from './public-appeal-cache';
import { cacheKeyOfRequest } from './public-cache-keys';

/**
 * The Express-level fast path, mounted first in the Express chain (after the security headers): a
 * public GET whose answer is already cached is sent straight from memory, before routing, guards,
 * validation and request logging. Most hits never get here (answerCachedBeforeExpress answers them
 * before Express); this one answers those it leaves to Express, pages that carry Onion-Location.
 * Everything else falls through to the controllers.
 */
export function publicCacheFastPath(cache: PublicAppealCache): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const key = cacheKeyOfRequest(req);
    const hit = key ? cache.peek(key) : undefined;
    if (!hit) return next();
    sendCacheable(req, res, hit);
  };
}
