import type { FollowUpSession } from '@vigie/common';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Notice } from '../../../shared/components/notice';
import { TextField } from '../../../shared/components/text-field';
import type { FollowUpNotice } from '../hooks/use-follow-up';
import { useFollowUpSignInForm } from '../hooks/use-follow-up-forms';

interface Props {
  notice: FollowUpNotice;
  onSignedIn: (code: string, session: FollowUpSession) => void;
}

export function FollowUpSignIn({ notice, onSignedIn }: Props) {
  const { t } = useTranslation();
  const showId = useId();
  const [showPassword, setShowPassword] = useState(false);
  const { form, onSubmit, failure, codeError, passwordError, isSubmitting } =
    useFollowUpSignInForm(onSignedIn);
  const { register } = form;

  return (
    <div className="follow-up-sign-in">
      <h1>{t('followUp.title')}</h1>
      <p className="tip-page__intro">{t('followUp.intro')}</p>
      {notice === 'expired' && !failure && <Notice tone="info">{t('followUp.errors.expired')}</Notice>}
      {notice === 'signedOut' && !failure && <Notice tone="success">{t('followUp.signedOut')}</Notice>}
      {failure && <Notice tone="error">{failure}</Notice>}
      <form className="form follow-up-sign-in__form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <TextField
          label={t('followUp.code')}
          hint={t('followUp.codeHint')}
          className="field__input--tip-code"
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          error={codeError}
          {...register('code')}
        />
        <TextField
          label={t('followUp.password')}
          hint={t('followUp.passwordHint')}
          type={showPassword ? 'text' : 'password'}
          autoComplete="off"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          error={passwordError}
          {...register('password')}
        />
        <div className="checkbox">
          <input
            id={showId}
            type="checkbox"
            checked={showPassword}
            onChange={(event) => setShowPassword(event.currentTarget.checked)}
          />
          <label htmlFor={showId}>{t('followUp.showPassword')}</label>
        </div>
        <button type="submit" className="button button--primary button--block" disabled={isSubmitting}>
          {isSubmitting ? t('followUp.submitting') : t('followUp.submit')}
        </button>
      </form>
      <p className="follow-up-sign-in__lost">
        {t('followUp.lost')} <Link to="/tips/new">{t('tip.title')}</Link>
      </p>
    </div>
  );
}
