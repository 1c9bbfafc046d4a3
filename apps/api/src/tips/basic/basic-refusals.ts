import { HttpException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { TIP_LIMITS } from '@vigie/common';
import { DomainException } from '../../common/domain.exception';
import type { PageLanguage, PortalTexts } from '../../portal/portal-texts';
import type { PageProblems } from './basic-form-parts';

/** A refusal as the pages see it: the status to answer with, a stable code, the fields named by validation. */
export interface Refusal {
  status: number;
  code: string;
  fields?: Record<string, string>;
}

/** What was thrown, as a refusal; null for what is not one (a bug or an outage: the global filter's). */
export function refusalOf(exception: unknown): Refusal | null {
  if (exception instanceof DomainException)
    return { status: exception.status, code: exception.code, fields: exception.errors };
  if (exception instanceof ThrottlerException) return { status: 429, code: 'TOO_MANY_REQUESTS' };
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    if (status >= 500) return null;
    // Multer's own limits: a file over the size cap, more files than allowed.
    const code =
      status === 413 ? 'TOO_LARGE' : /files?/i.test(exception.message) ? 'TOO_MANY_FILES' : 'BAD_REQUEST';
    return { status, code };
  }
  return null;
}

/** Refusals that are about the files: shown on the file field. */
const FILE_CODES: Record<string, string> = {
  TOTAL_TOO_LARGE: 'tipSend.errors.filesTooLarge',
  TOO_LARGE: 'tipSend.errors.filesTooLarge',
  TOO_MANY_FILES: 'tipSend.errors.tooManyFiles',
  UNSUPPORTED_TYPE: 'tipSend.errors.fileUnsupported',
  NOT_AN_IMAGE: 'tipSend.errors.fileUnsupported',
  HIDDEN_DATA: 'tipSend.errors.fileUnsupported',
  DAMAGED: 'errors.DAMAGED',
  TOO_MANY_PIXELS: 'tipSend.errors.fileTooManyPixels',
  UPLOAD_INCOMPLETE: 'errors.UPLOAD_INCOMPLETE',
  NO_FILE: 'errors.NO_FILE',
};

/** Refusals about the whole form or session. */
const PAGE_CODES: Record<string, string> = {
  FORM_TOKEN_INVALID: 'basic.form.invalid',
  FORM_TOKEN_TOO_FRESH: 'basic.form.tooFast',
  FORM_TOKEN_USED: 'basic.form.used',
  CHALLENGE_FAILED: 'basic.form.used',
  FORM_EXPIRED: 'basic.form.expired',
  CROSS_SITE: 'basic.form.crossSite',
  TOO_MANY_REQUESTS: 'basic.form.rateLimited',
  UNKNOWN_APPEAL: 'tipSend.errors.appealClosed',
  UNKNOWN_AGENCY: 'tipSend.errors.unknownAgency',
  BAD_CREDENTIALS: 'followUp.errors.badCredentials',
  LOCKED: 'followUp.errors.locked',
  TOKEN_INVALID: 'followUp.errors.expired',
  TIP_CLOSED: 'followUp.errors.closed',
  SESSION_MISMATCH: 'basic.followUp.stale',
};

/** Validation's field names, as each field's message in the portal's words. */
function fieldMessage(
  texts: PortalTexts,
  lang: PageLanguage,
  name: string,
  values: Record<string, unknown>,
): string | undefined {
  const t = (key: string, vars?: Record<string, string | number>) => texts.t(lang, key, vars);
  const blank = typeof values[name] !== 'string' || !(values[name] as string).trim();
  switch (name) {
    case 'description':
      return blank
        ? t('tip.errors.descriptionRequired')
        : t('tip.errors.tooLong', { limit: TIP_LIMITS.descriptionMax });
    case 'occurredLocal':
      return t('tip.errors.date');
    case 'place':
      return t('tip.errors.tooLong', { limit: TIP_LIMITS.placeMax });
    case 'contactName':
      return t('tip.errors.tooLong', { limit: TIP_LIMITS.nameMax });
    case 'contactPhone':
      return t('tip.errors.phone');
    case 'contactEmail':
      return t('tip.errors.email');
    case 'agency':
      return t('tip.agency.required');
    case 'code':
      return t('followUp.errors.codeFormat');
    case 'password':
      return t('followUp.errors.passwordRequired');
    case 'body':
      return t('followUp.errors.messageTooLong', { limit: TIP_LIMITS.messageMax });
    default:
      return undefined;
  }
}

/** A refusal in the page's language: a message for the page, or messages on the fields concerned. */
export function problemsOf(
  refusal: Refusal,
  texts: PortalTexts,
  lang: PageLanguage,
  values: Record<string, unknown> = {},
): PageProblems {
  const t = (key: string) => texts.t(lang, key);
  if (FILE_CODES[refusal.code]) return { fields: { files: t(FILE_CODES[refusal.code]) } };
  if (refusal.code === 'NOTHING_TO_SEND') return { fields: { body: t('basic.followUp.nothingToSend') } };
  if (refusal.code === 'DATE_IN_FUTURE') return { fields: { occurredLocal: t('tip.errors.future') } };
  if (refusal.code === 'VALIDATION_FAILED') {
    const fields: Record<string, string> = {};
    let other = false;
    for (const name of Object.keys(refusal.fields ?? {})) {
      const message = fieldMessage(texts, lang, name, values);
      if (message) fields[name] = message;
      else other = true;
    }
    return { fields, message: other ? t('tipSend.errors.generic') : undefined };
  }
  return { message: t(PAGE_CODES[refusal.code] ?? 'tipSend.errors.generic') };
}
