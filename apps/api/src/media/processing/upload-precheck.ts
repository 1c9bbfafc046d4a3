import { ALLOWED_MEDIA, MEDIA_LIMITS } from '@vigie/common';
import { readFile } from 'node:fs/promises';
import decodeHeic from 'heic-decode';
import sharp from 'sharp';
import { mediaError } from '../media.errors';
import { isHeif } from './image-processing';

/**
 * heic-decode's `.all` parses the container and lists its images without decoding any pixels (each
 * has its own `decode()`). The shared typing in src/types/heic-decode.d.ts declares only the default
 * export, so this is the part of the module we use here, typed where it is used.
 */
const heicContainer = decodeHeic as unknown as {
  all(input: { buffer: Buffer }): Promise<{ width: number; height: number }[] & { dispose(): void }>;
};

/**
 * At intake, before a tip is acknowledged: does the image's header parse, and does it declare a
 * sane number of pixels? Header and container only, so it costs milliseconds even for a 15000 ×
 * 15000 decompression bomb. A HEIC is parsed by heic-decode, the decoder that will process it
 * later, so that a file it rejects is refused now rather than failing in the job.
 */
export async function precheckUpload(inputPath: string, mime: string): Promise<void> {
  if (ALLOWED_MEDIA[mime]?.kind !== 'image') return;
  const size = isHeif(mime) ? await heifSize(inputPath) : await headerSize(inputPath);
  if (!size.width || !size.height) throw mediaError('DAMAGED');
  if (size.width * size.height > MEDIA_LIMITS.maxPixels) throw mediaError('TOO_MANY_PIXELS');
}

async function headerSize(path: string): Promise<{ width?: number; height?: number }> {
  try {
    const meta = await sharp(path, { limitInputPixels: false }).metadata();
    return { width: meta.width, height: meta.height };
  } catch {
    throw mediaError('DAMAGED');
  }
}

async function heifSize(path: string): Promise<{ width?: number; height?: number }> {
  const buffer = await readFile(path); // heic-decode parses from memory: a phone's HEIC is a few MB
  let images: Awaited<ReturnType<typeof heicContainer.all>>;
  try {
    images = await heicContainer.all({ buffer });
  } catch {
    throw mediaError('DAMAGED');
  }
  try {
    // The primary image is what gets decoded; any other (a larger one in a grid) would be too.
    return images.reduce((big, i) => (i.width * i.height > big.width * big.height ? i : big), {
      width: 0,
      height: 0,
    });
  } finally {
    images.dispose();
  }
}
