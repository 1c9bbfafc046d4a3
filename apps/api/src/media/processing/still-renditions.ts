import { join } from 'node:path';
import type { JpegOptions, Sharp, WebpOptions } from 'sharp';
import { DomainException } from '../../common/domain.exception';
import { mediaError } from '../media.errors';
import { perceptualHash } from './perceptual-hash';
import type { Rendition } from './processed-media';
import { fitWithin, fromRawPixels, RawPixels, toRawPixels } from './raw-pixels';

export interface StillSpec {
  name: 'thumb' | 'preview' | 'poster';
  /** Longest edge; nothing is enlarged. */
  maxEdge: number;
  format: 'webp' | 'jpeg';
}

/*
 * A photo's preview is JPEG, its thumbnail WebP. Measured on a 2 MB 12 MP phone photo, in CPU time
 * on one thread: decoding to 1600 px ≈67 ms (JPEG shrink-on-load), a 1600 px WebP ≈36 ms at effort
 * 0, a 1600 px JPEG ≈13 ms (libjpeg-turbo), the 320 px thumb and pHash a few ms. The WebP preview
 * is about half the bytes, but it alone kept the job under the 16 photos/s target (bench:
 * media-processing); these previews are seen by staff only, on the agency's network, and storage
 * is cheaper than a night's backlog. The thumbnail, in every inbox row, stays small as WebP.
 */
export const PHOTO_STILLS: StillSpec[] = [
  { name: 'preview', maxEdge: 1600, format: 'jpeg' },
  { name: 'thumb', maxEdge: 320, format: 'webp' },
];
export const POSTER_STILLS: StillSpec[] = [{ name: 'poster', maxEdge: 1600, format: 'webp' }];

/*
 * The 16 photos/s target on 2 cores leaves 125 ms of one core per photo, for everything. Measured
 * here on 2 MB 12 MP JPEGs, per photo, in CPU time: decoding to 1600 px costs ≈56 ms, and a
 * 1600 px webp costs ≈38 ms at effort 0, ≈47 at 1, ≈75 at 2 and ≈200 at 3 (the appeal images'
 * setting), for files within 2 % of each other at effort 0-2. So effort 0: the quality setting,
 * not the effort, decides how a thumbnail or poster looks.
 */
const WEBP: WebpOptions = { quality: 78, effort: 0 };
/** Baseline, not progressive or mozjpeg: both cost several times the encoding time. */
const JPEG: JpegOptions = { quality: 82 };
/**
 * After JPEG shrink-on-load the decode leaves at most a 2× reduction, where Lanczos-2 looks like
 * Lanczos-3 and costs ≈8 ms less per photo.
 */
const DECODE_KERNEL = 'lanczos2';

/**
 * Decodes once, at the largest size wanted (JPEG shrink-on-load makes this much cheaper than a
 * full decode), and makes each smaller still and the perceptual hash from the pixels of the one
 * before. Stills are encoded from raw pixels, so they cannot carry any of the original's EXIF,
 * XMP, IPTC or ICC data: there is nothing to carry.
 */
export async function renderStills(
  upright: Sharp,
  specs: StillSpec[],
  workDir: string,
): Promise<{ renditions: Rendition[]; phash: string }> {
  const largestFirst = [...specs].sort((a, b) => b.maxEdge - a.maxEdge);
  let pixels = await decodeWithin(upright, largestFirst[0].maxEdge);
  const renditions: Rendition[] = [];
  for (const spec of largestFirst) {
    pixels = await fitWithin(pixels, spec.maxEdge);
    const path = join(workDir, `${spec.name}.${spec.format}`);
    const still = fromRawPixels(pixels);
    const info = await (spec.format === 'jpeg' ? still.jpeg(JPEG) : still.webp(WEBP)).toFile(path);
    renditions.push({
      name: spec.name,
      format: spec.format,
      width: info.width,
      height: info.height,
      path,
      bytes: info.size,
    });
  }
  return { renditions, phash: await perceptualHash(pixels) };
}

/** The only step that reads the untrusted file: its failures say the file is bad. */
async function decodeWithin(upright: Sharp, maxEdge: number): Promise<RawPixels> {
  try {
    const fit = { fit: 'inside', withoutEnlargement: true, kernel: DECODE_KERNEL } as const;
    return await toRawPixels(upright.resize(maxEdge, maxEdge, fit));
  } catch (err) {
    if (err instanceof DomainException) throw err;
    throw mediaError(/pixel limit/i.test(String((err as Error)?.message)) ? 'TOO_MANY_PIXELS' : 'DAMAGED');
  }
}
