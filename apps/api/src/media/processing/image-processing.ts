import { resolve } from 'node:path';
import sharp from 'sharp';
import { decodeImage } from '../image-renditions';
import { evidenceFromExif } from './exif-evidence';
import { runTool } from './external-tool';
import type { ProcessedMedia } from './processed-media';
import { PHOTO_STILLS, renderStills } from './still-renditions';

const EXIFTOOL_TIMEOUT_MS = 15_000;

export const isHeif = (mime: string) => mime === 'image/heic' || mime === 'image/heif';

/** A photo: thumb and preview from one upright decode, its perceptual hash, and its evidence. */
export async function processImage(path: string, mime: string, workDir: string): Promise<ProcessedMedia> {
  const upright = await decodeImage(path, mime);
  // Header only. For a HEIC this describes the pixels heic-decode produced, already turned by
  // libheif's irot/imir, so autoOrient is the upright size in both cases.
  const meta = await upright.metadata();
  const { renditions, phash } = await renderStills(upright, PHOTO_STILLS, workDir);
  const exif = isHeif(mime) ? await heifExif(path) : meta.exif;
  return {
    renditions,
    phash,
    evidence: { ...evidenceFromExif(exif), width: meta.autoOrient.width, height: meta.autoOrient.height },
  };
}

/**
 * heic-decode gives pixels only, so a HEIC's EXIF comes from sharp, whose libheif parses the
 * container (it lacks only the HEVC decoder). If that libheif refuses a file heic-decode accepted
 * (they are different builds), exiftool, which reads the Exif item on its own, is the fallback:
 * heic-decode exposes no metadata call. Without exiftool installed the photo simply has no
 * evidence: missing evidence is never a reason to fail a photo.
 */
async function heifExif(path: string): Promise<Buffer | undefined> {
  try {
    return (await sharp(path).metadata()).exif;
  } catch {
    return exifFromExiftool(path).catch(() => undefined);
  }
}

/**
 * The raw EXIF block (a TIFF header and its IFDs), as exif-reader takes it. The path is made
 * absolute so that no file name can pass for an exiftool option.
 */
export async function exifFromExiftool(path: string): Promise<Buffer | undefined> {
  const block = await runTool('exiftool', ['-b', '-EXIF', resolve(path)], EXIFTOOL_TIMEOUT_MS, 1024 * 1024);
  return block.length ? block : undefined;
}
