import { ApiClient } from '../support/api-client';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Nothing leaves without being asked: with no MAP_TILES_URL, the Content-Security-Policy lets
 * pages load images from this deployment only (and data:/blob: previews), and the desk is told
 * there is no tile server. With one, its origin alone is added, and the desk is given it.
 */
const imgSrc = (csp: string | null) => /(?:^|;)\s*img-src ([^;]*)/.exec(csp ?? '')?.[1].trim();

describe('map tiles', () => {
  let t: TestApp;
  afterEach(() => t?.close());

  it('without MAP_TILES_URL: images from this deployment only, on pages and the API alike', async () => {
    t = await startTestApp();
    for (const path of ['/', '/desk/cases', '/api/health']) {
      const res = await fetch(t.baseUrl + path);
      expect({ path, imgSrc: imgSrc(res.headers.get('content-security-policy')) }).toEqual({
        path,
        imgSrc: "'self' data: blob:",
      });
    }
    const staff = await ApiClient.signedIn(t.baseUrl, 'investigator@demo.test');
    expect((await staff.get('/api/auth/me')).body.mapTiles).toBeNull();
  });

  it('with MAP_TILES_URL: that server’s origin is added, and nothing else', async () => {
    t = await startTestApp({
      MAP_TILES_URL: 'https://{s}.tiles.agency.example/osm/{z}/{x}/{y}.png',
      MAP_TILES_ATTRIBUTION: '© OpenStreetMap contributors',
    });
    const res = await fetch(`${t.baseUrl}/desk/cases`);
    expect(imgSrc(res.headers.get('content-security-policy'))).toBe(
      "'self' data: blob: https://*.tiles.agency.example",
    );
    expect(res.headers.get('content-security-policy')).toMatch(/connect-src 'self'(;|$)/);
    const staff = await ApiClient.signedIn(t.baseUrl, 'investigator@demo.test');
    expect((await staff.get('/api/auth/me')).body.mapTiles).toEqual({
      url: 'https://{s}.tiles.agency.example/osm/{z}/{x}/{y}.png',
      attribution: '© OpenStreetMap contributors',
    });
  });
});
