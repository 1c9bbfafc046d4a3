import type { PlatformAgencyView } from '@vigie/common';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../../shared/components/notice';
import { PageLoading } from '../../../shared/components/page-loading';
import { TextField } from '../../../shared/components/text-field';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { formatDate } from '../../../shared/i18n/format';
import { usePortalLanguage } from '../../../shared/i18n/language';
import { deskErrorMessage } from '../../i18n/desk-error-message';
import { timeZoneLabel } from '../api/time-zones';
import { useAgencyAdminForm, useCreateAgencyForm, usePlatformAgencies } from '../hooks/use-platform';
import { AdminDialog } from './admin-dialog';
import { OneTimeLink } from './one-time-link';
import { TimeZoneSelect } from './time-zone-select';
import './admin.css';

/**
 * `/desk/platform` (platform operator): the deployment's agencies, a new one, and an administrator for
 * each. The operator sees names and counts only, never an agency's tips, cases or appeals.
 */
export function PlatformPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('desk.platform.heading'));
  const lang = usePortalLanguage();
  const agencies = usePlatformAgencies();
  const [inviteInto, setInviteInto] = useState<PlatformAgencyView | null>(null);
  const caption = t('desk.platform.caption');

  return (
    <section
      className="container container--wide page-section desk-page admin-page"
      aria-labelledby="platform-heading"
    >
      <h2 id="platform-heading">{t('desk.platform.heading')}</h2>
      <p className="admin-page__intro">{t('desk.platform.intro')}</p>
      {agencies.isPending ? (
        <PageLoading />
      ) : agencies.isError ? (
        <Notice tone="error">
          <p>{deskErrorMessage(t, agencies.error)}</p>
        </Notice>
      ) : agencies.data.length === 0 ? (
        <Notice tone="info" live={false} title={t('desk.platform.empty')} />
      ) : (
        <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
          <table className="data-table">
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('desk.platform.name')}</th>
                <th scope="col">{t('desk.platform.slug')}</th>
                <th scope="col">{t('desk.platform.timeZone')}</th>
                <th scope="col">{t('desk.platform.admins')}</th>
                <th scope="col">{t('desk.platform.created')}</th>
                <th scope="col">{t('desk.admin.staff.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {agencies.data.map((agency) => (
                <tr key={agency.id}>
                  <th scope="row">{agency.name}</th>
                  <td>{agency.slug}</td>
                  <td>{timeZoneLabel(agency.timeZone)}</td>
                  <td>
                    {agency.activeAdmins === 0 ? (
                      <span className="data-table__flag">{t('desk.platform.noAdmin')}</span>
                    ) : (
                      agency.activeAdmins
                    )}
                  </td>
                  <td>{formatDate(agency.createdAt, lang)}</td>
                  <td>
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      onClick={() => setInviteInto(agency)}
                    >
                      {t('desk.platform.inviteAdmin')}{' '}
                      <span className="visually-hidden">({agency.name})</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <NewAgencyForm onCreated={setInviteInto} />
      {inviteInto && (
        <AgencyAdminDialog key={inviteInto.id} agency={inviteInto} onClose={() => setInviteInto(null)} />
      )}
    </section>
  );
}

function NewAgencyForm({ onCreated }: { onCreated: (agency: PlatformAgencyView) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const { form, onSubmit, fieldError, submitError, isSubmitting } = useCreateAgencyForm(onCreated);
  const { register } = form;
  return (
    <section className="admin-panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="admin-panel__title">
        {t('desk.platform.newHeading')}
      </h3>
      <form className="form admin-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <div className="admin-form__pair">
          <TextField
            label={t('desk.platform.name')}
            autoComplete="off"
            error={fieldError('name')}
            {...register('name')}
          />
          <TextField
            label={t('desk.platform.slug')}
            hint={t('desk.platform.slugHint')}
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="none"
            error={fieldError('slug')}
            {...register('slug')}
          />
        </div>
        <TimeZoneSelect
          label={t('desk.platform.timeZone')}
          placeholder={t('desk.platform.chooseTimeZone')}
          error={fieldError('timeZone')}
          frameClass="admin-form__zone"
          {...register('timeZone')}
        />
        {submitError && <Notice tone="error">{submitError}</Notice>}
        <div>
          <button type="submit" className="button button--primary" disabled={isSubmitting}>
            {t('desk.platform.create')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Invites an administrator into one agency; after creating an agency it opens by itself for its first. */
function AgencyAdminDialog({ agency, onClose }: { agency: PlatformAgencyView; onClose: () => void }) {
  const { t } = useTranslation();
  const formId = useId();
  const { form, onSubmit, invitation, fieldError, submitError, isSubmitting } = useAgencyAdminForm(agency.id);
  const { register } = form;
  return (
    <AdminDialog
      title={t('desk.platform.inviteTitle', { agency: agency.name })}
      onClose={onClose}
      dismissLabel={invitation ? t('desk.common.close') : undefined}
      actions={
        !invitation && (
          <button type="submit" form={formId} className="button button--primary" disabled={isSubmitting}>
            {t('desk.admin.invite.submit')}
          </button>
        )
      }
    >
      {!invitation && (
        <form id={formId} className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
          <p>{agency.activeAdmins === 0 ? t('desk.platform.firstAdmin') : t('desk.platform.anotherAdmin')}</p>
          <TextField
            label={t('desk.admin.invite.email')}
            type="email"
            autoComplete="off"
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
          {submitError && <Notice tone="error">{submitError}</Notice>}
        </form>
      )}
      <div role="status">
        {invitation && (
          <>
            <p className="notice__title">
              {t('desk.admin.invite.done', { name: invitation.member.displayName })}
            </p>
            <OneTimeLink result={invitation} email={invitation.member.email} purpose="invite" />
          </>
        )}
      </div>
    </AdminDialog>
  );
}
