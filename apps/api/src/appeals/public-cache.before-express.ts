import type { Request, RequestHandler, Response } from 'express';
import { IncomingMessage, type RequestListener, type Server, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { parse as parseQuery } from 'node:querystring';
import { cacheableAnswer } from '../common/http-cache';
import { PublicAppealCache } from './public-appeal-cache';
import { cacheKeyOfRequest } from './public-cache-keys';

export interface BeforeExpressOptions {
  /** Headers every response carries whatever the request (the security headers): see fixedHeadersOf. */
  fixedHeaders: [string, string][];
  /** Leave these paths to Express (pages, when Onion-Location depends on each request's host). */
  leaveToExpress?: (path: string) => boolean;
}

/**
 * The surge path, nearest the metal: the HTTP server's request listener answers a public GET or
 * HEAD whose answer is cached straight from memory, before Express builds its request and runs the
 * middleware chain (security headers, cookie and body parsers, compression, routing, Nest's guards
 * and pipes, request logging). Each of those either did its work when the entry was built (the
 * controller validated the query; a request it would refuse has no entry), or has nothing to do for
 * a cached public answer: the headers it would set are the fixed security headers, sent here as
 * they are, and a public read is never logged (no address, nothing at all). Anything else (a miss,
 * another route, a query the controller would refuse) goes to Express unchanged, whose own
 * fast path (publicCacheFastPath) and the controllers answer it exactly as before.
 */
export function answerCachedBeforeExpress(
  server: Server,
  cache: PublicAppealCache,
  options: BeforeExpressOptions,
): void {
  const listeners = server.listeners('request') as RequestListener[];
  if (listeners.length !== 1)
    throw new Error(`expected Express alone on the server, found ${listeners.length}`);
  const [express] = listeners;
  const fixed = options.fixedHeaders.flat();

  const answered = (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const url = req.url ?? '';
    const mark = url.indexOf('?');
    const path = mark < 0 ? url : url.slice(0, mark);
    if (options.leaveToExpress?.(path)) return false;
    // node:querystring is Express's default query parser: a repeated parameter is an array here
    // as there, and the key function refuses it the same way.
    const query = mark < 0 ? {} : parseQuery(url.slice(mark + 1));
    const key = cacheKeyOfRequest({ path, query, headers: req.headers });
    const hit = key ? cache.peek(key) : undefined;
    if (!hit) return false;
    const answer = cacheableAnswer(req.headers, hit);
    res.writeHead(answer.status, [...fixed, ...answer.headers.flat()]);
    res.end(answer.body);
    return true;
  };

  server.removeListener('request', express);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!answered(req, res)) express(req, res);
  });
}

/**
 * The headers a middleware sets on every response whatever the request (helmet's), read once by
 * running it on a throwaway request and response, in the order and spelling it sets them.
 */
export function fixedHeadersOf(middleware: RequestHandler): [string, string][] {
  const req = new IncomingMessage(new Socket());
  req.method = 'GET';
  req.url = '/';
  const res = new ServerResponse(req);
  const spelling = new Map<string, string>();
  const setHeader = res.setHeader.bind(res);
  res.setHeader = (name, value) => (spelling.set(name.toLowerCase(), name), setHeader(name, value));
  let passedOn = false;
  middleware(req as Request, res as unknown as Response, () => (passedOn = true));
  if (!passedOn) throw new Error('the middleware did not pass the request on at once');
  return res.getHeaderNames().map((name) => [spelling.get(name) ?? name, String(res.getHeader(name))]);
}
