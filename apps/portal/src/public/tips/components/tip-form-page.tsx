import { AppealStatus, type TipReceipt as Receipt } from '@vigie/common';
import { lazy, Suspense, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../../shared/api/api-error';
import { Notice } from '../../../shared/components/notice';
import { PageLoading } from '../../../shared/components/page-loading';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { usePortalLanguage } from '../../../shared/i18n/language';
import { pickText } from '../../api/appeal-card-view';
import { usePublicAppeal } from '../../hooks/use-public-appeal';
import { pendingReceipt, rememberReceipt } from '../api/pending-receipt';
import { APPEAL_SLUG } from '../api/tip-destination';
import type { PickedFile } from '../api/tip-files';
import { TIP_STEPS, type TipDestination } from '../api/tip-form-values';
import { usePickedFiles } from '../hooks/use-picked-files';
import { useTipAgency } from '../hooks/use-tip-agency';
import { useProofOfWork } from '../hooks/use-proof-of-work';
import { useTipForm } from '../hooks/use-tip-form';
import { currentLanguage, loadTipsCatalogue, useTipsCatalogue } from '../i18n/tips-catalogue';
import { AgencyChoice } from './agency-choice';
import { ContactStep } from './contact-step';
import { loadReceiptLargeUploads, untilLoaded } from './until-loaded';
import { DraftActions } from './draft-actions';
import { EmergencyNotice } from './emergency-notice';
import { FilesStep } from './files-step';
import { StepProgress } from './step-progress';
import { WhatStep } from './what-step';
import { WhenStep } from './when-step';
import { WhereStep } from './where-step';
import './tip-form.css';

/**
 * What it takes to check and send the tip, and to show the receipt, is a chunk of its own: fetched as
 * soon as the tipster starts on the form (not with the page), and always before the last step shows,
 * so that once the API has answered the receipt appears even if the connection drops that very second.
 */
const loadSendStep = () =>
  Promise.all([import('./send-step'), loadTipsCatalogue(['tipSend'], currentLanguage())]).then(
    ([module]) => module,
  );

/**
 * How long the form waits for the appeal it answers before showing without it: the appeal's title sits
 * above the form, and arriving later it would push the whole form down under the tipster's finger. The
 * request starts with the main bundle (early-appeal.ts), so it is usually in before this chunk is.
 */
const APPEAL_WAIT_MS = 1_500;

function useWaitForAppeal(pending: boolean): boolean {
  const [waited, setWaited] = useState(false);
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => setWaited(true), APPEAL_WAIT_MS);
    return () => clearTimeout(timer);
  }, [pending]);
  return pending && !waited;
}

const SendStep = lazy(() => untilLoaded(loadSendStep).then((module) => ({ default: module.SendStep })));
const TipReceipt = lazy(() => untilLoaded(loadSendStep).then((module) => ({ default: module.TipReceipt })));

/**
 * `/tips/new` (`?appeal=<slug>` to answer an appeal): the tip form, one step at a time, then the receipt.
 * A lazy chunk of its own: the home page never downloads it.
 */
