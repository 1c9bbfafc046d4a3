// First, before anything that may load the shared DTOs (see reflect-metadata.ts).
import '../../reflect-metadata';
import { LIMITS, type ActivationView } from '@vigie/common';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Notice } from '../../../shared/components/notice';
import { PageLoading } from '../../../shared/components/page-loading';
import { TextField } from '../../../shared/components/text-field';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { formatDate } from '../../../shared/i18n/format';
import { usePortalLanguage } from '../../../shared/i18n/language';
import { withDeskQueries } from '../../components/with-desk-queries';
import { deskErrorMessage } from '../../i18n/desk-error-message';
import { isDeadLink, useActivation, useActivationForm, useTotpEnrolment } from '../hooks/use-activation';
import { CopyButton } from './copy-button';
import { TotpQrCode } from './totp-qr-code';
import '../../i18n/desk-catalogue';
import '../../components/sign-in-page.css';
import './admin.css';

/**
 * `/desk/activate/:token`: a one-time link from an invitation or a password reset. Public: the person has
 * no session yet. They choose a password (and enrol TOTP when the agency requires it), then sign in.
 */
export function ActivationPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('desk.activate.title'));
  const token = useParams().token ?? '';
  const activation = useActivation(token);

  return (
    <div className="container page-section sign-in activation">
      <div className="sign-in__panel activation__panel">
        {activation.isPending ? (
          <PageLoading />
        ) : activation.isError ? (
          isDeadLink(activation.error) ? (
            <DeadLink />
          ) : (
            <>
              <h1 className="sign-in__title">{t('desk.activate.title')}</h1>
              <Notice
                tone="error"
                action={
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => void activation.refetch()}
                  >
                    {t('common.retry')}
                  </button>
                }
              >
                <p>{deskErrorMessage(t, activation.error)}</p>
              </Notice>
            </>
          )
        ) : (
          <ActivationForm token={token} view={activation.data} />
        )}
      </div>
    </div>
  );
}

function DeadLink() {
  const { t } = useTranslation();
  return (
    <>
      <h1 className="sign-in__title">{t('desk.activate.deadTitle')}</h1>
      <Notice tone="error">
        <p>{t('desk.activate.dead')}</p>
      </Notice>
      <p>
        <Link to="/login">{t('desk.activate.toSignIn')}</Link>
      </p>
    </>
  );
}

function ActivationForm({ token, view }: { token: string; view: ActivationView }) {
  const { t } = useTranslation();
  const lang = usePortalLanguage();
  const id = useId();
  const { form, onSubmit, done, deadLink, fieldError, submitError, isSubmitting } = useActivationForm(
    token,
    view.totpRequired,
  );
  const { register } = form;
  const reset = view.purpose === 'PASSWORD_RESET';

  if (deadLink) return <DeadLink />;
  if (done) {
    return (
      <>
        <h1 className="sign-in__title">{t('desk.activate.doneTitle')}</h1>
        <Notice tone="success">
          <p>{reset ? t('desk.activate.doneReset') : t('desk.activate.done', { agency: view.agencyName })}</p>
        </Notice>
        <p>
          <Link className="button button--primary" to="/login">
            {t('desk.activate.toSignIn')}
          </Link>
        </p>
      </>
    );
  }

  return (
    <>
      <h1 className="sign-in__title">{reset ? t('desk.activate.resetTitle') : t('desk.activate.title')}</h1>
      <p className="sign-in__intro">
        {reset
          ? t('desk.activate.forReset', { name: view.displayName, agency: view.agencyName })
          : t('desk.activate.forInvite', { name: view.displayName, agency: view.agencyName })}
      </p>
      <p className="field__hint activation__expires">
        {t('desk.activate.expires', { date: formatDate(view.expiresAt, lang, true) ?? '' })}
      </p>
      {submitError && <Notice tone="error">{submitError}</Notice>}
      <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
        {/* The account's name, for password managers to save the new password against (WCAG 3.3.8). */}
        <TextField
          label={t('desk.activate.email')}
          name="username"
          type="email"
          autoComplete="username"
          readOnly
          value={view.email}
        />
        <TextField
          label={t('desk.activate.password')}
          hint={t('desk.activate.passwordHint', { min: LIMITS.staffPasswordMinLength })}
          type="password"
          autoComplete="new-password"
          error={fieldError('password')}
          {...register('password')}
        />
        <TextField
          label={t('desk.activate.confirm')}
          type="password"
          autoComplete="new-password"
          error={fieldError('confirm')}
          {...register('confirm')}
        />
        {view.totpRequired && (
          <fieldset className="activation__totp" aria-describedby={`${id}-totp-intro`}>
            <legend className="field__label">{t('desk.activate.totpLegend')}</legend>
            <p id={`${id}-totp-intro`}>{t('desk.activate.totpIntro')}</p>
            <TotpSecret token={token} />
            <TextField
              label={t('desk.activate.totpCode')}
              hint={t('desk.activate.totpCodeHint')}
              type="text"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              className="field__input--code"
              error={fieldError('totpCode')}
              {...register('totpCode')}
            />
          </fieldset>
        )}
        <button type="submit" className="button button--primary button--block" disabled={isSubmitting}>
          {isSubmitting ? t('desk.activate.submitting') : t('desk.activate.submit')}
        </button>
      </form>
    </>
  );
}

/** The secret as a QR code and as text to type or paste into an authenticator app. */
function TotpSecret({ token }: { token: string }) {
  const { t } = useTranslation();
  const enrolment = useTotpEnrolment(token, true);
  if (enrolment.isPending) return <PageLoading label={t('desk.activate.totpLoading')} />;
  if (enrolment.isError) {
    return (
      <Notice
        tone="error"
        action={
          <button type="button" className="button button--secondary" onClick={() => void enrolment.refetch()}>
            {t('common.retry')}
          </button>
        }
      >
        <p>{deskErrorMessage(t, enrolment.error)}</p>
      </Notice>
    );
  }
  // Groups of four are easier to read out and type; the app ignores the spaces.
  const grouped = enrolment.data.secret.replace(/(.{4})(?=.)/g, '$1 ');
  return (
    <div className="activation__secret">
      <TotpQrCode uri={enrolment.data.otpauthUri} label={t('desk.activate.qrLabel')} />
      <div>
        <p className="field__label">{t('desk.activate.secret')}</p>
        <p className="field__hint">{t('desk.activate.secretHint')}</p>
        {/* Text that wraps, not an input that cuts it off: selectable, and copied whole by the button. */}
        <p className="activation__secret-text">
          <code>{grouped}</code>
        </p>
        <CopyButton
          text={enrolment.data.secret}
          label={t('desk.activate.copySecret')}
          copiedLabel={t('desk.activate.secretCopied')}
        />
      </div>
    </div>
  );
}

/** The route's element: the desk's query cache around the page, without the desk's sign-in check. */
export const ActivationRoute = withDeskQueries(ActivationPage);
