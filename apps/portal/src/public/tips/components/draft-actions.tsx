import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** On a shared phone, the tipster may want nothing of the tip left behind: one confirmed tap clears it. */
export function DraftActions({ onDiscard }: { onDiscard: () => void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [discarded, setDiscarded] = useState(false);
  return (
    <div className="draft-actions">
      <p className="draft-actions__note">{t('tip.draft.kept')}</p>
      {confirming ? (
        <p className="draft-actions__confirm">
          <span>{t('tip.draft.discardConfirm')}</span>{' '}
          <button
            type="button"
            className="button button--danger"
            onClick={() => {
              onDiscard();
              setConfirming(false);
              setDiscarded(true);
            }}
          >
            {t('tip.draft.discardYes')}
          </button>{' '}
          <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
            {t('tip.draft.keep')}
          </button>
        </p>
      ) : (
        <button
          type="button"
          className="button-link draft-actions__discard"
          onClick={() => {
            setConfirming(true);
            setDiscarded(false);
          }}
        >
          {t('tip.draft.discard')}
        </button>
      )}
      <p className="draft-actions__status" role="status">
        {discarded && t('tip.draft.discarded')}
      </p>
    </div>
  );
}
