import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../../shared/components/notice';
import { TextField } from '../../../shared/components/text-field';
import { useInviteForm } from '../hooks/use-invite-form';
import { OneTimeLink } from './one-time-link';
import { RolesFieldset } from './roles-fieldset';

/** "Invite a person": e-mail, name and roles; then the one-time link (shown once) or "it was e-mailed". */
export function InviteForm() {
  const { t } = useTranslation();
  const id = useId();
  const { form, onSubmit, invitation, fieldError, submitError, isSubmitting } = useInviteForm();
  const { register } = form;

  return (
    <section className="admin-panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="admin-panel__title">
        {t('desk.admin.invite.heading')}
      </h3>
      <p className="field__hint">{t('desk.admin.invite.intro')}</p>
      <form className="form admin-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <div className="admin-form__pair">
          <TextField
            label={t('desk.admin.invite.email')}
            type="email"
            autoComplete="off"
            inputMode="email"
            spellCheck={false}
            error={fieldError('email')}
            {...register('email')}
          />
          <TextField
            label={t('desk.admin.invite.name')}
            autoComplete="off"
            error={fieldError('name')}
            {...register('name')}
          />
        </div>
        <RolesFieldset
          legend={t('desk.admin.invite.roles')}
          error={fieldError('roles')}
          input={() => register('roles')}
        />
        {submitError && <Notice tone="error">{submitError}</Notice>}
        <div>
          <button type="submit" className="button button--primary" disabled={isSubmitting}>
            {isSubmitting ? t('desk.admin.invite.sending') : t('desk.admin.invite.submit')}
          </button>
        </div>
      </form>
      {/* A live region present from the start, so the outcome is announced when it appears. */}
      <div role="status" className="admin-panel__outcome">
        {invitation && (
          <div className="notice notice--success">
            <p className="notice__title">
              {t('desk.admin.invite.done', { name: invitation.member.displayName })}
            </p>
            <OneTimeLink result={invitation} email={invitation.member.email} purpose="invite" />
          </div>
        )}
      </div>
    </section>
  );
}
