import {
  PROOF_OF_WORK_HEADER,
  type FollowUpSession,
  type FollowUpView,
  type TipReceipt,
} from '@vigie/common';
import { api } from '../../../shared/api/api-client';
import { postMultipart } from '../../../shared/api/multipart-request';

// A tipster's requests carry no cookie (a staff session in the same browser must not ride along with an
// anonymous tip) and, after sign-in, only the follow-up token.
const anonymous = { credentials: 'omit' } as const;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export const TIPS_PATH = '/api/public/tips';
export const FOLLOW_UP_PATH = '/api/public/tips/follow-up';
/** tus 1.0 endpoint for large files, after the receipt (see large-uploads.ts). */
export const UPLOADS_PATH = '/api/public/tips/follow-up/uploads';

/** `POST /api/public/tips`: answers only once the tip and its files are stored for good. */
/** `altcha`: the solved proof-of-work, in its header (the API checks it before reading the body). */
export function sendTip(
  body: FormData,
  onProgress: (loaded: number, total: number) => void,
  signal?: AbortSignal,
  altcha?: string,
): Promise<TipReceipt> {
  const headers = altcha ? { [PROOF_OF_WORK_HEADER]: altcha } : undefined;
  return postMultipart<TipReceipt>(TIPS_PATH, body, { onProgress, signal, headers });
}

export function signInToFollowUp(code: string, password: string): Promise<FollowUpSession> {
  return api.post<FollowUpSession>(FOLLOW_UP_PATH, { code, password }, anonymous);
}

export function fetchFollowUp(token: string, signal?: AbortSignal): Promise<FollowUpView> {
  return api.get<FollowUpView>(FOLLOW_UP_PATH, { ...anonymous, headers: bearer(token), signal });
}

export function postFollowUpMessage(token: string, body: string): Promise<FollowUpView> {
  return api.post<FollowUpView>(
    `${FOLLOW_UP_PATH}/messages`,
    { body },
    { ...anonymous, headers: bearer(token) },
  );
}

/** More files for a tip, in one multipart request (files under the large-file threshold). */
export function sendFollowUpFiles(
  token: string,
  files: File[],
  onProgress: (loaded: number, total: number) => void,
  signal?: AbortSignal,
): Promise<FollowUpView> {
  const body = new FormData();
  files.forEach((file, index) => body.append('files', file, `file-${index + 1}`));
  return postMultipart<FollowUpView>(`${FOLLOW_UP_PATH}/media`, body, {
    headers: bearer(token),
    onProgress,
    signal,
  });
}
