import { CSRF_COOKIE, CSRF_HEADER } from '@vigie/common';
import { ApiError, apiErrorFrom, NETWORK_ERROR } from './api-error';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const SAFE_METHODS: ReadonlySet<Method> = new Set(['GET']);

/** The value of one cookie readable by script (the CSRF cookie is; the session cookie is httpOnly). */
export function readCookie(name: string, cookies = document.cookie): string | undefined {
  for (const part of cookies.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Extra headers, e.g. a tipster's `authorization: Bearer <follow-up token>`. */
  headers?: Record<string, string>;
  /**
   * `omit` for a tipster's requests: a staff cookie set in the same browser has no business travelling
   * with an anonymous tip.
   */
  credentials?: RequestCredentials;
}

/**
 * One JSON request to our own API. Cookies travel only to our origin; every mutation echoes the CSRF
 * cookie in the header the API checks (double submit). Resolves with the parsed body, or undefined for 204.
 */
export async function apiRequest<T>(
  method: Method,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (!SAFE_METHODS.has(method) && options.credentials !== 'omit') {
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) headers[CSRF_HEADER] = csrf;
  }

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: options.credentials ?? 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError({ statusCode: 0, code: NETWORK_ERROR, message: String(error) });
  }

  const payload = await readJson(response);
  if (!response.ok) throw apiErrorFrom(response.status, response.statusText, payload);
  return payload as T;
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined;
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => apiRequest<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    apiRequest<T>('POST', path, body, options),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    apiRequest<T>('PUT', path, body, options),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    apiRequest<T>('PATCH', path, body, options),
  delete: <T>(path: string, options?: RequestOptions) => apiRequest<T>('DELETE', path, undefined, options),
};