export function TipFormPage() {
  useTipsCatalogue('tip');
  const { t } = useTranslation();
  const lang = usePortalLanguage();
  useDocumentTitle(t('tip.title'));
  const [params] = useSearchParams();
  const slugParam = params.get('appeal') ?? '';
  const appealSlug = APPEAL_SLUG.test(slugParam) ? slugParam : undefined;
  const appeal = usePublicAppeal(appealSlug);
  const [withoutAppeal, setWithoutAppeal] = useState(false);
  const [filesError, setFilesError] = useState<{ message: string; fileKey?: string } | null>(null);
  // A receipt not yet saved comes back here (Back from the follow-up, or "show my code again").
  const [received, setReceived] = useState<{ receipt: Receipt; largeFiles: PickedFile[] } | null>(() => {
    const receipt = pendingReceipt();
    return receipt ? { receipt, largeFiles: [] } : null;
  });

  const tip = useTipForm({ appeal: appealSlug });
  const picked = usePickedFiles();
  // A video too large for the tip's own request goes after the receipt: its code comes now, while online.
  const hasLargeFile = picked.files.some((file) => file.large);
  useEffect(() => {
    if (hasLargeFile) void loadReceiptLargeUploads();
  }, [hasLargeFile]);
  const robotCheck = useProofOfWork();

  // The appeal was withdrawn or resolved: the tip still reaches its police service.
  const appealStatus = ApiError.isApiError(appeal.error) ? appeal.error.statusCode : null;
  const appealClosed =
    appealStatus === 404 ||
    appealStatus === 410 ||
    (appeal.data !== undefined && appeal.data.status !== AppealStatus.PUBLISHED);
  const toAppeal = Boolean(appealSlug) && !appealClosed && !withoutAppeal;
  const agency = useTipAgency(!toAppeal, appeal.data?.agency?.slug || undefined);
  const [agencyMissing, setAgencyMissing] = useState(false);
  const destination: TipDestination | null = toAppeal
    ? { appeal: appealSlug, agency: agency.slug }
    : agency.slug
      ? { agency: agency.slug }
      : null;
  // What AgencyChoice offers for the focus: the list, the "Try again" button, or the loading status.
  const agencyTarget = useRef<HTMLElement>(null);
  const pageTitle = useRef<HTMLHeadingElement>(null);
  // Each tap of "Send" without a destination, so that the focus moves again on the next one.
  const [agencyAsked, setAgencyAsked] = useState(0);
  useEffect(() => {
    if (agencyAsked === 0) return;
    // After the render that shows why (missing is set), so that the focus lands on what says it. Never on
    // nothing: AgencyChoice always draws a target while the destination is unknown, and were that ever
    // broken the focus would go to the top of the page, where AgencyChoice sits, rather than nowhere.
    (agencyTarget.current ?? pageTitle.current)?.focus();
  }, [agencyAsked]);
  const appealTitle = appeal.data ? pickText(appeal.data.title, lang) : null;
  const waitingForAppeal = useWaitForAppeal(Boolean(appealSlug) && appeal.isPending);

  /** On the first touch: the code for what comes next (sending, receipt). */
  const prepare = () => void loadSendStep().catch(() => undefined);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    // Enter in a field moves on, as "Continue" does; the last step sends with its own button.
    event.preventDefault();
    if (tip.step !== 'review') void tip.next();
  };

  if (waitingForAppeal) {
    return (
      <div className="container page-section page-section--tight tip-page">
        <PageLoading fill />
      </div>
    );
  }

  if (received) {
    return (
      <div className="container page-section page-section--tight tip-page">
        <Suspense fallback={<PageLoading />}>
          <TipReceipt receipt={received.receipt} largeFiles={received.largeFiles} />
        </Suspense>
      </div>
    );
  }

  return (
    <div className="container page-section page-section--tight tip-page">
      <h1 className="tip-page__title" ref={pageTitle} tabIndex={-1}>
        {t('tip.title')}
      </h1>
      {appealSlug && (appealTitle || appealClosed) && (
        <div className="tip-appeal">
          {appealTitle && (
            <p className="tip-appeal__about">
              <span className="tip-appeal__label">{t('tip.about')}</span>{' '}
              <Link
                to={`/appeals/${appealSlug}`}
                lang={appealTitle.lang !== lang ? appealTitle.lang : undefined}
              >
                {appealTitle.text}
              </Link>
            </p>
          )}
          {(appealClosed || withoutAppeal) && <p className="tip-appeal__closed">{t('tip.aboutClosed')}</p>}
        </div>
      )}
      {tip.stepIndex === 0 && <p className="tip-page__intro">{t('tip.intro')}</p>}
      <EmergencyNotice />
      <AgencyChoice ref={agencyTarget} agency={agency} missing={agencyMissing && destination === null} />
      {tip.draftRestored && tip.stepIndex === tip.restoredStep && (
        <Notice
          tone="info"
          action={
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                tip.discardDraft();
                picked.clear();
              }}
            >
              {t('tip.draft.discard')}
            </button>
          }
        >
          {t('tip.draft.restored')}
        </Notice>
      )}
      <StepProgress steps={TIP_STEPS} current={tip.stepIndex} />

      <form className="tip-form" noValidate onSubmit={onSubmit} onFocus={prepare}>
        {tip.step === 'what' && <WhatStep tip={tip} />}
        {tip.step === 'when' && <WhenStep tip={tip} />}
        {tip.step === 'where' && <WhereStep tip={tip} />}
        {tip.step === 'files' && <FilesStep tip={tip} picked={picked} error={filesError} />}
        {tip.step === 'contact' && <ContactStep tip={tip} />}
        {tip.step === 'review' ? (
          <Suspense fallback={<PageLoading />}>
            <SendStep
              tip={tip}
              picked={picked}
              robotCheck={robotCheck}
              destination={destination}
              onDestinationMissing={() => {
                setAgencyMissing(true);
                setAgencyAsked((count) => count + 1);
              }}
              onSendWithoutAppeal={() => setWithoutAppeal(true)}
              onFilesRefused={(message, fileKey) => {
                setFilesError({ message, fileKey });
                tip.goToStep('files');
              }}
              onReceived={(receipt, largeFiles) => {
                rememberReceipt(receipt);
                setReceived({ receipt, largeFiles });
              }}
            />
          </Suspense>
        ) : (
          <div className="tip-nav">
            <button type="submit" className="button button--primary tip-nav__next">
              {t('tip.nav.next')}
            </button>
            {tip.stepIndex > 0 && (
              <button type="button" className="button button--secondary tip-nav__back" onClick={tip.back}>
                {t('tip.nav.back')}
              </button>
            )}
          </div>
        )}
      </form>

      {tip.step !== 'review' && (
        <DraftActions
          onDiscard={() => {
            tip.discardDraft();
            picked.clear();
          }}
        />
      )}
    </div>
  );
}
