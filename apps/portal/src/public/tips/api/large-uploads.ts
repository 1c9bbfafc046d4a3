import type { DetailedError, Upload } from 'tus-js-client';
import { UPLOADS_PATH } from './tips.api';

/** Why a large upload stopped for good (until the tipster acts). */
export type LargeUploadFailure =
  /** The follow-up token expired: sign in again, then pick the same file to resume. */
  | 'expired'
  /** The API refused the finished file (type, damage, size): `status` says which. */
  | 'refused'
  /** The server has no resumable endpoint (404 on creation): fall back to a plain upload. */
  | 'unavailable'
  /** Anything else after every retry. */
  | 'failed';

export interface LargeUploadCallbacks {
  onProgress: (fraction: number) => void;
  /** The connection dropped; the upload continues by itself when it comes back. */
  onPaused: () => void;
  /** The server said how much it holds (tus HEAD): sending goes on from there, not from the start. */
  onResumed: (fraction: number) => void;
  onDone: () => void;
  onFailed: (failure: LargeUploadFailure, status?: number) => void;
}

export interface LargeUploadHandle {
  /** Picks up where the server got to (after a pause the browser did not notice as offline). */
  retry: () => void;
  abort: () => void;
}

/** Pauses between automatic retries of one chunk; after the last, the upload waits for `online`. */
const RETRY_DELAYS = [0, 1_000, 3_000, 5_000, 10_000, 20_000, 30_000, 60_000];
/** One PATCH per chunk: a dropped connection costs at most this much, and proxies with body limits cope. */
const CHUNK_BYTES = 5 * 1024 * 1024;

function hex(buffer: ArrayBuffer): string {
  return [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The key under which tus remembers an unfinished upload in localStorage, to resume it after a reload.
 * tus's own key spells out the file name; this one is a hash, and it names the tip, since an upload
 * belongs to the tip whose token created it.
 */
export async function uploadFingerprint(
  tipCode: string,
  file: Pick<File, 'name' | 'type' | 'size' | 'lastModified'>,
): Promise<string> {
  const parts = [tipCode, file.name, file.type, file.size, file.lastModified].join('\n');
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(parts));
  return `vigie-tus-${hex(digest)}`;
}

function statusOf(error: Error): number | undefined {
  const status = (error as DetailedError).originalResponse?.getStatus();
  return typeof status === 'number' && status > 0 ? status : undefined;
}

function isCreation(error: Error): boolean {
  return (error as DetailedError).originalRequest?.getMethod() === 'POST';
}

/**
 * Sends one large file with tus 1.0 to `/api/public/tips/follow-up/uploads`, resuming an earlier attempt at
 * the same file for the same tip if one was left unfinished (page closed, connection lost). tus-js-client
 * is loaded here, on demand: it is its own chunk, never part of a page's first load.
 */
export async function startLargeUpload(
  file: File,
  tipCode: string,
  getToken: () => string | Promise<string>,
  callbacks: LargeUploadCallbacks,
): Promise<LargeUploadHandle> {
  const { Upload: TusUpload } = await import('tus-js-client');
  let stopped = false;

  const upload: Upload = new TusUpload(file, {
    endpoint: new URL(UPLOADS_PATH, window.location.origin).href,
    chunkSize: CHUNK_BYTES,
    retryDelays: RETRY_DELAYS,
    // Only the type: the file's name is the tipster's business.
    metadata: { filetype: file.type || 'application/octet-stream' },
    fingerprint: (f) => uploadFingerprint(tipCode, f as File),
    storeFingerprintForResuming: true,
    removeFingerprintOnSuccess: true,
    // The token may be renewed while a long video is on its way; each request takes the current one.
    onBeforeRequest: async (request) => {
      request.setHeader('Authorization', `Bearer ${await getToken()}`);
    },
    onShouldRetry: (error, _attempt, options) => {
      const status = statusOf(error);
      const retry =
        status === undefined || status >= 500 || status === 409 || status === 423 || status === 429;
      if (retry && status === undefined) callbacks.onPaused();
      return retry && (options.retryDelays?.length ?? 0) > 0 && navigator.onLine !== false;
    },
    // The bar shows what has left the device from the server's offset on; a chunk cut mid-way is sent
    // again, so after a drop the bar goes back to what the server holds, never to 0 %.
    onProgress: (sent, total) => callbacks.onProgress(total > 0 ? sent / total : 0),
    onAfterResponse: (request, response) => {
      if (request.getMethod() !== 'HEAD' || response.getStatus() !== 200) return;
      const offset = Number.parseInt(response.getHeader('Upload-Offset') ?? '', 10);
      if (Number.isFinite(offset) && file.size > 0) callbacks.onResumed(offset / file.size);
    },
    onSuccess: () => {
      window.removeEventListener('online', resume);
      callbacks.onDone();
    },
    onError: (error) => {
      if (stopped) return;
      const status = statusOf(error);
      if (status === undefined) {
        // Offline, or retries exhausted without an answer: carry on when the connection returns.
        callbacks.onPaused();
        return;
      }
      window.removeEventListener('online', resume);
      if (status === 401) callbacks.onFailed('expired', status);
      else if ((status === 404 || status === 405) && isCreation(error))
        callbacks.onFailed('unavailable', status);
      else if (status >= 400 && status < 500) callbacks.onFailed('refused', status);
      else callbacks.onFailed('failed', status);
    },
  });

  function resume() {
    if (!stopped) upload.start();
  }
  window.addEventListener('online', resume);

  const previous = await upload.findPreviousUploads();
  if (previous.length > 0) upload.resumeFromPreviousUpload(previous[0]);
  upload.start();

  return {
    retry: resume,
    abort: () => {
      stopped = true;
      window.removeEventListener('online', resume);
      void upload.abort();
    },
  };
}
