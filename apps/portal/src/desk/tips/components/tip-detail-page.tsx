import { useQueryClient } from '@tanstack/react-query';
import { memo, useEffect } from 'react';
import { pickLocale, type TipDetail } from '@vigie/common';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Notice } from '../../../shared/components/notice';
import { PageLoading } from '../../../shared/components/page-loading';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { formatDate } from '../../../shared/i18n/format';
import { usePortalLanguage } from '../../../shared/i18n/language';
import { useStaffProfile } from '../../hooks/use-staff-profile';
import { deskPermissions } from '../../permissions';
import { deskErrorMessage } from '../../i18n/desk-error-message';
import { prefetchTipPane, useSyncInboxRow, useTip } from '../hooks/use-tips';
import { RecordActions } from '../../records/record-actions';
import { ForwardSection, ReceivedForwardCard } from '../../forwarding/components/forward-section';
import { ForwardedBadge } from '../../forwarding/components/forwarded-badge';
import { DuplicatesPanel } from './duplicates-panel';
import { ChannelBadge, PriorityBadge, TipStatusBadge } from './tip-badges';
import { TriageControls } from './triage-controls';
import { MediaSection } from './tip-media-section';
import { ThreadSection } from './tip-thread-section';
import { NotesSection } from './tip-notes-section';
import { ContactSection } from './tip-contact-section';
import { CasesSection } from './tip-cases-section';
import { HistorySection } from './tip-history-section';
import { TipObservablesSection } from '../../observables/components/tip-observables-section';
import './tip-detail.css';

/**
 * One tip, everything an investigator needs to triage it: the right pane of the inbox on a desktop,
 * the page after the list on a tablet or phone (with its way back).
 */
// Memoised: the router's transition that follows each `j` redraws the inbox, not the open tip again.
export const TipDetailPane = memo(function TipDetailPane({
  id,
  backTo,
  showBack,
}: {
  id: string;
  backTo: string;
  showBack: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const tip = useTip(id);
  // A tip not fetched ahead (a click, a link): its sections' data is asked for beside the tip, not
  // once the tip has arrived and the sections are drawn.
  useEffect(() => prefetchTipPane(queryClient, id), [queryClient, id]);
  useSyncInboxRow(tip.data);
  useDocumentTitle(tip.data ? t('desk.tip.title', { code: tip.data.code }) : t('desk.tip.loading'));

  if (tip.isPending) return <PageLoading label={t('desk.tip.loading')} />;
  if (tip.isError) {
    return (
      <div className="container page-section">
        <Notice tone="error">
          <p>{deskErrorMessage(t, tip.error)}</p>
        </Notice>
      </div>
    );
  }
  return <TipView tip={tip.data} backTo={backTo} showBack={showBack} />;
});
function TipView({ tip, backTo, showBack }: { tip: TipDetail; backTo: string; showBack: boolean }) {
  const { t } = useTranslation();
  const lang = usePortalLanguage();
  const me = useStaffProfile().data;
  const canTriage = deskPermissions(me?.roles ?? []).triage;

  return (
    <article className="desk-page tip-detail" aria-labelledby="tip-heading">
      {showBack && (
        <p>
          <Link to={backTo}>{t('desk.tip.back')}</Link>
        </p>
      )}
      <div className="desk-page__head">
        <h2 id="tip-heading" tabIndex={-1}>
          {t('desk.tip.title', { code: tip.code })}
        </h2>
        <p className="tip-detail__badges">
          <PriorityBadge priority={tip.priority} />
          <TipStatusBadge status={tip.status} />
          <ChannelBadge channel={tip.channel} />
          {tip.forwardedFrom && <ForwardedBadge forwardedFrom={tip.forwardedFrom} />}
        </p>
      </div>
      <div className="tip-detail__grid">
        <div className="tip-detail__main">
          <ReceivedForwardCard tip={tip} />
          <section aria-labelledby="tip-text-heading" className="tip-card">
            <h3 id="tip-text-heading">{t('desk.tip.what')}</h3>
            <p className="tip-detail__text" lang={tip.language !== lang ? tip.language : undefined}>
              {tip.description}
            </p>
            <dl className="tip-facts">
              <div>
                <dt>{t('desk.tip.received')}</dt>
                <dd>{formatDate(tip.receivedAt, lang, true)}</dd>
              </div>
              {tip.occurredFrom && (
                <div>
                  <dt>{t('desk.tip.when')}</dt>
                  <dd>
                    {formatDate(tip.occurredFrom, lang, true)}
                    {tip.occurredTo && ` – ${formatDate(tip.occurredTo, lang, true)}`}
                  </dd>
                </div>
              )}
              {tip.place && (
                <div>
                  <dt>{t('desk.tip.place')}</dt>
                  <dd>{tip.place}</dd>
                </div>
              )}
              {tip.latitude !== undefined && tip.longitude !== undefined && (
                <div>
                  <dt>{t('desk.tip.coordinates')}</dt>
                  <dd>
                    {t('desk.tip.coordinatesValue', {
                      lat: tip.latitude.toFixed(5),
                      lng: tip.longitude.toFixed(5),
                      accuracy: tip.accuracyM ?? '?',
                    })}
                  </dd>
                </div>
              )}
              {tip.appeal && (
                <div>
                  <dt>{t('desk.tip.appeal')}</dt>
                  <dd>{pickLocale(tip.appeal.title, lang) || tip.appeal.slug}</dd>
                </div>
              )}
            </dl>
          </section>
          {/* Keyed by the tip, as the triage controls: what a section holds of one tip (a draft
              reply or note, a revealed contact, an open dialog) never shows on the next. */}
          <MainSections key={tip.id} tip={tip} canTriage={canTriage} />
        </div>
        <aside className="tip-detail__side" aria-label={t('desk.tip.triage')}>
          {/* Keyed too: a refusal about the last tip, or a half-typed tag, is not shown on this one. */}
          <TriageControls key={tip.id} tip={tip} canTriage={canTriage} meId={me?.id} />
          <SideSections key={tip.id} tip={tip} canTriage={canTriage} />
        </aside>
      </div>
    </article>
  );
}

function MainSections({ tip, canTriage }: { tip: TipDetail; canTriage: boolean }) {
  return (
    <>
      <TipObservablesSection tipId={tip.id} canTriage={canTriage} />
      <MediaSection tip={tip} canTriage={canTriage} />
      <ThreadSection tip={tip} canTriage={canTriage} />
      <DuplicatesPanel tip={tip} canDecide={canTriage} />
      <HistorySection tip={tip} />
    </>
  );
}

function SideSections({ tip, canTriage }: { tip: TipDetail; canTriage: boolean }) {
  return (
    <>
      <CasesSection tip={tip} canTriage={canTriage} />
      <ContactSection tip={tip} canTriage={canTriage} />
      <ForwardSection tip={tip} />
      <NotesSection tip={tip} canTriage={canTriage} />
      <RecordActions kind="tips" id={tip.id} />
    </>
  );
}
