import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { requestNetwork } from './network-request';
import { SocialNetworkError } from './social-network';

/** How any network's refusal becomes a SocialNetworkError, against a real local HTTP server. */
describe('requestNetwork', () => {
  let server: Server;
  let answer: (res: import('node:http').ServerResponse) => void;

  beforeAll(async () => {
    server = createServer((_req, res) => answer(res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const call = (port = (server.address() as AddressInfo).port) =>
    requestNetwork({
      network: 'MASTODON',
      url: `http://127.0.0.1:${port}/api/v1/statuses`,
      method: 'POST',
      token: 'secret-token',
      json: { status: 'x' },
      timeoutMs: 2000,
      explain: (body) => (typeof body === 'object' && body && 'error' in body ? String(body.error) : null),
    }).then(
      () => new Error('accepted'),
      (error: unknown) => error as SocialNetworkError,
    );

  it('reads a 429 Retry-After given in seconds', async () => {
    answer = (res) => res.writeHead(429, { 'retry-after': '120' }).end('{"error":"Too many requests"}');
    const error = await call();
    expect(error).toMatchObject({ status: 429, retryable: true, retryAfterSeconds: 120 });
    expect(error.message).toBe('Too many requests');
  });

  it("reads a Retry-After given as a date against the network's own Date header", async () => {
    answer = (res) =>
      res
        .writeHead(503, {
          date: 'Mon, 07 Dec 2026 13:00:00 GMT',
          'retry-after': 'Mon, 07 Dec 2026 13:01:30 GMT',
        })
        .end('<html>down</html>');
    const error = await call();
    expect(error).toMatchObject({ status: 503, retryable: true, retryAfterSeconds: 90 });
    expect(error.message).toBe('answered 503');
  });

  it('takes a 4xx as final and a refused connection as worth a retry, naming neither URL nor token', async () => {
    answer = (res) =>
      res.writeHead(422, { 'content-type': 'application/json' }).end('{"error":"Validation failed"}');
    const refused = await call();
    expect(refused).toMatchObject({ status: 422, retryable: false, retryAfterSeconds: null });

    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const unreachable = await call(port);
    expect(unreachable).toMatchObject({ status: null, retryable: true });
    expect(unreachable.message).toBe('the network could not be reached');
    for (const error of [refused, unreachable]) {
      expect(error.message).not.toContain('secret-token');
      expect(error.message).not.toContain('127.0.0.1');
    }
  });
});
