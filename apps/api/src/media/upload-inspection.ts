import { ALLOWED_MEDIA, MediaKind } from '@vigie/common';
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
  return { mime: detected.mime, ext: allowed.ext, kind: allowed.kind };
}
