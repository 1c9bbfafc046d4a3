// First, before anything that may load the shared DTOs (see reflect-metadata.ts).
import '../reflect-metadata';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { Notice } from '../../shared/components/notice';
import { TextField } from '../../shared/components/text-field';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { useSignInForm } from '../hooks/use-sign-in-form';
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

  return (
    <div className="container page-section sign-in">
      <div className="sign-in__panel">
        <h1 className="sign-in__title">{t('signIn.title')}</h1>
        <p className="sign-in__intro">{t('signIn.intro')}</p>

        {state.signedOut && !submitError && <Notice tone="success">{t('signIn.signedOut')}</Notice>}
        {state.sessionEnded && !submitError && <Notice tone="info">{t('errors.UNAUTHENTICATED')}</Notice>}
        {submitError && <Notice tone="error">{submitError}</Notice>}

        <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
          <TextField
            label={t('signIn.email')}
            type="email"
            autoComplete="username"
            inputMode="email"
            spellCheck={false}
            error={fieldError('email')}
            {...register('email')}
          />
          <TextField
            label={t('signIn.password')}
            type="password"
            autoComplete="current-password"
            error={fieldError('password')}
            {...register('password')}
          />
          {totpRequired && (
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
          <button type="submit" className="button button--primary button--block" disabled={isSubmitting}>
            {isSubmitting ? t('signIn.submitting') : t('signIn.submit')}
          </button>
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

/** `/login`: the sign-in page with the desk's query cache, which it fills with the staff profile. */
export const SignInRoute = withDeskQueries(SignInPage);
