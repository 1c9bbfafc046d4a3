import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RetentionPolicyView } from '@vigie/common';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../shared/components/notice';
import { PageLoading } from '../../shared/components/page-loading';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { formatDate } from '../../shared/i18n/format';
import { usePortalLanguage } from '../../shared/i18n/language';
import { deskErrorMessage } from '../i18n/desk-error-message';
import { fetchRetentionPolicy, RETENTION_KEY, saveRetentionPolicy } from './records.api';

const FIELDS = ['notActionableDays', 'closedDays', 'socialDays'] as const;

/**
 * `/desk/settings/retention` (ADMIN): how long dismissed and closed tips, and the social accounts'
 * archive, are kept; empty follows the default.
 */
export function RetentionPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('desk.retention.heading'));
  const queryClient = useQueryClient();
  const policy = useQuery({ queryKey: RETENTION_KEY, queryFn: ({ signal }) => fetchRetentionPolicy(signal) });
  return (
    <section className="container page-section desk-page" aria-labelledby="retention-heading">
      <h2 id="retention-heading">{t('desk.retention.heading')}</h2>
      <p>{t('desk.retention.intro')}</p>
      {policy.isPending ? (
        <PageLoading />
      ) : policy.isError ? (
        <Notice tone="error">
          <p>{deskErrorMessage(t, policy.error)}</p>
        </Notice>
      ) : (
        <RetentionForm
          policy={policy.data}
          onSaved={(view) => queryClient.setQueryData(RETENTION_KEY, view)}
        />
      )}
    </section>
  );
}

/** The form starts from the agency's saved choice; after a save, what it shows is what was saved. */
function RetentionForm({
  policy,
  onSaved,
}: {
  policy: RetentionPolicyView;
  onSaved: (view: RetentionPolicyView) => void;
}) {
  const { t } = useTranslation();
  const lang = usePortalLanguage();
  const id = useId();
  const [values, setValues] = useState<Record<(typeof FIELDS)[number], string>>({
    notActionableDays: policy.agency.notActionableDays?.toString() ?? '',
    closedDays: policy.agency.closedDays?.toString() ?? '',
    socialDays: policy.agency.socialDays?.toString() ?? '',
  });
  const save = useMutation({ mutationFn: saveRetentionPolicy, onSuccess: onSaved });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const days = (value: string) => (value.trim() ? Number(value) : null);
    save.mutate({
      notActionableDays: days(values.notActionableDays),
      closedDays: days(values.closedDays),
      socialDays: days(values.socialDays),
    });
  };

  return (
    <form className="form" onSubmit={onSubmit}>
      {FIELDS.map((field) => (
        <div className="field" key={field}>
          <label className="field__label" htmlFor={`${id}-${field}`}>
            {t(`desk.retention.${field}`)}
          </label>
          <p className="field__hint" id={`${id}-${field}-hint`}>
            {t('desk.retention.hint', { days: policy.defaults[field], now: policy[field] })}
          </p>
          <input
            id={`${id}-${field}`}
            className="field__input"
            type="number"
            min={1}
            max={36500}
            inputMode="numeric"
            aria-describedby={`${id}-${field}-hint`}
            value={values[field]}
            onChange={(event) => setValues((current) => ({ ...current, [field]: event.target.value }))}
          />
        </div>
      ))}
      {policy.updatedAt && (
        <p className="tip-muted">
          {t('desk.retention.updated', {
            date: formatDate(policy.updatedAt, lang, true),
            name: policy.updatedBy?.displayName ?? '',
          })}
        </p>
      )}
      {save.isError && (
        <Notice tone="error">
          <p>{deskErrorMessage(t, save.error)}</p>
        </Notice>
      )}
      {save.isSuccess && <Notice tone="success">{t('desk.retention.saved')}</Notice>}
      <button type="submit" className="button button--primary" disabled={save.isPending}>
        {t('desk.retention.save')}
      </button>
    </form>
  );
}
