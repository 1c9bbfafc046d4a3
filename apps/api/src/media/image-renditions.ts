import { MEDIA_LIMITS } from '@vigie/common';
import { readFile } from 'node:fs/promises';
import decodeHeicBuffer from 'heic-decode';
import sharp, { Sharp } from 'sharp';
import { mediaError } from './media.errors';

// One libvips thread per core keeps several jobs from oversubscribing the two cores we plan for;
// the cache is pointless for images we decode once.
sharp.concurrency(1);
sharp.cache(false);

export type RenditionFormat = 'avif' | 'webp' | 'jpeg';

export interface RenditionSpec {
  name: string;
  /** Longest edge; images are never enlarged. */
  maxEdge: number;
  formats: RenditionFormat[];
}

export interface Rendition {
  name: string;
  format: RenditionFormat;
  width: number;
  height: number;
  data: Buffer;
}

export const APPEAL_RENDITIONS: RenditionSpec[] = [
  { name: 'thumb', maxEdge: 320, formats: ['avif', 'webp', 'jpeg'] },
  { name: 'card', maxEdge: 800, formats: ['avif', 'webp', 'jpeg'] },
  { name: 'full', maxEdge: 1600, formats: ['avif', 'webp', 'jpeg'] },
];

const ENCODERS: Record<RenditionFormat, (s: Sharp) => Sharp> = {
  avif: (s) => s.avif({ quality: 50, effort: 2 }),
  webp: (s) => s.webp({ quality: 78, effort: 3 }),
  jpeg: (s) => s.jpeg({ quality: 80, mozjpeg: true }),
};

/**
 * Opens an image once, upright (EXIF orientation applied, then forgotten), with limits against
 * decompression bombs and damaged files. HEIC from iPhones is decoded by heic-decode, because
 * prebuilt sharp has no HEVC decoder.
 */
export async function decodeImage(path: string, mime: string): Promise<Sharp> {
  const options = { limitInputPixels: MEDIA_LIMITS.maxPixels, failOn: 'error' as const };
  let image: Sharp;
  if (mime === 'image/heic' || mime === 'image/heif') {
    image = await decodeHeic(path);
  } else {
    image = sharp(path, options);
  }
  try {
    const meta = await image.metadata();
    if ((meta.width ?? 0) * (meta.height ?? 0) > MEDIA_LIMITS.maxPixels) throw mediaError('TOO_MANY_PIXELS');
  } catch (err) {
    throw classify(err);
  }
  return image.rotate();
}

async function decodeHeic(path: string): Promise<Sharp> {
  const input = await readFile(path);
  let decoded: Awaited<ReturnType<typeof decodeHeicBuffer>>;
  try {
    decoded = await decodeHeicBuffer({ buffer: input });
  } catch {
    throw mediaError('DAMAGED');
  }
  if (decoded.width * decoded.height > MEDIA_LIMITS.maxPixels) throw mediaError('TOO_MANY_PIXELS');
  return sharp(Buffer.from(decoded.data.buffer, decoded.data.byteOffset, decoded.data.byteLength), {
    raw: { width: decoded.width, height: decoded.height, channels: 4 },
  });
}

/**
 * Encodes every rendition from one decode. Nothing derived carries metadata: sharp drops EXIF,
 * XMP, IPTC and ICC unless asked to keep them, and we never ask (no withMetadata()).
 */
export async function renderAll(image: Sharp, specs: RenditionSpec[]): Promise<Rendition[]> {
  const out: Rendition[] = [];
  try {
    for (const spec of specs) {
      const resized = image
        .clone()
        .resize(spec.maxEdge, spec.maxEdge, { fit: 'inside', withoutEnlargement: true });
      for (const format of spec.formats) {
        const { data, info } = await ENCODERS[format](resized.clone()).toBuffer({ resolveWithObject: true });
        out.push({ name: spec.name, format, width: info.width, height: info.height, data });
      }
    }
  } catch (err) {
    throw classify(err);
  }
  return out;
}

function classify(err: unknown): unknown {
  if (err && typeof err === 'object' && 'code' in err && 'status' in err) return err; // already ours
  const message = String((err as Error)?.message ?? err);
  if (/pixel limit/i.test(message)) return mediaError('TOO_MANY_PIXELS');
  return mediaError('DAMAGED');
}
