// First, before anything that may load the shared DTOs (see reflect-metadata.ts).
import '../reflect-metadata';
import { SSO_ERRORS, type SsoError } from '@vigie/common';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { Notice } from '../../shared/components/notice';
import { TextField } from '../../shared/components/text-field';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { useSignInForm } from '../hooks/use-sign-in-form';
import { useSsoOptions } from '../hooks/use-sso-options';
import { withDeskQueries } from './with-desk-queries';
import '../i18n/desk-catalogue';
import './sign-in-page.css';

interface SignInState {
  from?: string;
  signedOut?: boolean;
  /** The desk was open and its session ended (signed out elsewhere, disabled, expired). */
  sessionEnded?: boolean;
}

export function SignInPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('signIn.title'));
  const navigate = useNavigate();
  const state = (useLocation().state ?? {}) as SignInState;
  // Only ever back into the desk: the state comes from our own redirect, but it costs nothing to be sure.
  const destination = state.from?.startsWith('/desk') ? state.from : '/desk';
  const { form, totpRequired, onSubmit, fieldError, submitError, isSubmitting } = useSignInForm(() => {
    void navigate(destination, { replace: true });
  });
  const { register } = form;
  const [params] = useSearchParams();
  // The e-mail as it was when the field was left: the organisation sign-in is looked up then.
  const [leftEmail, setLeftEmail] = useState('');
  const sso = useSsoOptions(params.get('agency'), leftEmail);
  const ssoError = SSO_ERRORS.find((code) => code === params.get('sso_error'));
  const emailField = register('email');

  return (
    <div className="container page-section sign-in">
      <div className="sign-in__panel">
        <h1 className="sign-in__title">{t('signIn.title')}</h1>
        <p className="sign-in__intro">{t('signIn.intro')}</p>

        {state.signedOut && !submitError && <Notice tone="success">{t('signIn.signedOut')}</Notice>}
        {state.sessionEnded && !submitError && <Notice tone="info">{t('errors.UNAUTHENTICATED')}</Notice>}
        {submitError && <Notice tone="error">{submitError}</Notice>}
        {ssoError && !submitError && <Notice tone="error">{t(SSO_ERROR_MESSAGES[ssoError])}</Notice>}

        <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
          {/* The e-mail only finds the agency: with ?agency= and no password sign-in, nothing needs it. */}
          {(sso.passwordSignIn || !params.get('agency')) && (
            <TextField
              label={t('signIn.email')}
              type="email"
              autoComplete="username"
              inputMode="email"
              spellCheck={false}
              error={fieldError('email')}
              {...emailField}
              onBlur={(event) => {
                void emailField.onBlur(event);
                setLeftEmail(event.target.value);
              }}
            />
          )}
          {sso.startUrl && (
            <div className="sign-in__sso">
              {/* A plain link: the API answers with a redirect to the provider. */}
              <a className="button button--secondary button--block" href={sso.startUrl}>
                {t('signIn.sso.button')}
              </a>
              {!sso.passwordSignIn && <p className="sign-in__sso-note">{t('signIn.sso.passwordOff')}</p>}
            </div>
          )}
          {sso.passwordSignIn && (
            <TextField
              label={t('signIn.password')}
              type="password"
              autoComplete="current-password"
              error={fieldError('password')}
              {...register('password')}
            />
          )}
          {sso.passwordSignIn && totpRequired && (
            <TextField
              label={t('signIn.totp')}
              hint={t('signIn.totpHint')}
              type="text"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              className="field__input--code"
              error={fieldError('totp')}
              {...register('totp')}
            />
          )}
          {sso.passwordSignIn && (
            <button type="submit" className="button button--primary button--block" disabled={isSubmitting}>
              {isSubmitting ? t('signIn.submitting') : t('signIn.submit')}
            </button>
          )}
        </form>
      </div>

      <aside className="sign-in__aside">
        <p>{t('signIn.publicNotice')}</p>
        <p>
          <Link to="/">{t('signIn.publicLink')}</Link>
        </p>
      </aside>
    </div>
  );
}

const SSO_ERROR_MESSAGES = {
  NO_MAPPED_GROUP: 'signIn.sso.errors.NO_MAPPED_GROUP',
  ACCOUNT_DISABLED: 'signIn.sso.errors.ACCOUNT_DISABLED',
  EMAIL_ELSEWHERE: 'signIn.sso.errors.EMAIL_ELSEWHERE',
  SSO_FAILED: 'signIn.sso.errors.SSO_FAILED',
  SSO_NOT_AVAILABLE: 'signIn.sso.errors.SSO_NOT_AVAILABLE',
  SSO_NO_TRANSACTION: 'signIn.sso.errors.SSO_NO_TRANSACTION',
  SSO_STATE_MISMATCH: 'signIn.sso.errors.SSO_STATE_MISMATCH',
  SSO_REJECTED: 'signIn.sso.errors.SSO_REJECTED',
  SSO_PROVIDER_ERROR: 'signIn.sso.errors.SSO_PROVIDER_ERROR',
  SSO_PROVIDER_UNREACHABLE: 'signIn.sso.errors.SSO_PROVIDER_UNREACHABLE',
} as const satisfies Record<SsoError, string>;

/** `/login`: the sign-in page with the desk's query cache, which it fills with the staff profile. */
export const SignInRoute = withDeskQueries(SignInPage);
