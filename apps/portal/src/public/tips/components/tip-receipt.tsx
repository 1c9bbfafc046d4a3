import type { TipReceipt as Receipt } from '@vigie/common';
import { lazy, Suspense, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { formatDate } from '../../../shared/i18n/format';
import { usePortalLanguage } from '../../../shared/i18n/language';
import { saveFollowUpSession } from '../api/follow-up-session';
import { forgetReceipt } from '../api/pending-receipt';
import type { PickedFile } from '../api/tip-files';
import { signInToFollowUp } from '../api/tips.api';
import type { FollowUpAccess } from '../hooks/use-large-uploads';
import { useTipsCatalogue } from '../i18n/tips-catalogue';
import { CopyButton } from './copy-button';
import { loadReceiptLargeUploads } from './until-loaded';

const ReceiptLargeUploads = lazy(() =>
  loadReceiptLargeUploads().then((module) => ({ default: module.ReceiptLargeUploads })),
);

/** A token this close to expiry is renewed before the next chunk of a video goes out. */
const RENEW_MARGIN_MS = 2 * 60_000;

/**
 * Follow-up access for the large uploads right after sending. The code and password are on screen anyway,
 * so they are used (from memory, never stored) to sign in and to renew the short-lived token while a long
 * video uploads. The token goes to sessionStorage so that "Follow up" opens straight onto the thread.
 */
function receiptAccess(receipt: Receipt): FollowUpAccess {
  let session: Promise<{ token: string; expiresAt: string }> | null = null;
  return {
    code: receipt.code,
    token: async () => {
      const current = await session?.catch(() => null);
      if (current && Date.parse(current.expiresAt) - Date.now() > RENEW_MARGIN_MS) return current.token;
      session = signInToFollowUp(receipt.code, receipt.password).then((fresh) => {
        saveFollowUpSession({ ...fresh, code: receipt.code });
        return fresh;
      });
      return (await session).token;
    },
  };
}

/** The password's words may wrap after each dash on a narrow screen, never inside a word. */
function Breakable({ text }: { text: string }) {
  const parts = text.split('-');
  return (
    <>
      {parts.map((part, index) => (
        <span key={index}>
          {part}
          {index < parts.length - 1 && (
            <>
              -<wbr />
            </>
          )}
        </span>
      ))}
    </>
  );
}

interface Props {
  receipt: Receipt;
  /** Files too large for the tip's own request, sent now with the follow-up token. */
  largeFiles: readonly PickedFile[];
}

/**
 * Shown once, after the API stored the tip: the code and password, which cannot be recovered. They live
 * in this component's memory only; leaving the page forgets them.
 */
export function TipReceipt({ receipt, largeFiles }: Props) {
  useTipsCatalogue('tip', 'tipSend');
  const { t } = useTranslation();
  const lang = usePortalLanguage();
  useDocumentTitle(t('tipSend.receipt.title'));
  const heading = useRef<HTMLHeadingElement>(null);
  const codeRef = useRef<HTMLSpanElement>(null);
  const passwordRef = useRef<HTMLSpanElement>(null);
  const access = useMemo(() => receiptAccess(receipt), [receipt]);
  const [uploading, setUploading] = useState(largeFiles.length > 0);
  const [opening, setOpening] = useState(false);
  const [saved, setSaved] = useState(false);
  const navigate = useNavigate();

  /**
   * The follow-up opens already signed in with the code and password on screen; the receipt stays
   * in this tab's memory, so Back (or the follow-up's reminder) shows it again until it is saved.
   */
  const openFollowUp = async (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    if (opening) return;
    setOpening(true);
    // Offline or refused: the follow-up asks for the code, and the receipt is still one tap away.
    await access.token().catch(() => undefined);
    navigate('/tips/follow-up');
  };

  const confirmSaved = () => {
    forgetReceipt();
    setSaved(true);
  };

  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <section className="receipt" aria-labelledby="receipt-heading">
      <h1 id="receipt-heading" className="receipt__title" ref={heading} tabIndex={-1}>
        {t('tipSend.receipt.title')}
      </h1>
      <p className="receipt__received">
        {t('tipSend.receipt.receivedAt', { date: formatDate(receipt.receivedAt, lang, true) })}
      </p>

      <div className="receipt__card" data-receipt-card>
        <div className="receipt__warning" role="note">
          <p className="receipt__warning-title">{t('tipSend.receipt.warningTitle')}</p>
          <p>{t('tipSend.receipt.warning')}</p>
        </div>
        <dl className="receipt__credentials">
          <div className="receipt__credential">
            <dt>{t('tipSend.receipt.code')}</dt>
            <dd>
              <span className="receipt__value" ref={codeRef} translate="no" data-testid="tip-code">
                {receipt.code}
              </span>
              <CopyButton text={receipt.code} label={t('tipSend.receipt.copyCode')} source={codeRef} />
            </dd>
          </div>
          <div className="receipt__credential">
            <dt>{t('tipSend.receipt.password')}</dt>
            <dd>
              <span
                className="receipt__value receipt__value--password"
                ref={passwordRef}
                translate="no"
                data-testid="tip-password"
              >
                <Breakable text={receipt.password} />
              </span>
              <CopyButton
                text={receipt.password}
                label={t('tipSend.receipt.copyPassword')}
                source={passwordRef}
              />
            </dd>
          </div>
        </dl>
        {/* Printed alone: the card carries the code, the password and where to use them, nothing of the tip. */}
        <p className="receipt__print-only">
          {t('tipSend.receipt.printWhere', { url: `${window.location.origin}/tips/follow-up` })}
        </p>
      </div>
      <div className="receipt__keep">
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          {t('tipSend.receipt.print')}
        </button>
        <p className="field__hint">{t('tipSend.receipt.printHint')}</p>
        {saved ? (
          <p className="receipt__saved" role="status">
            {t('tipSend.receipt.savedDone')}
          </p>
        ) : (
          <button type="button" className="button button--secondary" onClick={confirmSaved}>
            {t('tipSend.receipt.saved')}
          </button>
        )}
      </div>

      {largeFiles.length > 0 && (
        <Suspense fallback={null}>
          <ReceiptLargeUploads access={access} files={largeFiles} onActiveChange={setUploading} />
        </Suspense>
      )}

      <p className="receipt__next">{t('tipSend.receipt.next')}</p>
      {/* Leaving now would stop a video on its way: the way on appears once it is sent. */}
      {!uploading && (
        <div className="receipt__actions">
          <Link
            to="/tips/follow-up"
            className="button button--primary"
            onClick={(event) => void openFollowUp(event)}
            aria-busy={opening || undefined}
          >
            {t('tipSend.receipt.followUp')}
          </Link>
          <Link to="/tips/new" reloadDocument className="button button--secondary">
            {t('tipSend.receipt.another')}
          </Link>
        </div>
      )}
    </section>
  );
}
