import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../shared/api/api-error';
import { retryDelayMs, submitOutcome } from './tip-errors';
import { tipFieldMessage } from './tip-field-messages';

const apiError = (statusCode: number, code: string, errors?: Record<string, string>) =>
  new ApiError({ statusCode, code, message: 'x', errors });

describe('what a failed sending means for the form', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('holds the tip and retries when no answer came, the server failed or the upload was cut', () => {
    expect(submitOutcome(apiError(0, 'NETWORK_ERROR'))).toEqual({ kind: 'retry', offline: false });
    expect(submitOutcome(apiError(502, 'HTTP_502'))).toMatchObject({ kind: 'retry' });
    expect(submitOutcome(apiError(503, 'HTTP_503'))).toMatchObject({ kind: 'retry' });
    expect(submitOutcome(apiError(500, 'INTERNAL'))).toMatchObject({ kind: 'retry' });
    expect(submitOutcome(apiError(400, 'UPLOAD_INCOMPLETE'))).toMatchObject({ kind: 'retry' });
    expect(submitOutcome(new TypeError('Failed to fetch'))).toMatchObject({ kind: 'retry' });
    vi.stubGlobal('navigator', { onLine: false });
    expect(submitOutcome(apiError(0, 'NETWORK_ERROR'))).toEqual({ kind: 'retry', offline: true });
  });

  it('puts the API’s field errors on the first step that shows one of them', () => {
    expect(
      submitOutcome(
        apiError(400, 'VALIDATION_FAILED', {
          contactEmail: 'Give a valid e-mail address',
          occurredFrom: 'Give a valid date and time',
        }),
      ),
    ).toEqual({
      kind: 'fields',
      step: 'contact',
      fields: [
        ['contactEmail', 'Give a valid e-mail address'],
        ['occurredFrom', 'Give a valid date and time'],
      ],
    });
    expect(
      submitOutcome(apiError(400, 'VALIDATION_FAILED', { description: 'Describe what you saw or know' })),
    ).toMatchObject({ kind: 'fields', step: 'what' });
  });

  it('sends refused files back to the files step, with the reason', () => {
    expect(submitOutcome(apiError(413, 'PAYLOAD_TOO_LARGE'))).toEqual({
      kind: 'files',
      message: 'tipSend.errors.filesTooLarge',
    });
    expect(submitOutcome(apiError(413, 'TOTAL_TOO_LARGE'))).toMatchObject({
      message: 'tipSend.errors.filesTooLarge',
    });
    expect(submitOutcome(apiError(415, 'UNSUPPORTED_TYPE'))).toMatchObject({
      message: 'tipSend.errors.fileUnsupported',
    });
    expect(submitOutcome(apiError(422, 'DAMAGED'))).toMatchObject({ message: 'tipSend.errors.fileDamaged' });
    // The API names the refused file by its place in the request: the form marks that one.
    const hidden = new ApiError({ statusCode: 422, code: 'HIDDEN_DATA', message: 'x', file: 2 });
    expect(submitOutcome(hidden)).toEqual({
      kind: 'files',
      message: 'tipSend.errors.fileDamaged',
      fileIndex: 2,
    });
    expect(submitOutcome(apiError(422, 'TOO_MANY_PIXELS'))).toMatchObject({
      message: 'tipSend.errors.fileTooManyPixels',
    });
    expect(submitOutcome(apiError(400, 'TOO_MANY_FILES'))).toMatchObject({
      message: 'tipSend.errors.tooManyFiles',
    });
  });

  it('tells apart a refused proof-of-work, a closed appeal, a rate limit and the rest', () => {
    expect(submitOutcome(apiError(400, 'CHALLENGE_FAILED'))).toEqual({ kind: 'challenge' });
    expect(submitOutcome(apiError(400, 'CHALLENGE_REQUIRED'))).toEqual({ kind: 'challenge' });
    expect(submitOutcome(apiError(404, 'UNKNOWN_APPEAL'))).toEqual({ kind: 'appealClosed' });
    expect(submitOutcome(apiError(400, 'VALIDATION_FAILED', { appeal: 'Unknown appeal' }))).toEqual({
      kind: 'appealClosed',
    });
    expect(submitOutcome(apiError(404, 'UNKNOWN_AGENCY'))).toEqual({
      kind: 'stop',
      message: 'tipSend.errors.unknownAgency',
    });
    expect(submitOutcome(apiError(429, 'TOO_MANY_REQUESTS'))).toEqual({ kind: 'rateLimited' });
    expect(submitOutcome(apiError(400, 'BAD_REQUEST'))).toEqual({
      kind: 'stop',
      message: 'tipSend.errors.generic',
    });
  });

  it('waits longer after each failed attempt, up to a minute', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 10].map(retryDelayMs)).toEqual([
      2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000,
    ]);
  });
});

describe('field messages', () => {
  it('maps the shared DTO’s constraints and the form’s own rules to the form’s texts', () => {
    expect(tipFieldMessage('description', 'matches')).toEqual({ key: 'tip.errors.descriptionRequired' });
    expect(
      tipFieldMessage(
        'description',
        'maxLength',
        'description must be shorter than or equal to 10000 characters',
      ),
    ).toEqual({ key: 'tip.errors.tooLong', limit: 10000 });
    expect(tipFieldMessage('occurredTo', 'order')).toEqual({ key: 'tip.errors.endBeforeStart' });
    expect(tipFieldMessage('occurredFrom', 'future')).toEqual({ key: 'tip.errors.future' });
    expect(tipFieldMessage('occurredFrom', 'isIso8601')).toEqual({ key: 'tip.errors.date' });
    expect(tipFieldMessage('contactPhone', 'matches')).toEqual({ key: 'tip.errors.phone' });
    expect(tipFieldMessage('contactPhone', 'contactNeeded')).toEqual({ key: 'tip.errors.contactNeeded' });
    expect(tipFieldMessage('latitude', 'isLatitude')).toEqual({ key: 'tip.errors.location' });
    // The API's messages for the same fields say the same thing.
    expect(tipFieldMessage('contactEmail', 'server', 'Give a valid e-mail address')).toEqual({
      key: 'tip.errors.email',
    });
    expect(
      tipFieldMessage('place', 'server', 'place must be shorter than or equal to 500 characters'),
    ).toEqual({ key: 'tip.errors.tooLong', limit: 500 });
  });
});
