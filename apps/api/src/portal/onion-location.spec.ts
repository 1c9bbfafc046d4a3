import type { Request, Response } from 'express';
import { onionLocation } from './onion-location';

const ONION = 'http://vigiezzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz.onion';

function headerFor(
  method: string,
  originalUrl: string,
  hostname = 'vigie.police.example',
): string | undefined {
  const headers: Record<string, string> = {};
  const req = { method, originalUrl, path: originalUrl.split('?')[0], hostname } as Request;
  const res = { setHeader: (name: string, value: string) => (headers[name] = value) } as unknown as Response;
  let passed = false;
  onionLocation(`${ONION}/`)(req, res, () => (passed = true));
  expect(passed).toBe(true);
  return headers['Onion-Location'];
}

describe('onionLocation', () => {
  it('points each page to the same page on the onion address', () => {
    expect(headerFor('GET', '/basic/tips/new?lang=en')).toBe(`${ONION}/basic/tips/new?lang=en`);
    expect(headerFor('GET', '/appeals/missing-lea')).toBe(`${ONION}/appeals/missing-lea`);
  });

  it('says nothing on the API, files, form posts, or to a visitor already on the onion address', () => {
    expect(headerFor('GET', '/api/public/appeals')).toBeUndefined();
    expect(headerFor('GET', '/assets/app-1.js')).toBeUndefined();
    expect(headerFor('POST', '/basic/tips/new')).toBeUndefined();
    expect(headerFor('GET', '/', 'vigiezzzz.onion')).toBeUndefined();
  });
});
