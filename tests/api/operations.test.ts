import { startTestApp, TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('operations', () => {
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
