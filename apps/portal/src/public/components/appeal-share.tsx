import type { PublicAppeal } from '@vigie/common';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type ShareState = 'idle' | 'copied' | 'failed';

/**
 * Sharing from the official page is how a rumour gets corrected, so it is one tap: the phone's own share
 * sheet where there is one, otherwise the link is copied. The printable poster carries a QR code.
 */
export function AppealShare({ appeal, title }: { appeal: PublicAppeal; title: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<ShareState>('idle');
  const url = appeal.links?.page || window.location.href;

  const share = async () => {
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title, url });
      } catch {
        // Closing the share sheet rejects; nothing to say.
      }
      return;
    }
    try {
      await navigator.clipboard.writeText(url);
      setState('copied');
    } catch {
      setState('failed');
    }
  };

  return (
    <section className="appeal-share" aria-labelledby="share-heading">
      <h2 id="share-heading" className="appeal-share__heading">
        {t('appeal.share.heading')}
      </h2>
      <div className="appeal-share__actions">
        <button type="button" className="button button--secondary" onClick={() => void share()}>
          {t('appeal.share.share')}
        </button>
        {appeal.links?.poster && (
          <a className="button button--secondary" href={appeal.links.poster}>
            {t('appeal.share.poster')}
          </a>
        )}
      </div>
      <p className="appeal-share__status" role="status">
        {state === 'copied' && t('appeal.share.copied')}
        {state === 'failed' && t('appeal.share.copyFailed', { url })}
      </p>
    </section>
  );
}
