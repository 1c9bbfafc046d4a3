import { connect, Socket } from 'node:net';
import { startTestApp, TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('operations', () => {
  it('keeps an idle keep-alive connection past 5 s, so a client reusing it is not reset', async () => {
    // Node's default closes it at 5 s; a client sending on it at that instant gets ECONNRESET.
    const { port } = new URL(t.baseUrl);
    const socket = connect(Number(port), '127.0.0.1');
    const request = 'GET /api/health HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n';
    socket.write(request);
    expect(await nextResponse(socket)).toMatch(/^HTTP\/1\.1 200 .*Keep-Alive: timeout=65/s);
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect(socket.destroyed || socket.readyState !== 'open').toBe(false);
    socket.write(request);
    expect(await nextResponse(socket)).toMatch(/^HTTP\/1\.1 200 /);
    socket.destroy();
  }, 20_000);

  it('reports health of the database and the disk', async () => {
    const res = await fetch(`${t.baseUrl}/api/health`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).details).toMatchObject({
      database: { status: 'up' },
      disk: { status: 'up' },
    });
  });

  it('serves the OpenAPI description', async () => {
    const res = await fetch(`${t.baseUrl}/api/docs-json`);
    expect(res.status).toBe(200);
    const doc: any = await res.json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/auth/me', '/api/health']),
    );
  });

  it('sends a strict Content-Security-Policy and a correlation id on every response', async () => {
    const res = await fetch(`${t.baseUrl}/api/auth/me`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('sends HSTS only when served over HTTPS (an https PUBLIC_URL, or COOKIE_SECURE)', async () => {
    // Over plain HTTP (a laptop, a test), HSTS would only teach a browser to refuse the site.
    expect((await fetch(`${t.baseUrl}/api/health`)).headers.get('strict-transport-security')).toBeNull();
    const served: Record<string, string>[] = [
      { PUBLIC_URL: 'https://vigie.example.org' },
      { COOKIE_SECURE: 'true' },
    ];
    for (const env of served) {
      const https = await startTestApp(env);
      try {
        const hsts = (await fetch(`${https.baseUrl}/api/health`)).headers.get('strict-transport-security');
        expect(hsts).toMatch(/^max-age=31536000; includeSubDomains/);
      } finally {
        await https.close();
      }
    }
  });
});

/** The next complete response on a raw connection (headers and a Content-Length body), or why not. */
function nextResponse(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      const length = Number(/content-length: (\d+)/i.exec(text)?.[1] ?? NaN);
      if (end >= 0 && text.length >= end + 4 + length) done(() => resolve(text));
    };
    const onEnd = () => done(() => reject(new Error(`connection closed by the server: ${text}`)));
    const done = (settle: () => void) => {
      socket.off('data', onData).off('end', onEnd).off('error', onEnd);
      settle();
    };
    socket.on('data', onData).on('end', onEnd).on('error', onEnd);
  });
}
