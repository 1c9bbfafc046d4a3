import { CSRF_COOKIE, CSRF_HEADER } from '@vigie/common';
import { readCookie } from '../../shared/api/api-client';
import { apiErrorFrom, ApiError, NETWORK_ERROR } from '../../shared/api/api-error';

/**
 * A POST whose answer is a file (a sealed original, an evidence package): the body is kept as a blob and
 * saved under the name the API gives (Content-Disposition), else `fallbackName`. Errors come back as ApiError.
 */
export async function postForDownload(path: string, body: unknown, fallbackName: string): Promise<void> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const csrf = readCookie(CSRF_COOKIE);
  if (csrf) headers[CSRF_HEADER] = csrf;
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch (error) {
    throw new ApiError({ statusCode: 0, code: NETWORK_ERROR, message: String(error) });
  }
  if (!response.ok) {
    const payload: unknown = await response.json().catch(() => undefined);
    throw apiErrorFrom(response.status, response.statusText, payload);
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file by the next task; the object URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
