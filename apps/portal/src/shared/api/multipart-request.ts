import { ApiError, apiErrorFrom, NETWORK_ERROR } from './api-error';

export interface MultipartOptions {
  headers?: Record<string, string>;
  /** Bytes of the request body sent so far, and the body's size. */
  onProgress?: (loaded: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * One multipart POST to our own API. XMLHttpRequest rather than fetch, because only it reports upload
 * progress. Resolves with the parsed body; rejects with ApiError (status 0 when no answer arrived), or an
 * AbortError when `signal` aborts.
 */
export function postMultipart<T>(path: string, body: FormData, options: MultipartOptions = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new DOMException('Upload cancelled', 'AbortError'));
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('accept', 'application/json');
    for (const [name, value] of Object.entries(options.headers ?? {})) xhr.setRequestHeader(name, value);
    xhr.responseType = 'text';

    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress?.(event.loaded, event.total);
    };
    xhr.onload = () => {
      let payload: unknown;
      try {
        payload = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        payload = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(payload as T);
      // A proxy that drops the connection mid-way can surface as status 0 with a load event.
      else if (xhr.status === 0)
        reject(new ApiError({ statusCode: 0, code: NETWORK_ERROR, message: 'No answer' }));
      else reject(apiErrorFrom(xhr.status, xhr.statusText, payload));
    };
    xhr.onerror = () =>
      reject(new ApiError({ statusCode: 0, code: NETWORK_ERROR, message: 'Upload failed' }));
    xhr.ontimeout = xhr.onerror;
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}
