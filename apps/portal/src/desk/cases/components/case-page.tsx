import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Notice } from '../../../shared/components/notice';
import { PageLoading } from '../../../shared/components/page-loading';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { formatDate } from '../../../shared/i18n/format';
import { usePortalLanguage } from '../../../shared/i18n/language';
import { useDeskPermissions } from '../../permissions';
import { deskErrorMessage } from '../../i18n/desk-error-message';
import { RecordActions } from '../../records/record-actions';
import { CaseObservablesSection } from '../../observables/components/case-observables-section';
import { TIPS_KEY } from '../../tips/api/tips.api';
import { PriorityBadge, TipStatusBadge } from '../../tips/components/tip-badges';
import { useStaffProfile } from '../../hooks/use-staff-profile';
import { CaseLeadField } from './case-lead-field';
import { CasePlan } from './case-plan';
import { caseKey, CASES_KEY, fetchCase, placesOf, unlinkTip, updateCase } from '../api/cases.api';
import '../../tips/components/inbox.css';
import '../../tips/components/tip-detail.css';
import './cases.css';

// Leaflet (and its stylesheet) comes only with a case page that has places to show on the tile server an
// administrator configured; without one the plain plan needs no library and no other server.
const CaseMap = lazy(() => import('./case-map').then((module) => ({ default: module.CaseMap })));

/** `/desk/cases/:id`: the case, its tips in time order, where they were, and its records. */
export function CasePage() {
  const { t } = useTranslation();
  const lang = usePortalLanguage();
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const canEdit = useDeskPermissions().triage;
  const tiles = useStaffProfile().data?.mapTiles ?? null;
  const view = useQuery({ queryKey: caseKey(id), queryFn: ({ signal }) => fetchCase(id, signal) });
  useDocumentTitle(
    view.data ? t('desk.cases.pageTitle', { number: view.data.number }) : t('desk.cases.heading'),
  );
  const places = useMemo(() => (view.data ? placesOf(view.data) : []), [view.data]);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: CASES_KEY });
    void queryClient.invalidateQueries({ queryKey: TIPS_KEY });
  };
  const unlink = useMutation({ mutationFn: (tipId: string) => unlinkTip(id, tipId), onSuccess: refresh });
  const setStatus = useMutation({
    mutationFn: (status: 'OPEN' | 'CLOSED') => updateCase(id, { version: view.data?.version ?? 0, status }),
    onSuccess: refresh,
  });

  if (view.isPending) return <PageLoading />;
  if (view.isError) {
    return (
      <div className="container page-section">
        <Notice tone="error">
          <p>{deskErrorMessage(t, view.error)}</p>
        </Notice>
      </div>
    );
  }
  const data = view.data;

  return (
    <article className="container page-section desk-page" aria-labelledby="case-heading">
      <p>
        <Link to="/desk/cases">{t('desk.cases.back')}</Link>
      </p>
      <h2 id="case-heading">
        {data.number} — {data.title}
      </h2>
      <dl className="tip-facts case-facts">
        {!canEdit && (
          <div>
            <dt>{t('desk.cases.lead')}</dt>
            <dd>{data.lead?.displayName ?? t('desk.cases.noLead')}</dd>
          </div>
        )}
        <div>
          <dt>{t('desk.cases.status')}</dt>
          <dd>{t(`desk.cases.state.${data.status}`)}</dd>
        </div>
        <div>
          <dt>{t('desk.cases.opened')}</dt>
          <dd>{formatDate(data.createdAt, lang)}</dd>
        </div>
      </dl>
      {canEdit && <CaseLeadField data={data} />}
      {canEdit && (
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={setStatus.isPending}
          onClick={() => setStatus.mutate(data.status === 'OPEN' ? 'CLOSED' : 'OPEN')}
        >
          {data.status === 'OPEN' ? t('desk.cases.close') : t('desk.cases.reopen')}
        </button>
      )}
      {(unlink.isError || setStatus.isError) && (
        <Notice tone="error">
          <p>{deskErrorMessage(t, unlink.error ?? setStatus.error)}</p>
        </Notice>
      )}
      <div className="tip-detail__grid case-grid">
        <section className="tip-card" aria-labelledby="case-tips-heading">
          <h3 id="case-tips-heading">{t('desk.cases.timeline')}</h3>
          {data.tips.length === 0 ? (
            <p className="tip-muted">{t('desk.cases.noTips')}</p>
          ) : (
            <ol className="case-timeline">
              {data.tips.map((tip) => (
                <li key={tip.id} className="case-timeline__item">
                  <p className="case-timeline__when">
                    {formatDate(tip.occurredFrom ?? tip.receivedAt, lang, true)}
                  </p>
                  <p className="inbox-row__title">
                    <PriorityBadge priority={tip.priority} />
                    <Link to={`/desk/tips/${tip.id}`} className="inbox-row__open">
                      {tip.code}
                    </Link>
                    <TipStatusBadge status={tip.status} />
                  </p>
                  <p className="inbox-row__excerpt">{tip.excerpt}</p>
                  {canEdit && (
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      disabled={unlink.isPending}
                      onClick={() => unlink.mutate(tip.id)}
                    >
                      {t('desk.cases.unlink', { code: tip.code })}
                    </button>
                  )}
                </li>
              ))}
            </ol>
          )}
        </section>
        <div>
          <CaseObservablesSection observables={data.observables} />
          <section className="tip-card" aria-labelledby="case-map-heading">
            <h3 id="case-map-heading">{t('desk.cases.places')}</h3>
            {places.length === 0 ? (
              <p className="tip-muted">{t('desk.cases.noPlaces')}</p>
            ) : (
              <>
                {tiles ? (
                  <Suspense fallback={<PageLoading />}>
                    <CaseMap places={places} tiles={tiles} />
                  </Suspense>
                ) : (
                  <CasePlan places={places} />
                )}
                <ul className="case-places">
                  {places.map((place) => (
                    <li key={place.tipId}>
                      <Link to={`/desk/tips/${place.tipId}`}>{place.code}</Link>{' '}
                      <span className="case-places__at">
                        {place.latitude.toFixed(5)}, {place.longitude.toFixed(5)}
                      </span>{' '}
                      <span className="tip-muted case-places__when">
                        {formatDate(place.when, lang, true)}
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
          <RecordActions kind="cases" id={data.id} />
        </div>
      </div>
    </article>
  );
}
