import type { MediaKind } from '@vigie/common';
import { useCallback, useEffect, useRef, useState } from 'react';
import { startLargeUpload, type LargeUploadFailure, type LargeUploadHandle } from '../api/large-uploads';
import type { PickedFile } from '../api/tip-files';
import { sendFollowUpFiles } from '../api/tips.api';

export type LargeUploadStatus = 'waiting' | 'uploading' | 'paused' | 'done' | 'failed';

export interface LargeUploadItem {
  key: string;
  name: string;
  size: number;
  kind: MediaKind;
  status: LargeUploadStatus;
  fraction: number;
  failure?: LargeUploadFailure;
  /** The HTTP status of a refusal, to say why. */
  failureStatus?: number;
  /** Sent in one plain request, because the server offers no resumable uploads. */
  plain?: boolean;
  /** The connection dropped during this upload (said until it is received). */
  dropped?: boolean;
  /** Where sending picked up again, from the server's own count (tus HEAD), after a drop or a reload. */
  resumedFrom?: number;
}

/** What an upload needs from the follow-up session: the tip's code and a valid token. */
export interface FollowUpAccess {
  code: string;
  token: () => Promise<string>;
}

const ACTIVE: ReadonlySet<LargeUploadStatus> = new Set(['waiting', 'uploading', 'paused']);

/**
 * Large files (videos, mostly), sent one after the other after the tip itself, with tus so that a dropped
 * connection or a closed page costs only the last chunk. Where the server has no resumable endpoint yet,
 * each falls back to one plain request, and the page says that it cannot resume.
 */
export function useLargeUploads(access: FollowUpAccess | null, onUploaded?: () => void) {
  const [items, setItems] = useState<LargeUploadItem[]>([]);
  const files = useRef(new Map<string, File>());
  const handles = useRef(new Map<string, LargeUploadHandle>());
  const plainUploads = useRef(new Map<string, AbortController>());
  const queue = useRef<Promise<void>>(Promise.resolve());
  const accessRef = useRef(access);
  const onUploadedRef = useRef(onUploaded);

  useEffect(() => {
    accessRef.current = access;
    onUploadedRef.current = onUploaded;
  }, [access, onUploaded]);

  const patch = (key: string, change: Partial<LargeUploadItem>) =>
    setItems((list) => list.map((item) => (item.key === key ? { ...item, ...change } : item)));

  const sendPlain = useCallback(async (key: string, file: File, session: FollowUpAccess) => {
    const abort = new AbortController();
    plainUploads.current.set(key, abort);
    patch(key, { status: 'uploading', plain: true, fraction: 0, failure: undefined });
    try {
      await sendFollowUpFiles(
        await session.token(),
        [file],
        (loaded, total) => patch(key, { fraction: total ? loaded / total : 0 }),
        abort.signal,
      );
      patch(key, { status: 'done', fraction: 1 });
      onUploadedRef.current?.();
    } catch (error) {
      if (abort.signal.aborted) return;
      const status = (error as { statusCode?: number }).statusCode;
      patch(key, {
        status: 'failed',
        failure: status === 401 ? 'expired' : status && status >= 400 && status < 500 ? 'refused' : 'failed',
        failureStatus: status || undefined,
      });
    } finally {
      plainUploads.current.delete(key);
    }
  }, []);

  const runOne = useCallback(
    (key: string) =>
      new Promise<void>((resolve) => {
        const file = files.current.get(key);
        const session = accessRef.current;
        if (!file || !session) {
          resolve();
          return;
        }
        patch(key, { status: 'uploading', failure: undefined, failureStatus: undefined });
        startLargeUpload(file, session.code, () => session.token(), {
          onProgress: (fraction) => patch(key, { status: 'uploading', fraction }),
          onPaused: () => patch(key, { status: 'paused', dropped: true }),
          onResumed: (fraction) => patch(key, { resumedFrom: fraction, fraction }),
          onDone: () => {
            handles.current.delete(key);
            patch(key, { status: 'done', fraction: 1 });
            onUploadedRef.current?.();
            resolve();
          },
          onFailed: (failure, status) => {
            handles.current.delete(key);
            if (failure === 'unavailable') {
              void sendPlain(key, file, session).then(resolve);
              return;
            }
            patch(key, { status: 'failed', failure, failureStatus: status });
            resolve();
          },
        }).then(
          (handle) => handles.current.set(key, handle),
          () => {
            // The tus chunk itself could not load (offline at that moment): say so, and let the tipster retry.
            patch(key, { status: 'failed', failure: 'failed' });
            resolve();
          },
        );
      }),
    [sendPlain],
  );

  const enqueue = useCallback(
    (key: string) => {
      queue.current = queue.current.then(() => runOne(key));
    },
    [runOne],
  );

  /** Queues files for sending; they start as soon as the session allows. */
  const add = useCallback(
    (picked: readonly PickedFile[]) => {
      if (picked.length === 0) return;
      for (const { key, file } of picked) files.current.set(key, file);
      setItems((list) => [
        ...list,
        ...picked.map(({ key, file, kind }): LargeUploadItem => ({
          key,
          name: file.name,
          size: file.size,
          kind,
          status: 'waiting',
          fraction: 0,
        })),
      ]);
      picked.forEach(({ key }) => enqueue(key));
    },
    [enqueue],
  );

  /** A paused upload is nudged; a failed one (or one that waited for a new session) starts again. */
  const retry = useCallback(
    (key: string) => {
      const handle = handles.current.get(key);
      if (handle) handle.retry();
      else {
        patch(key, { status: 'waiting', failure: undefined });
        enqueue(key);
      }
    },
    [enqueue],
  );

  const active = items.some((item) => ACTIVE.has(item.status));

  // Closing the page in the middle of a video is worth a warning (the upload could resume, but only
  // if the tipster comes back and picks the file again).
  useEffect(() => {
    if (!active) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [active]);

  // Leaving the page stops the requests; tus remembers how far each got.
  useEffect(() => {
    const tus = handles.current;
    const plain = plainUploads.current;
    return () => {
      tus.forEach((handle) => handle.abort());
      plain.forEach((controller) => controller.abort());
    };
  }, []);

  return { items, add, retry, active };
}

export type LargeUploads = ReturnType<typeof useLargeUploads>;
