import { chunk, closure, gzippedBytes, initialChunks } from '../support/bundle';

/**
 * The phone budget: the JavaScript of public routes stays under 150 KB gzipped, and the staff
 * desk never ships to the public. Run on the built portal, so a regression fails `npm test`.
 */
const KB = 1024;

it('keeps the home page and appeal page under 130 KB of gzipped JavaScript', () => {
  const initial = closure(initialChunks());
  const size = gzippedBytes(initial);
  console.log(`public initial JS: ${(size / KB).toFixed(1)} KB gzipped (${[...initial].join(', ')})`);
  expect(size).toBeLessThanOrEqual(130 * KB);
});

it('keeps the tip form route under 150 KB of gzipped JavaScript', () => {
  const files = closure([...initialChunks(), chunk('tip-form-page')]);
  const size = gzippedBytes(files);
  console.log(`tip form JS: ${(size / KB).toFixed(1)} KB gzipped`);
  expect(size).toBeLessThanOrEqual(150 * KB);
});

it('never puts desk code in the public chunks', () => {
  const publicFiles = closure([...initialChunks(), chunk('tip-form-page')]);
  for (const desk of ['desk-app', 'desk-catalogue'])
    expect([...publicFiles].some((f) => f.startsWith(`${desk}-`))).toBe(false);
});
