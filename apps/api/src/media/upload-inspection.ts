import { ALLOWED_MEDIA, MEDIA_LIMITS, MediaKind } from '@vigie/common';
import { open, readFile, stat } from 'node:fs/promises';
import { fileTypeFromFile } from 'file-type';
import sharp from 'sharp';
import { mediaError } from './media.errors';
import { gifEnd, isKnownTrailer, isoBoxesEnd, jpegEnd, pngEnd, riffEnd } from './media-structure';
import { precheckUpload, probeContainer } from './processing';

export interface InspectedType {
  mime: string;
  ext: string;
  kind: MediaKind;
}

/**
 * Decides what a file is from its bytes alone: the name and the Content-Type the client sent are
 * never trusted. SVG, HTML, scripts and executables have no entry in the allow-list, so they are
 * refused here, before any decoder sees them.
 */
export async function inspectUpload(path: string): Promise<InspectedType> {
  const detected = await fileTypeFromFile(path);
  const allowed = detected && ALLOWED_MEDIA[detected.mime];
  if (!detected || !allowed) throw mediaError('UNSUPPORTED_TYPE');
  // Images are decoded (HEIC even parsed) in memory: a huge one is refused before anything reads it.
  if (allowed.kind === 'image' && (await stat(path)).size > MEDIA_LIMITS.imageMaxBytes) {
    throw mediaError('TOO_LARGE', { message: 'This photo is too large' });
  }
  return { mime: detected.mime, ext: allowed.ext, kind: allowed.kind };
}

/**
 * The one rule every upload route applies (tip, follow-up, resumable, appeal image), so that a file
 * that is not what it says is refused while the person is still there, not later in processing:
 * the type from the bytes; then, for an image, its header and pixel count, bytes hidden after its
 * end (a polyglot), and a real decode; for a video or a recording, its container's framing and an
 * ffprobe that finds streams and a duration. Throws DAMAGED or HIDDEN_DATA (422) on a bad file.
 *
 * Cost, measured for a 2 MB 12-megapixel JPEG: see docs/security.md. The decode is scaled down
 * while decoding (JPEG's shrink-on-load), which still reads every entropy-coded byte, so truncated
 * or corrupt data fails. HEIC is parsed, not decoded: HEVC in JavaScript costs ~0.5 s a photo.
 */
export async function inspectMedia(path: string, only?: { images: true }): Promise<InspectedType> {
  const type = await inspectUpload(path);
  if (only?.images && type.kind !== 'image') throw mediaError('NOT_AN_IMAGE');
  if (type.kind === 'image') {
    await precheckUpload(path, type.mime);
    await checkImage(path, type.mime);
  } else {
    await checkContainer(path, type.mime);
  }
  return type;
}

const IMAGE_END: Record<string, (b: Buffer) => number | null> = {
  'image/jpeg': jpegEnd,
  'image/png': pngEnd,
  'image/gif': gifEnd,
  'image/webp': riffEnd,
};
const ISO_BMFF = new Set(['image/heic', 'image/heif', 'image/avif']);

async function checkImage(path: string, mime: string): Promise<void> {
  if (ISO_BMFF.has(mime)) {
    const size = (await stat(path)).size;
    const end = await withFile(path, (f) => isoBoxesEnd(f, size));
    if (end === null) throw mediaError('DAMAGED');
    if (end < size) await refuseTrailer(path, end, size);
    if (mime !== 'image/avif') return;
  }
  const bytes = await readFile(path); // at most imageMaxBytes (inspectUpload)
  const findEnd = IMAGE_END[mime];
  if (findEnd) {
    const end = findEnd(bytes);
    if (end === null) throw mediaError('DAMAGED');
    if (!isKnownTrailer(bytes, end)) throw mediaError('HIDDEN_DATA');
  }
  try {
    await sharp(bytes, { failOn: 'error', limitInputPixels: MEDIA_LIMITS.maxPixels })
      .resize(64, 64, { fit: 'inside' })
      .raw()
      .toBuffer();
  } catch {
    throw mediaError('DAMAGED');
  }
}

const ISO_CONTAINERS = new Set(['video/mp4', 'video/quicktime', 'audio/mp4', 'audio/x-m4a']);

async function checkContainer(path: string, mime: string): Promise<void> {
  if (ISO_CONTAINERS.has(mime)) {
    const size = (await stat(path)).size;
    const end = await withFile(path, (f) => isoBoxesEnd(f, size));
    if (end === null) throw mediaError('DAMAGED');
    if (end < size) await refuseTrailer(path, end, size);
  }
  if ((await probeContainer(path, mime)) === false) throw mediaError('DAMAGED');
}

/** After the last box of an ISO-BMFF file only zero padding is allowed, and read only if small. */
async function refuseTrailer(path: string, end: number, size: number): Promise<void> {
  if (size - end > 64 * 1024) throw mediaError('HIDDEN_DATA');
  const trailer = Buffer.alloc(size - end);
  await withFile(path, (f) => f.read(trailer, 0, trailer.length, end));
  if (!trailer.every((b) => b === 0)) throw mediaError('HIDDEN_DATA');
}

async function withFile<T>(path: string, use: (f: Awaited<ReturnType<typeof open>>) => Promise<T>) {
  const file = await open(path, 'r');
  try {
    return await use(file);
  } finally {
    await file.close();
  }
}
