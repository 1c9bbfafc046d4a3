import { preloadTags, type RoutePreloads } from './portal-page.service';

const ROUTES: RoutePreloads = {
  '/': { scripts: ['/assets/home-page-a1.js', '/assets/public-b2.js'], styles: ['/assets/home-page-c3.css'] },
  '/appeals/*': { scripts: ['/assets/appeal-page-d4.js'], styles: [] },
  '/tips/new': { scripts: ['/assets/tip-form-page-e5.js', '/assets/"><script>alert(1)</script>.js'] },
  '/desk/activate/*': { scripts: ['/assets/activation-page-g7.js'] },
  '/desk/**': { scripts: ['/assets/desk-app-f6.js'] },
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

  it('names the desk’s code for the desk and every page under it, the first matching route winning', () => {
    for (const path of ['/desk', '/desk/', '/desk/tips/9f0c/history', '/desk/cases'])
      expect(preloadTags(ROUTES, path)).toBe(
        '<link rel="modulepreload" crossorigin href="/assets/desk-app-f6.js">',
      );
    expect(preloadTags(ROUTES, '/desk/activate/abc')).toContain('activation-page-g7.js');
    expect(preloadTags(ROUTES, '/desk/activate/abc')).not.toContain('desk-app');
  });

  it('names nothing for other paths, and never anything but our own asset paths', () => {
    expect(preloadTags(ROUTES, '/appeals/')).toBe('');
    expect(preloadTags(ROUTES, '/appeals/a/poster')).toBe('');
    expect(preloadTags(ROUTES, '/desks')).toBe('');
    expect(preloadTags(ROUTES, '/tips/new')).not.toContain('<script');
  });
});
