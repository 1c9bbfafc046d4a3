import { ALLOWED_MEDIA, TIP_UPLOAD_LIMITS, type MediaKind } from '@vigie/common';

/** The API's default TIP_MAX_FILES: files one tip may carry, with it and after it. */
export const TIP_MAX_FILES = TIP_UPLOAD_LIMITS.maxFiles;
/** The API's default TIP_FILE_MAX_MB, per file. */
export const TIP_FILE_MAX_BYTES = TIP_UPLOAD_LIMITS.fileBytes;
/** The API's default TIP_TOTAL_MAX_MB: what one tip may carry in all. */
export const TIP_TOTAL_MAX_BYTES = TIP_UPLOAD_LIMITS.totalBytes;
/**
 * Above this, a file goes after the receipt, resumably (tus), instead of inside the tip's request: a
 * dropped connection then costs one chunk of a video, not the whole tip.
 */
export const LARGE_FILE_BYTES = 20 * 1024 * 1024;
/** What the pickers offer; the API decides from the bytes anyway. */
export const MEDIA_ACCEPT = 'image/*,video/*,audio/*';

const EXTENSIONS: Record<string, MediaKind> = Object.fromEntries(
  Object.values(ALLOWED_MEDIA).map(({ ext, kind }) => [ext, kind]),
);
EXTENSIONS.jpeg = 'image';
EXTENSIONS.mpeg = 'audio';

/**
 * Photo, video or sound, from the type the browser reports or else the name's extension (some phones
 * report no type for HEIC); null for anything else (a PDF, a document).
 */
export function mediaKindOf(file: Pick<File, 'name' | 'type'>): MediaKind | null {
  const family = file.type.split('/')[0];
  if (family === 'image' || family === 'video' || family === 'audio') return family;
  if (file.type && file.type !== 'application/octet-stream') return null;
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  return EXTENSIONS[ext] ?? null;
}

export interface PickedFile {
  key: string;
  file: File;
  kind: MediaKind;
  /** Sent after the receipt with a resumable upload. */
  large: boolean;
}

export type Rejection = { name: string; reason: 'type' | 'size' } | { name?: undefined; reason: 'count' };

let counter = 0;

/** Adds newly picked files to those already chosen, refusing what the API would refuse anyway. */
export function pickFiles(
  existing: readonly PickedFile[],
  files: readonly File[],
  maxFiles: number = TIP_MAX_FILES,
): { accepted: PickedFile[]; rejected: Rejection[] } {
  const accepted: PickedFile[] = [];
  const rejected: Rejection[] = [];
  let tooMany = false;
  for (const file of files) {
    const kind = mediaKindOf(file);
    if (!kind) rejected.push({ name: file.name, reason: 'type' });
    else if (file.size > TIP_FILE_MAX_BYTES) rejected.push({ name: file.name, reason: 'size' });
    else if (existing.length + accepted.length >= maxFiles) tooMany = true;
    else accepted.push({ key: `file-${++counter}`, file, kind, large: file.size > LARGE_FILE_BYTES });
  }
  if (tooMany) rejected.push({ reason: 'count' });
  return { accepted, rejected };
}

/**
 * Each file's share of a multipart upload's progress. The body is the text fields, then the files in
 * order, each behind a small part header; `loaded` bytes of `total` have left the device.
 */
export function fileProgress(loaded: number, total: number, sizes: readonly number[]): number[] {
  const filesBytes = sizes.reduce((sum, size) => sum + size, 0);
  // What is not file content (fields and part headers) comes mostly first; spread the rest evenly.
  const overhead = Math.max(0, total - filesBytes);
  const perPart = sizes.length ? overhead / (sizes.length + 1) : overhead;
  let offset = perPart;
  return sizes.map((size) => {
    const start = offset;
    offset += size + perPart;
    if (size === 0) return loaded >= start ? 1 : 0;
    return Math.min(1, Math.max(0, (loaded - start) / size));
  });
}

/** "3.4 MB" or "820 KB", in the reader's language (the unit comes from the catalogue). */
export function sizeParts(bytes: number): { unit: 'gb' | 'mb' | 'kb'; size: number } {
  if (bytes >= 1024 * 1024 * 1024) return { unit: 'gb', size: Math.round((bytes / 1024 ** 3) * 10) / 10 };
  return bytes >= 1024 * 1024
    ? { unit: 'mb', size: Math.round((bytes / 1024 / 1024) * 10) / 10 }
    : { unit: 'kb', size: Math.max(1, Math.round(bytes / 1024)) };
}
