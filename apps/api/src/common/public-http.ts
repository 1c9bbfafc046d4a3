import { Inject, Injectable, Optional } from '@nestjs/common';
import { promises as dns, type LookupAddress } from 'node:dns';
import { createWriteStream } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isInternalHost } from './internal-address';

/** Resolves a host name to every address it has (the system resolver, or a test's). */
export type HostLookup = (hostname: string) => Promise<LookupAddress[]>;

/** Tests give their own resolver here (a name that resolves to loopback, without DNS). */
export const HOST_LOOKUP = Symbol('HOST_LOOKUP');

const systemLookup: HostLookup = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

/** The address was refused: written as, or resolving to, a loopback, private or link-local one. */
export class InternalAddressError extends Error {
  readonly code = 'EINTERNALADDRESS';
}

/**
 * A `lookup` for node's sockets that resolves the name, refuses it if ANY of its addresses is
 * internal, and hands the socket only the addresses it checked. Checking the name before the call
 * and letting the socket resolve it again would not do: a hostile DNS server answers a public
 * address to the check and 127.0.0.1 to the connection (DNS rebinding).
 */
export function publicOnlyLookup(resolve: HostLookup): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (found) => {
        if (found.some((a) => isInternalHost(a.address)))
          return callback(new InternalAddressError('The address resolves to an internal one'), '', 0);
        const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
        const usable = family === 4 || family === 6 ? found.filter((a) => a.family === family) : found;
        if (!usable.length)
          return callback(Object.assign(new Error('No usable address'), { code: 'ENOTFOUND' }), '', 0);
        if (options.all) callback(null, usable);
        else callback(null, usable[0].address, usable[0].family);
      },
      (err: NodeJS.ErrnoException) => callback(err, '', 0),
    );
  };
}

/**
 * Whether an address may be called at all: https (or http where the deployment allows it), and not
 * written as an internal address. The names it resolves to are checked when connecting.
 */
export function isPublicHttpsAddress(address: string, allowInsecure: boolean): boolean {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' && !(allowInsecure && url.protocol === 'http:')) return false;
  return allowInsecure || !isInternalHost(url.hostname);
}

export interface PublicRequest {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /** For the whole exchange: connection, request, answer. */
  timeoutMs: number;
  /** The answer's body is refused past this (0: read and dropped). */
  maxBytes: number;
  /** Plain http and internal addresses too: tests and labs only (ACTIVITYPUB_ALLOW_INSECURE). */
  allowInsecure: boolean;
}

/** What `download` asks: the answer's body to a file, within a deadline and a size. */
export interface PublicDownload {
  headers?: Record<string, string>;
  /** For the whole exchange, the body's last byte included. */
  timeoutMs: number;
  /** The body is refused past this (the Content-Length said more, or more came). */
  maxBytes: number;
  /** Plain http and internal addresses too: tests and labs only. */
  allowInsecure: boolean;
  /** Each chunk as it is written (to hash it while it streams). */
  onChunk?: (chunk: Buffer) => void;
}

/** The answer said, or sent, more than the size allowed. */
export class AnswerTooLargeError extends Error {
  readonly code = 'ETOOLARGE';
}

/** No whole answer before the deadline. */
export class AnswerTimeoutError extends Error {
  readonly code = 'ETIMEDOUT';
}

