import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Notice } from '../../../shared/components/notice';
import { PageLoading } from '../../../shared/components/page-loading';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { formatDate } from '../../../shared/i18n/format';
import { usePortalLanguage } from '../../../shared/i18n/language';
import { deskErrorMessage } from '../../i18n/desk-error-message';
import { CASES_KEY, createCase, fetchCaseList } from '../api/cases.api';
import { InlineTextForm } from '../../components/inline-text-form';
import './cases.css';

/** `/desk/cases`: the agency's cases, newest first, and a way to open one. */
export function CasesListPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('desk.cases.heading'));
  const lang = usePortalLanguage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const cases = useQuery({
    queryKey: [...CASES_KEY, 'list'],
    queryFn: ({ signal }) => fetchCaseList(signal),
  });
  const create = useMutation({
    mutationFn: createCase,
    onSuccess: (view) => {
      void queryClient.invalidateQueries({ queryKey: CASES_KEY });
      void navigate(`/desk/cases/${view.id}`);
    },
  });
  const onSubmit = () => {
    if (title.trim()) create.mutate(title.trim());
  };

  return (
    <section className="container page-section desk-page" aria-labelledby="cases-heading">
      <h2 id="cases-heading">{t('desk.cases.heading')}</h2>
      <InlineTextForm
        className="case-new"
        label={t('desk.cases.newTitle')}
        value={title}
        onChange={setTitle}
        maxLength={200}
        submitLabel={t('desk.cases.create')}
        onSubmit={onSubmit}
        disabled={create.isPending || !title.trim()}
        primary
      />
      {create.isError && (
        <Notice tone="error">
          <p>{deskErrorMessage(t, create.error)}</p>
        </Notice>
      )}
      {cases.isPending ? (
        <PageLoading />
      ) : cases.isError ? (
        <Notice tone="error">
          <p>{deskErrorMessage(t, cases.error)}</p>
        </Notice>
      ) : cases.data.length === 0 ? (
        <Notice tone="info" live={false} title={t('desk.cases.emptyTitle')} />
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('desk.cases.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('desk.cases.number')}</th>
                <th scope="col">{t('desk.cases.title')}</th>
                <th scope="col">{t('desk.cases.lead')}</th>
                <th scope="col">{t('desk.cases.status')}</th>
                <th scope="col">{t('desk.cases.opened')}</th>
              </tr>
            </thead>
            <tbody>
              {cases.data.map((one) => (
                <tr key={one.id}>
                  <th scope="row">
                    <Link to={`/desk/cases/${one.id}`}>{one.number}</Link>
                  </th>
                  <td>{one.title}</td>
                  <td>{one.lead?.displayName ?? t('desk.cases.noLead')}</td>
                  <td>{t(`desk.cases.state.${one.status}`)}</td>
                  <td>{formatDate(one.createdAt, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
