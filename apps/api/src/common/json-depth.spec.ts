import { jsonDepthExceeds } from './json-depth';

describe('jsonDepthExceeds', () => {
  const nested = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);

  it('allows up to the bound, refuses past it', () => {
    expect(jsonDepthExceeds(nested(32), 32)).toBe(false);
    expect(jsonDepthExceeds(nested(33), 32)).toBe(true);
    expect(jsonDepthExceeds('['.repeat(5000) + ']'.repeat(5000), 32)).toBe(true);
  });

  it('counts siblings once, not their sum', () => {
    const body = JSON.stringify({ a: [[1], [2], [3]], b: { c: {} }, d: [[[]]] }); // d is 4 deep
    expect(jsonDepthExceeds(body, 4)).toBe(false);
    expect(jsonDepthExceeds(body, 3)).toBe(true);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonDepthExceeds(JSON.stringify({ text: '[[[[{{{{ \\" [[[[ "' }), 1)).toBe(false);
    expect(jsonDepthExceeds(JSON.stringify({ text: 'a\\', deep: [[[]]] }), 2)).toBe(true);
  });
});