export interface PublicResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * HTTP to an address a stranger gave (an ActivityPub keyId, a follower's inbox): public https only,
 * checked where it counts, on the addresses the socket connects to (`publicOnlyLookup`), not only on
 * the name as written; no redirects followed (a 3xx is an answer like any other); a deadline; a
 * size cap on what comes back.
 */
@Injectable()
export class PublicHttp {
  private readonly lookup: LookupFunction;
  private readonly resolveOnly: LookupFunction;

  constructor(@Optional() @Inject(HOST_LOOKUP) resolve: HostLookup = systemLookup) {
    this.lookup = publicOnlyLookup(resolve);
    // Where internal addresses are allowed (tests), names still go through the same resolver.
    this.resolveOnly = (hostname, options, callback) => {
      resolve(hostname).then(
        (found) =>
          options.all ? callback(null, found) : callback(null, found[0]?.address ?? '', found[0]?.family),
        (err: NodeJS.ErrnoException) => callback(err, '', 0),
      );
    };
  }

  /**
   * A file from an address a stranger gave (a received message's photo), streamed to `path` and
   * never held in memory: the same checks as `request`. A 2xx answer's body is written; any other
   * answer is given by its status alone, its body neither read nor written. Rejects on a refused
   * address, no answer, a deadline passed or a body too large; `path` may then hold part of it.
   */
  download(
    address: string,
    req: PublicDownload,
    path: string,
  ): Promise<{ status: number; headers: IncomingHttpHeaders; size: number }> {
    if (!isPublicHttpsAddress(address, req.allowInsecure))
      return Promise.reject(new InternalAddressError('Not a public https address'));
    const url = new URL(address);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      let settled = false;
      let timedOut: Error | null = null;
      const outgoing = send(url, {
        method: 'GET',
        headers: req.headers ?? {},
        lookup: req.allowInsecure ? this.resolveOnly : this.lookup,
        agent: false,
      });
      const deadline = setTimeout(() => {
        timedOut = new AnswerTimeoutError('No whole answer in time');
        outgoing.destroy(timedOut);
      }, req.timeoutMs);
      deadline.unref();
      const fail = (err: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        outgoing.destroy();
        reject(timedOut ?? err);
      };
      const succeed = (value: { status: number; headers: IncomingHttpHeaders; size: number }) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        resolve(value);
      };
      outgoing.on('error', fail);
      outgoing.on('response', (res) => {
        const status = res.statusCode ?? 0;
        if (status < 200 || status >= 300) {
          succeed({ status, headers: res.headers, size: 0 });
          outgoing.destroy();
          return;
        }
        if (Number(res.headers['content-length'] ?? 0) > req.maxBytes)
          return fail(new AnswerTooLargeError('The answer is too large'));
        let size = 0;
        const meter = new Transform({
          transform(chunk: Buffer, _encoding, done) {
            size += chunk.length;
            if (size > req.maxBytes) return done(new AnswerTooLargeError('The answer is too large'));
            req.onChunk?.(chunk);
            done(null, chunk);
          },
        });
        pipeline(res, meter, createWriteStream(path)).then(
          () => succeed({ status, headers: res.headers, size }),
          (err: Error) => fail(err),
        );
      });
      outgoing.end();
    });
  }

  request(address: string, req: PublicRequest): Promise<PublicResponse> {
    if (!isPublicHttpsAddress(address, req.allowInsecure))
      return Promise.reject(new InternalAddressError('Not a public https address'));
    const url = new URL(address);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const headers = { ...req.headers };
    if (req.body !== undefined) headers['content-length'] = String(Buffer.byteLength(req.body));
    return new Promise<PublicResponse>((resolve, reject) => {
      const outgoing = send(url, {
        method: req.method,
        headers,
        lookup: req.allowInsecure ? this.resolveOnly : this.lookup,
        // A fresh connection each time: a pooled one would skip the check of today's addresses.
        agent: false,
      });
      const deadline = setTimeout(
        () => outgoing.destroy(Object.assign(new Error('No answer in time'), { name: 'TimeoutError' })),
        req.timeoutMs,
      );
      deadline.unref();
      const fail = (err: Error) => {
        clearTimeout(deadline);
        reject(err);
      };
      outgoing.on('error', fail);
      outgoing.on('response', (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (req.maxBytes === 0) return;
          if (size > req.maxBytes) return res.destroy(new Error('The answer is too large'));
          chunks.push(chunk);
        });
        res.on('error', fail);
        res.on('close', () => {
          if (!res.complete) fail(new Error('The answer was cut off'));
        });
        res.on('end', () => {
          clearTimeout(deadline);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
        });
      });
      outgoing.end(req.body);
    });
  }
}
