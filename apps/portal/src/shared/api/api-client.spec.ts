import { CSRF_COOKIE, CSRF_HEADER } from '@vigie/common';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, readCookie } from './api-client';
import { ApiError } from './api-error';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

describe('api client', () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    document.cookie = `${CSRF_COOKIE}=csrf-abc123; path=/`;
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
    document.cookie = `${CSRF_COOKIE}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  });

  const sentHeaders = (call = 0) => fetchMock.mock.calls[call][1]?.headers as Record<string, string>;

  it('echoes the CSRF cookie in x-csrf-token on a mutation, with same-origin credentials and JSON', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, { ok: true }));
    await expect(api.post('/api/auth/login', { email: 'a@b.c' })).resolves.toEqual({ ok: true });
    const [path, init] = fetchMock.mock.calls[0];
    expect(path).toBe('/api/auth/login');
    expect(init?.method).toBe('POST');
    expect(init?.credentials).toBe('same-origin');
    expect(init?.body).toBe('{"email":"a@b.c"}');
    expect(sentHeaders()[CSRF_HEADER]).toBe('csrf-abc123');
    expect(sentHeaders()['content-type']).toBe('application/json');
  });

  it('sends no CSRF header on a GET', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, { items: [] }));
    await api.get('/api/public/appeals');
    expect(sentHeaders()).not.toHaveProperty(CSRF_HEADER);
    expect(sentHeaders()).not.toHaveProperty('content-type');
  });

  it('sends no CSRF header when there is no CSRF cookie (signed out)', async () => {
    document.cookie = `${CSRF_COOKIE}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
    await expect(api.post('/api/auth/logout')).resolves.toBeUndefined();
    expect(sentHeaders()).not.toHaveProperty(CSRF_HEADER);
  });

  it('turns an API error body into a typed ApiError with its field errors', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(400, {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'Some fields are not valid',
        errors: { email: 'Enter a valid e-mail address' },
      }),
    );
    const error = await api.post('/api/auth/login', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'Some fields are not valid',
      errors: { email: 'Enter a valid e-mail address' },
    });
  });

  it('keeps what a refusal adds beyond the standard fields, apart from them', async () => {
    const current = { version: 7, status: 'IN_REVIEW' };
    fetchMock.mockResolvedValue(
      jsonResponse(409, { statusCode: 409, code: 'STALE_VERSION', message: 'Changed', current }),
    );
    const error = (await api.patch('/api/tips/x', {}).catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('STALE_VERSION');
    expect(error.details).toEqual({ current });
  });

  it('keeps the correlation id of a server error', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(500, { statusCode: 500, code: 'INTERNAL', message: 'Oops', correlationId: 'req-42' }),
    );
    await expect(api.get('/api/auth/me')).rejects.toMatchObject({
      code: 'INTERNAL',
      correlationId: 'req-42',
    });
  });

  it('maps a non-JSON error page (a proxy, a gateway) to HTTP_<status>', async () => {
    fetchMock.mockResolvedValue(
      new Response('<html>Bad gateway</html>', {
        status: 502,
        statusText: 'Bad Gateway',
        headers: { 'content-type': 'text/html' },
      }),
    );
    await expect(api.get('/api/public/appeals')).rejects.toMatchObject({
      statusCode: 502,
      code: 'HTTP_502',
      message: 'Bad Gateway',
    });
  });

  it('maps a network failure to NETWORK_ERROR with status 0', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    await expect(api.get('/api/auth/me')).rejects.toMatchObject({ statusCode: 0, code: 'NETWORK_ERROR' });
  });

  it('treats 4xx answers (but not 429) as not worth retrying', () => {
    const make = (statusCode: number) => new ApiError({ statusCode, code: 'X', message: 'x' });
    expect(make(404).isClientError).toBe(true);
    expect(make(429).isClientError).toBe(false);
    expect(make(503).isClientError).toBe(false);
  });
});

describe('readCookie', () => {
  it('finds one cookie among several and decodes it', () => {
    expect(readCookie('vigie_csrf', 'a=1; vigie_csrf=x%2By==; b=2')).toBe('x+y==');
    expect(readCookie('missing', 'a=1')).toBeUndefined();
  });
});
