import { useQuery } from '@tanstack/react-query';
import { TipStatus, type AppealTipStats } from '@vigie/common';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../../shared/api/api-client';
import { Notice } from '../../../shared/components/notice';
import { PageLoading } from '../../../shared/components/page-loading';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { formatDate } from '../../../shared/i18n/format';
import { intlLocale, usePortalLanguage } from '../../../shared/i18n/language';
import { deskErrorMessage } from '../../i18n/desk-error-message';
import './dashboard.css';

// uPlot comes only with this page.
const TipsPerHourChart = lazy(() =>
  import('./tips-per-hour-chart').then((module) => ({ default: module.TipsPerHourChart })),
);

const fetchStats = (appealId: string, signal?: AbortSignal) =>
  api.get<AppealTipStats>(`/api/tips/stats?appealId=${encodeURIComponent(appealId)}`, { signal });

/** `/desk/appeals/:id/dashboard`: how many tips an appeal brought, hour by hour and by status. Counts only. */
export function AppealDashboardPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('desk.dashboard.heading'));
  const lang = usePortalLanguage();
  const { id = '' } = useParams();
  const stats = useQuery({
    queryKey: ['desk', 'appeal-stats', id],
    queryFn: ({ signal }) => fetchStats(id, signal),
    refetchInterval: 60_000,
  });
  const series = useMemo(() => {
    const perHour = stats.data?.perHour ?? [];
    return {
      hours: perHour.map((row) => Date.parse(row.hour) / 1000),
      counts: perHour.map((row) => row.count),
    };
  }, [stats.data]);
  const number = new Intl.NumberFormat(intlLocale(lang));

  return (
    <section className="container page-section desk-page" aria-labelledby="dashboard-heading">
      <p>
        <Link to={`/desk/appeals/${id}`}>{t('desk.dashboard.back')}</Link>
      </p>
      <h2 id="dashboard-heading">{t('desk.dashboard.heading')}</h2>
      {stats.isPending ? (
        <PageLoading />
      ) : stats.isError ? (
        <Notice tone="error">
          <p>{deskErrorMessage(t, stats.error)}</p>
        </Notice>
      ) : (
        <>
          <p className="dashboard-total">
            {t('desk.dashboard.total', {
              count: stats.data.total,
              formatted: number.format(stats.data.total),
            })}
            {stats.data.publishedAt &&
              ` ${t('desk.dashboard.since', { date: formatDate(stats.data.publishedAt, lang, true) })}`}
          </p>
          <div className="tip-detail__grid">
            <section className="tip-card" aria-labelledby="dashboard-hours">
              <h3 id="dashboard-hours">{t('desk.dashboard.perHour')}</h3>
              {series.hours.length === 0 ? (
                <p className="tip-muted">{t('desk.dashboard.none')}</p>
              ) : (
                <>
                  <Suspense fallback={<PageLoading />}>
                    <TipsPerHourChart
                      hours={series.hours}
                      counts={series.counts}
                      label={t('desk.dashboard.tips')}
                    />
                  </Suspense>
                  <details className="dashboard-data">
                    <summary>{t('desk.dashboard.asTable')}</summary>
                    <table className="data-table">
                      <caption className="visually-hidden">{t('desk.dashboard.perHour')}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('desk.dashboard.hour')}</th>
                          <th scope="col">{t('desk.dashboard.tips')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {stats.data.perHour.map((row) => (
                          <tr key={row.hour}>
                            <th scope="row">{formatDate(row.hour, lang, true)}</th>
                            <td>{number.format(row.count)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </details>
                </>
              )}
            </section>
            <section className="tip-card" aria-labelledby="dashboard-status">
              <h3 id="dashboard-status">{t('desk.dashboard.byStatus')}</h3>
              <table className="data-table">
                <caption className="visually-hidden">{t('desk.dashboard.byStatus')}</caption>
                <tbody>
                  {Object.values(TipStatus).map((status) => (
                    <tr key={status}>
                      <th scope="row">{t(`desk.tipStatus.${status}`)}</th>
                      <td>{number.format(stats.data.byStatus[status] ?? 0)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </div>
        </>
      )}
    </section>
  );
}
