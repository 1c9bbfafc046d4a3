import { CSRF_COOKIE, CSRF_HEADER, type StaffAppeal } from '@vigie/common';
import { readCookie } from '../../../shared/api/api-client';
import { postMultipart } from '../../../shared/api/multipart-request';

export interface ImageUploadFields {
  file: File;
  isComposite: boolean;
  altFr: string;
  altEn: string;
}

/**
 * `POST /api/appeals/:id/images` as multipart, with upload progress (postMultipart). Resolves with the
 * appeal, whose working copy now lists the image; rejects with ApiError.
 */
export function uploadAppealImage(
  appealId: string,
  fields: ImageUploadFields,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<StaffAppeal> {
  const body = new FormData();
  // Text fields first: multer reads the parts in order, and the fields are small.
  body.append('isComposite', fields.isComposite ? 'true' : 'false');
  if (fields.altFr.trim()) body.append('altFr', fields.altFr.trim());
  if (fields.altEn.trim()) body.append('altEn', fields.altEn.trim());
  body.append('file', fields.file);

  const csrf = readCookie(CSRF_COOKIE);
  return postMultipart<StaffAppeal>(`/api/appeals/${encodeURIComponent(appealId)}/images`, body, {
    headers: csrf ? { [CSRF_HEADER]: csrf } : {},
    onProgress: (loaded, total) => onProgress(loaded / total),
    signal,
  }).then((appeal) => {
    onProgress(1);
    return appeal;
  });
}
