import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiErrorFrom } from '../../shared/api/api-error';
import { initI18n } from '../../shared/i18n/i18n';
import './desk-catalogue';
import { deskErrorMessage } from './desk-error-message';

describe('deskErrorMessage', () => {
  beforeAll(async () => {
    if (!i18next.isInitialized) initI18n();
    await i18next.changeLanguage('en');
  });
  const t = (...args: Parameters<typeof i18next.t>) => i18next.t(...args);

  it('explains a refusal by the reason it names, when the desk has words for it', () => {
    const error = apiErrorFrom(409, '', {
      statusCode: 409,
      code: 'TRANSFER_REFUSED',
      message: 'This tip cannot be transferred',
      reason: 'IN_CASE',
    });
    expect(deskErrorMessage(t as never, error)).toBe(t('desk.errors.TRANSFER_REFUSED_IN_CASE'));
  });

  it('falls back to the code’s text for a reason it does not know, or none', () => {
    const unknown = apiErrorFrom(409, '', {
      statusCode: 409,
      code: 'TRANSFER_REFUSED',
      message: 'x',
      reason: 'SOMETHING_NEW',
    });
    expect(deskErrorMessage(t as never, unknown)).toBe(t('desk.errors.TRANSFER_REFUSED'));
    const none = apiErrorFrom(409, '', { statusCode: 409, code: 'TRANSFER_REFUSED', message: 'x' });
    expect(deskErrorMessage(t as never, none)).toBe(t('desk.errors.TRANSFER_REFUSED'));
  });
});
