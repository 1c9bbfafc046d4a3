import { SocialNetworkError, type SocialNetworkName } from './social-network';

/**
 * One HTTP call to a network's API, the way every client here needs it: a deadline, and every
 * failure turned into a `SocialNetworkError` that says whether a retry can help. A retry helps
 * when the network is overloaded or rate-limits us (429, 5xx), when it does not answer in time,
 * or when the connection fails; it cannot help a refused token or a rejected post (other 4xx).
 * Messages carry the network's own explanation, never the URL or the token.
 */

export interface NetworkResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

export interface NetworkRequest {
  network: SocialNetworkName;
  url: string;
  method: 'GET' | 'POST' | 'DELETE';
  /** The bearer token; null for a call that authenticates otherwise (an OAuth token endpoint). */
  token: string | null;
  /** A JSON body, a multipart form (sent as is), or an urlencoded form (OAuth). */
  json?: unknown;
  form?: FormData;
  urlencoded?: URLSearchParams;
  timeoutMs: number;
  /** The network's explanation of a refusal, read from its error body. */
  explain: (body: unknown) => string | null;
  /** Networks that say "rate limited" with a 400/403 (Facebook) tell it here. */
  isTransient?: (status: number, body: unknown) => boolean;
  /** When a 429 carries no Retry-After, how the network says when to come back (X's reset time). */
  retryAfterFrom?: (headers: Headers) => number | null;
}

export async function requestNetwork(request: NetworkRequest): Promise<NetworkResponse> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (request.token !== null) headers.authorization = `Bearer ${request.token}`;
  let body: string | FormData | URLSearchParams | undefined;
  if (request.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(request.json);
  } else if (request.form) {
    body = request.form;
  } else if (request.urlencoded) {
    body = request.urlencoded;
  }
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers,
      body,
      signal: AbortSignal.timeout(request.timeoutMs),
      redirect: 'error',
    });
  } catch (error) {
    // fetch rejects a deadline with a DOMException, which is not an Error in every realm (Jest's).
    const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
    const timedOut = name === 'TimeoutError' || name === 'AbortError';
    throw new SocialNetworkError(
      request.network,
      null,
      true,
      timedOut ? `no answer within ${request.timeoutMs} ms` : 'the network could not be reached',
    );
  }
  const parsed = await readBody(response, request.timeoutMs);
  if (response.ok) return { status: response.status, headers: response.headers, body: parsed };

  const explanation = request.explain(parsed) ?? `answered ${response.status}`;
  const transient =
    response.status === 429 ||
    response.status >= 500 ||
    response.status === 408 ||
    (request.isTransient?.(response.status, parsed) ?? false);
  const retryAfter = transient
    ? (retryAfterSeconds(response.headers) ?? request.retryAfterFrom?.(response.headers) ?? null)
    : null;
  throw new SocialNetworkError(request.network, response.status, transient, explanation, retryAfter);
}

async function readBody(response: Response, timeoutMs: number): Promise<unknown> {
  const text = await Promise.race([
    response.text(),
    new Promise<string>((resolve) => setTimeout(() => resolve(''), timeoutMs).unref()),
  ]);
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // An HTML error page from a proxy in front of the API: the status says what happened.
    return null;
  }
}

/**
 * Retry-After is either seconds or an HTTP date (RFC 9110 §10.2.3). A date is read against the
 * network's own Date header, not our clock, so a skewed clock on either side does not matter.
 */
function retryAfterSeconds(headers: Headers): number | null {
  const value = headers.get('retry-after')?.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) return Number(value);
  const at = Date.parse(value);
  const sent = Date.parse(headers.get('date') ?? '');
  if (Number.isNaN(at) || Number.isNaN(sent)) return null;
  return Math.max(0, Math.ceil((at - sent) / 1000));
}

/** Reads a field of an untyped JSON object without trusting its shape. */
export function field(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

export function stringField(value: unknown, ...path: string[]): string | null {
  const found = field(value, ...path);
  return typeof found === 'string' ? found : typeof found === 'number' ? String(found) : null;
}

export function arrayField(value: unknown, ...path: string[]): unknown[] {
  const found = field(value, ...path);
  return Array.isArray(found) ? found : [];
}
