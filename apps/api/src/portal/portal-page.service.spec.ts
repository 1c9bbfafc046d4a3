import { preloadTags, type RoutePreloads } from './portal-page.service';

const ROUTES: RoutePreloads = {
  '/': { scripts: ['/assets/home-page-a1.js', '/assets/public-b2.js'], styles: ['/assets/home-page-c3.css'] },
  '/appeals/*': { scripts: ['/assets/appeal-page-d4.js'], styles: [] },
  '/tips/new': { scripts: ['/assets/tip-form-page-e5.js', '/assets/"><script>alert(1)</script>.js'] },
};

describe('preloadTags', () => {
  it('names the page’s chunks and stylesheets for its route', () => {
    expect(preloadTags(ROUTES, '/')).toBe(
      [
        '<link rel="stylesheet" crossorigin href="/assets/home-page-c3.css">',
        '<link rel="modulepreload" crossorigin href="/assets/home-page-a1.js">',
        '<link rel="modulepreload" crossorigin href="/assets/public-b2.js">',
      ].join('\n    '),
    );
    expect(preloadTags(ROUTES, '/appeals/missing-lea-2026')).toBe(
      '<link rel="modulepreload" crossorigin href="/assets/appeal-page-d4.js">',
    );
    expect(preloadTags(ROUTES, '/tips/new/')).toContain('tip-form-page-e5.js');
  });

  it('names nothing for other paths, and never anything but our own asset paths', () => {
    expect(preloadTags(ROUTES, '/appeals/')).toBe('');
    expect(preloadTags(ROUTES, '/appeals/a/poster')).toBe('');
    expect(preloadTags(ROUTES, '/desk/inbox')).toBe('');
    expect(preloadTags(ROUTES, '/tips/new')).not.toContain('<script');
  });
});
