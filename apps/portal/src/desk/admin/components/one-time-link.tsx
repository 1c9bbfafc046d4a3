import type { OneTimeLinkResult } from '@vigie/common';
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/i18n/format';
import { usePortalLanguage } from '../../../shared/i18n/language';
import { CopyButton } from './copy-button';

interface OneTimeLinkProps {
  result: OneTimeLinkResult;
  /** Who the link is for: named in the message. */
  email: string;
  /** An activation (invitation) or a password reset: the words differ. */
  purpose: 'invite' | 'reset';
}

/**
 * What became of a one-time link: e-mailed, or (no SMTP configured) shown here once, with a copy button.
 * The API keeps only its hash, so once this is gone the admin must issue another.
 */
export function OneTimeLink({ result, email, purpose }: OneTimeLinkProps) {
  const { t } = useTranslation();
  const lang = usePortalLanguage();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const expires = formatDate(result.expiresAt, lang, true) ?? '';

  if (result.emailed || !result.activationUrl) {
    return (
      <div className="one-time-link">
        <p>
          {purpose === 'invite'
            ? t('desk.admin.link.emailedInvite', { email })
            : t('desk.admin.link.emailedReset', { email })}
        </p>
        <p className="tip-muted">{t('desk.admin.link.expires', { date: expires })}</p>
      </div>
    );
  }

  const url = result.activationUrl;
  return (
    <div className="one-time-link one-time-link--shown">
      <p className="one-time-link__warning">
        {purpose === 'invite'
          ? t('desk.admin.link.shownOnceInvite', { email })
          : t('desk.admin.link.shownOnceReset', { email })}
      </p>
      <label className="field__label" htmlFor={`${id}-url`}>
        {t('desk.admin.link.label')}
      </label>
      <div className="one-time-link__row">
        <input
          ref={input}
          id={`${id}-url`}
          className="field__input one-time-link__url"
          type="text"
          readOnly
          value={url}
          aria-describedby={`${id}-expires`}
          onFocus={(event) => event.target.select()}
        />
        <CopyButton
          text={url}
          label={t('desk.admin.link.copy')}
          copiedLabel={t('desk.admin.link.copied')}
          primary
          onRefused={() => input.current?.select()}
        />
      </div>
      <p className="tip-muted" id={`${id}-expires`}>
        {t('desk.admin.link.expires', { date: expires })}
      </p>
    </div>
  );
}
