import { ALLOWED_MEDIA } from '@vigie/common';
import { mediaError } from '../media.errors';
import { processAudioVideo } from './audio-video-processing';
import { processImage } from './image-processing';
import type { ProcessedMedia } from './processed-media';

/**
 * Everything derived from one file a tipster sent: stripped renditions written into `workDir`, a
 * perceptual hash for photos and video posters, and the evidence read from the original. `mime`
 * is what file-type read from the bytes. Pure and deterministic: the same input gives the same
 * files, byte for byte, so a job that runs twice writes the same thing twice.
 */
export async function processMedia(
  inputPath: string,
  mime: string,
  workDir: string,
): Promise<ProcessedMedia> {
  const kind = ALLOWED_MEDIA[mime]?.kind;
  if (kind === 'image') return processImage(inputPath, mime, workDir);
  if (kind === 'video' || kind === 'audio') return processAudioVideo(inputPath, mime, kind, workDir);
  throw mediaError('UNSUPPORTED_TYPE');
}
