import { ALLOWED_MEDIA, MEDIA_LIMITS, MediaKind } from '@vigie/common';
import { stat } from 'node:fs/promises';
import { fileTypeFromFile } from 'file-type';
import { mediaError } from './media.errors';

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
