import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppealKind } from '@vigie/common';
import type { Express } from 'express';
import { request as httpRequest } from 'node:http';
import { createApp } from '../../apps/api/src/app.factory';
import { PublicAppealCache } from '../../apps/api/src/appeals/public-appeal-cache';
import { AppConfig } from '../../apps/api/src/config/app-config';
import { loadEnvironment } from '../../apps/api/src/config/environment';
import { ApiClient } from '../support/api-client';
import { appealBody, publishedAppeal } from '../support/appeal-factory';
import { DEMO_PASSWORD } from '../support/constants';
import { startTestApp, TestApp } from '../support/test-app';

// Cached public answers are sent by the HTTP server's own request listener, before Express
// (apps/api/src/appeals/public-cache.before-express.ts). These tests hold that answer to the one
// the controllers send through the whole framework: the same status, headers and bytes.

interface RawAnswer {
  status: number;
  /** [name as sent, value], without the two that differ on every request by nature. */
  headers: [string, string][];
  body: Buffer;
}

/** One request over its own connection, read as it came: header spelling and body bytes untouched. */
function raw(baseUrl: string, method: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<RawAnswer>((resolve, reject) => {
    const req = httpRequest(baseUrl + path, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const pairs: [string, string][] = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2)
          pairs.push([res.rawHeaders[i], res.rawHeaders[i + 1]]);
        resolve({
          status: res.statusCode!,
          // Date is the clock's; X-Request-Id names the log line of a request that went through
          // request logging, which a cached public read never writes.
          headers: pairs
            .filter(([name]) => !/^(date|x-request-id)$/i.test(name))
            .sort(([a], [b]) => a.toLowerCase().localeCompare(b.toLowerCase())),
          body: Buffer.concat(chunks),
        });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** Counts the requests that reach Express at all. */
function expressCalls(app: NestExpressApplication): { count: number } {
  const express = app.getHttpAdapter().getInstance() as Express & { handle: (...a: unknown[]) => void };
  const seen = { count: 0 };
  const handle = express.handle.bind(express);
  express.handle = (...args: unknown[]) => {
    seen.count++;
    return handle(...args);
  };
  return seen;
}

let t: TestApp;
let slug: string;
let amberSlug: string;
let reachedExpress: { count: number };

beforeAll(async () => {
  t = await startTestApp();
  const pio = await ApiClient.signedIn(t.baseUrl, 'pio@demo.test');
  const supervisor = await ApiClient.signedIn(t.baseUrl, 'supervisor@demo.test');
  slug = (await publishedAppeal(pio, supervisor, appealBody(AppealKind.WANTED))).slug;
  amberSlug = (await publishedAppeal(pio, supervisor, appealBody(AppealKind.AMBER_ALERT))).slug;
  reachedExpress = expressCalls(t.app);
});
afterAll(() => t.close());

describe('the fast path before Express', () => {
  const routes = () => [
    '/api/public/appeals',
    '/api/public/appeals?kind=WANTED',
    `/api/public/appeals/${slug}`,
    `/appeals/${slug}`,
    `/appeals/${slug}?lang=en`,
    '/feeds/appeals.rss',
    '/feeds/appeals.json?lang=en',
    `/feeds/appeals/${amberSlug}.cap.xml`, // CAP: AMBER alerts only
  ];
  const variants: [string, string, Record<string, string>][] = [
    ['GET', 'plain', {}],
    ['GET', 'brotli', { 'accept-encoding': 'gzip, deflate, br' }],
    ['GET', 'gzip', { 'accept-encoding': 'gzip' }],
    ['GET', 'English reader', { 'accept-language': 'en-CA,en;q=0.9' }],
    ['HEAD', 'HEAD', { 'accept-encoding': 'br' }],
    ['GET', 'later If-Modified-Since', { 'if-modified-since': 'Wed, 01 Jan 2031 00:00:00 GMT' }],
    ['GET', 'older If-Modified-Since', { 'if-modified-since': 'Mon, 01 Jan 2024 00:00:00 GMT' }],
  ];

  it('sends exactly what the controllers send: status, headers and bytes, for every route and variant', async () => {
    let compared = 0;
    for (const path of routes()) {
      for (const [method, , asked] of variants) {
        t.app.get(PublicAppealCache).clear();
        const before = reachedExpress.count;
        const slow = await raw(t.baseUrl, method, path, asked);
        const fast = await raw(t.baseUrl, method, path, asked);
        // The first built by the controller, the second answered before Express.
        expect({ path, method, asked, calls: reachedExpress.count - before, status: slow.status }).toEqual({
          path,
          method,
          asked,
          calls: 1,
          status: slow.status,
        });
        expect({ path, method, asked, ...fast }).toEqual({ path, method, asked, ...slow });
        expect(slow.status).toBe(asked['if-modified-since']?.includes('2031') ? 304 : 200);
        compared++;
      }
    }
    expect(compared).toBe(routes().length * variants.length);
  });

  it('answers If-None-Match with the same 304, for each encoding its own validator', async () => {
    for (const encoding of ['identity', 'br', 'gzip']) {
      const path = `/api/public/appeals/${slug}`;
      const first = await raw(t.baseUrl, 'GET', path, { 'accept-encoding': encoding });
      const etag = first.headers.find(([n]) => n.toLowerCase() === 'etag')![1];
      t.app.get(PublicAppealCache).clear();
      const ask = { 'accept-encoding': encoding, 'if-none-match': `"other", ${etag}` };
      const before = reachedExpress.count;
      const slow = await raw(t.baseUrl, 'GET', path, ask);
      const fast = await raw(t.baseUrl, 'GET', path, ask);
      expect(reachedExpress.count).toBe(before + 1);
      expect(slow.status).toBe(304);
      expect(fast).toEqual(slow);
      expect(fast.body.length).toBe(0);
    }
  });

  it('carries the security headers and the cache rules on a fast answer', async () => {
    const path = `/appeals/${slug}`;
    await raw(t.baseUrl, 'GET', path);
    const before = reachedExpress.count;
    const fast = await raw(t.baseUrl, 'GET', path);
    expect(reachedExpress.count).toBe(before);
    const header = (name: string) => fast.headers.find(([n]) => n.toLowerCase() === name)?.[1];
    expect(header('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(header('x-content-type-options')).toBe('nosniff');
    expect(header('cache-control')).toBe(
      'public, max-age=0, must-revalidate, s-maxage=5, stale-while-revalidate=30',
    );
    expect(header('vary')).toBe('Accept-Encoding, Accept-Language');
    expect(header('x-powered-by')).toBeUndefined();
  });

  it('leaves to Express what it must refuse or does not cache', async () => {
    const statuses: number[] = [];
    for (const path of [
      '/api/public/appeals?kind=NOT_A_KIND', // the controller's 400
      '/api/public/appeals?kind=WANTED&kind=MISSING_PERSON',
      '/api/public/appeals?unknown=1',
      '/api/public/appeals/no-such-appeal', // a 404 is never cached
      `/api/public/appeals/${slug}?x=1`, // ignored by the controller; the fast path keeps to what it knows
    ]) {
      const before = reachedExpress.count;
      const first = await raw(t.baseUrl, 'GET', path);
      const second = await raw(t.baseUrl, 'GET', path);
      expect({ path, calls: reachedExpress.count - before }).toEqual({ path, calls: 2 });
      expect(second.status).toBe(first.status);
      statuses.push(first.status);
    }
    expect(statuses).toEqual([400, 400, 400, 404, 200]);
    // Not a read: a POST on a cached path still goes to the router (and its 404).
    await raw(t.baseUrl, 'GET', '/api/public/appeals');
    const before = reachedExpress.count;
    expect((await raw(t.baseUrl, 'POST', '/api/public/appeals')).status).toBe(404);
    expect(reachedExpress.count).toBe(before + 1);
  });
});

describe('the fast path in another API process', () => {
  const ONION = `http://vigie${'z'.repeat(51)}.onion`;
  let other: NestExpressApplication;
  let otherUrl: string;

  beforeAll(async () => {
    // A second process of the same deployment (the same database, its own LISTEN connection),
    // this one also reachable as an onion service.
    const env = loadEnvironment({
      DATA_DIR: t.dataDir,
      DEMO_PASSWORD,
      LOG_LEVEL: 'silent',
      WORKERS: '0',
      ONION_URL: ONION,
    });
    other = await createApp(new AppConfig(env, t.databaseUrl, Buffer.alloc(32, 7)));
    await other.listen(0, '127.0.0.1');
    otherUrl = `http://127.0.0.1:${(other.getHttpServer().address() as { port: number }).port}`;
  });
  afterAll(() => other.close());

  it('stops answering from its cache as soon as a change is published from the first process', async () => {
    const otherExpress = expressCalls(other);
    const titles = async () =>
      JSON.parse((await raw(otherUrl, 'GET', '/api/public/appeals')).body.toString()).items.map(
        (a: { title: { en: string } }) => a.title.en,
      ) as string[];
    await titles();
    const before = otherExpress.count;
    const cached = await titles();
    expect(otherExpress.count).toBe(before); // served before Express, from its cache

    const pio = await ApiClient.signedIn(t.baseUrl, 'pio@demo.test');
    const supervisor = await ApiClient.signedIn(t.baseUrl, 'supervisor@demo.test');
    const title = { fr: 'Recherché : le conducteur du camion rouge', en: 'Wanted: the red truck driver' };
    await publishedAppeal(pio, supervisor, appealBody(AppealKind.WANTED, { title }));
    expect(cached).not.toContain(title.en);

    // The NOTIFY reaches the other process shortly after the commit; until then it may still
    // answer the list it had, never anything else.
    let seen = cached;
    for (let i = 0; i < 100 && !seen.includes(title.en); i++) {
      await new Promise((r) => setTimeout(r, 100));
      seen = await titles();
      if (!seen.includes(title.en)) expect(seen).toEqual(cached);
    }
    expect(seen).toContain(title.en);
    expect(seen.length).toBe(cached.length + 1);
  });

  it('leaves pages to Express when Onion-Location depends on the request, and still answers from the cache there', async () => {
    const path = `/appeals/${slug}?lang=en`;
    const first = await raw(otherUrl, 'GET', path);
    const second = await raw(otherUrl, 'GET', path);
    expect(first).toEqual(second);
    expect(second.headers).toContainEqual(['Onion-Location', `${ONION}${path}`]);
    // A JSON read is no page: it still leaves before Express.
    const otherExpress = expressCalls(other);
    await raw(otherUrl, 'GET', `/api/public/appeals/${slug}`);
    const before = otherExpress.count;
    await raw(otherUrl, 'GET', `/api/public/appeals/${slug}`);
    expect(otherExpress.count).toBe(before);
  });
});
