import { CSRF_COOKIE, CSRF_HEADER, type StaffAppeal } from '@vigie/common';
import { readCookie } from '../../../shared/api/api-client';
import { ApiError, apiErrorFrom, NETWORK_ERROR } from '../../../shared/api/api-error';

export interface ImageUploadFields {
  file: File;
  isComposite: boolean;
  altFr: string;
  altEn: string;
}

/**
 * `POST /api/appeals/:id/images` as multipart. XMLHttpRequest rather than fetch, because only it reports
 * upload progress. Resolves with the appeal, whose working copy now lists the image; rejects with ApiError.
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

  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/appeals/${encodeURIComponent(appealId)}/images`);
    xhr.setRequestHeader('accept', 'application/json');
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) xhr.setRequestHeader(CSRF_HEADER, csrf);
    xhr.responseType = 'text';

    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let payload: unknown;
      try {
        payload = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        payload = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(payload as StaffAppeal);
      } else reject(apiErrorFrom(xhr.status, xhr.statusText, payload));
    };
    xhr.onerror = () =>
      reject(new ApiError({ statusCode: 0, code: NETWORK_ERROR, message: 'Upload failed' }));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}
