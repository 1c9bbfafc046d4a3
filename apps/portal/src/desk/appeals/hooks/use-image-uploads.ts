import { ALLOWED_MEDIA, MEDIA_LIMITS, type StaffAppeal } from '@vigie/common';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../../../shared/i18n/api-error-message';
import { uploadAppealImage } from '../api/image-upload';

export type UploadStatus = 'ready' | 'uploading' | 'done' | 'failed';

export interface PendingImage {
  key: string;
  file: File;
  /** A blob: URL of the chosen file (the CSP allows blob: images for exactly this). */
  previewUrl: string;
  isComposite: boolean;
  altFr: string;
  altEn: string;
  progress: number;
  status: UploadStatus;
  error?: string;
}

const IMAGE_TYPES = Object.entries(ALLOWED_MEDIA)
  .filter(([, media]) => media.kind === 'image')
  .map(([mime]) => mime);

/** What the file picker offers; the API decides from the bytes anyway. */
export const IMAGE_ACCEPT = [...IMAGE_TYPES, '.heic', '.heif'].join(',');

let counter = 0;

/**
 * Photos and sketches chosen for an appeal, each with its own alt texts, composite flag and progress.
 * Each upload is one request; when one finishes, `onUploaded` receives the appeal with the image added.
 */
export function useImageUploads(appealId: string | undefined, onUploaded: (appeal: StaffAppeal) => void) {
  const { t } = useTranslation();
  const [items, setItems] = useState<PendingImage[]>([]);
  const itemsRef = useRef(items);
  const controllers = useRef(new Map<string, AbortController>());

  useEffect(() => {
    itemsRef.current = items;
  }, [items]);

  // Leaving the page cancels uploads in flight and frees the previews.
  useEffect(() => {
    const inFlight = controllers.current;
    return () => {
      inFlight.forEach((controller) => controller.abort());
      itemsRef.current.forEach((item) => URL.revokeObjectURL(item.previewUrl));
    };
  }, []);

  const patch = (key: string, change: Partial<PendingImage>) =>
    setItems((list) => list.map((item) => (item.key === key ? { ...item, ...change } : item)));

  const add = (files: FileList | File[]) => {
    const added = [...files].map((file): PendingImage => {
      const tooBig = file.size > MEDIA_LIMITS.appealImageBytes;
      const notImage = Boolean(file.type) && !file.type.startsWith('image/');
      return {
        key: `upload-${++counter}`,
        file,
        previewUrl: URL.createObjectURL(file),
        isComposite: false,
        altFr: '',
        altEn: '',
        progress: 0,
        status: tooBig || notImage ? 'failed' : 'ready',
        error: tooBig
          ? t('desk.images.tooBig', { mb: Math.round(MEDIA_LIMITS.appealImageBytes / 1024 / 1024) })
          : notImage
            ? t('desk.images.notImage')
            : undefined,
      };
    });
    setItems((list) => [...list, ...added]);
    return added;
  };

  const discard = (key: string) => {
    controllers.current.get(key)?.abort();
    setItems((list) => {
      const item = list.find((i) => i.key === key);
      if (item) URL.revokeObjectURL(item.previewUrl);
      return list.filter((i) => i.key !== key);
    });
  };

  const upload = useCallback(
    async (item: PendingImage) => {
      if (!appealId || item.status === 'uploading' || item.status === 'done') return;
      const controller = new AbortController();
      controllers.current.set(item.key, controller);
      patch(item.key, { status: 'uploading', progress: 0, error: undefined });
      try {
        const appeal = await uploadAppealImage(
          appealId,
          { file: item.file, isComposite: item.isComposite, altFr: item.altFr, altEn: item.altEn },
          (progress) => patch(item.key, { progress }),
          controller.signal,
        );
        patch(item.key, { status: 'done', progress: 1 });
        onUploaded(appeal);
      } catch (error) {
        if (controller.signal.aborted) return;
        patch(item.key, { status: 'failed', error: apiErrorMessage(t, error) });
      } finally {
        controllers.current.delete(item.key);
      }
    },
    [appealId, onUploaded, t],
  );

  // One after the other: each upload bumps the appeal's version, and the editor follows them in order.
  const uploadAll = async () => {
    for (const item of itemsRef.current.filter((i) => i.status === 'ready')) await upload(item);
  };

  return { items, add, discard, upload, uploadAll, update: patch };
}
