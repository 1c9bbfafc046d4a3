import type { ParseKeys } from 'i18next';
import { ApiError, NETWORK_ERROR } from '../../../shared/api/api-error';
import { stepOfField, type TipField, type TipStep } from './tip-form-values';

/** What the form does about a failed sending. Nothing here ever throws the tipster's text away. */
export type SubmitOutcome =
  /** Fields to fix (the API's 400 map): go to the first step concerned, each error beside its field. */
  | { kind: 'fields'; step: TipStep; fields: [TipField, string][] }
  /** The proof-of-work was refused (expired, or spent by an attempt whose answer was lost): solve anew. */
  | { kind: 'challenge' }
  /** A file the API will not take: back to the files step, with the reason (beside the file, when the API names it). */
  | { kind: 'files'; message: ParseKeys; fileIndex?: number }
  /** The appeal closed meanwhile: offer to send to the police service without it. */
  | { kind: 'appealClosed' }
  /** Too many tips from this connection: the tipster retries later, by hand. */
  | { kind: 'rateLimited' }
  /** No answer, a server error, or an interrupted upload: keep the tip and try again with backoff. */
  | { kind: 'retry'; offline: boolean }
  /** Anything else, which retrying cannot fix. */
  | { kind: 'stop'; message: ParseKeys };

const RETRY_STATUSES = new Set([0, 408, 425, 500, 502, 503, 504]);
const FORM_FIELDS: ReadonlySet<string> = new Set<TipField>([
  'description',
  'occurredFrom',
  'occurredTo',
  'place',
  'latitude',
  'longitude',
  'accuracyM',
  'contactName',
  'contactPhone',
  'contactEmail',
]);

const isOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

/** Sorts a failure of `POST /api/public/tips` into what the form should do about it. */
export function submitOutcome(error: unknown): SubmitOutcome {
  if (!ApiError.isApiError(error)) return { kind: 'retry', offline: isOffline() };
  const { statusCode, code } = error;
  if (code === NETWORK_ERROR || RETRY_STATUSES.has(statusCode) || code === 'UPLOAD_INCOMPLETE')
    return { kind: 'retry', offline: isOffline() };
  if (code === 'CHALLENGE_FAILED' || code === 'CHALLENGE_REQUIRED') return { kind: 'challenge' };
  if (code === 'UNKNOWN_APPEAL') return { kind: 'appealClosed' };
  if (code === 'UNKNOWN_AGENCY') return { kind: 'stop', message: 'tipSend.errors.unknownAgency' };
  if (statusCode === 429) return { kind: 'rateLimited' };
  if (statusCode === 413 || code === 'TOO_LARGE' || code === 'TOTAL_TOO_LARGE')
    return { kind: 'files', message: 'tipSend.errors.filesTooLarge' };
  if (statusCode === 415) return { kind: 'files', message: 'tipSend.errors.fileUnsupported' };
  if (code === 'TOO_MANY_PIXELS') return { kind: 'files', message: 'tipSend.errors.fileTooManyPixels' };
  // DAMAGED or HIDDEN_DATA: the file is not what it says; the API names its place in the request.
  if (statusCode === 422)
    return { kind: 'files', message: 'tipSend.errors.fileDamaged', fileIndex: error.file };
  if (code === 'TOO_MANY_FILES') return { kind: 'files', message: 'tipSend.errors.tooManyFiles' };

  const entries = Object.entries(error.errors ?? {});
  if (entries.some(([field]) => field === 'appeal')) return { kind: 'appealClosed' };
  if (entries.some(([field]) => field === 'agency'))
    return { kind: 'stop', message: 'tipSend.errors.unknownAgency' };
  const fields = entries.filter((entry): entry is [TipField, string] => FORM_FIELDS.has(entry[0]));
  const step = fields.map(([field]) => stepOfField(field)).find((s) => s !== undefined);
  if (step) return { kind: 'fields', step, fields };
  return { kind: 'stop', message: 'tipSend.errors.generic' };
}

/** How long to wait before the next automatic attempt: 2 s, 4 s, 8 s… up to a minute. */
export function retryDelayMs(attempt: number): number {
  return Math.min(60_000, 2_000 * 2 ** Math.max(0, attempt - 1));
}
