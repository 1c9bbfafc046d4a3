import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmissionState } from '../hooks/use-tip-submission';

interface Props {
  state: SubmissionState;
  onRetry: () => void;
  onCancel: () => void;
}

/** Seconds until `at`, counted down once a second. */
function useSecondsUntil(at: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (at === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [at]);
  return at === null ? 0 : Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * What happens to the tip once "send" is tapped: the anti-robot check, the upload's progress, or the
 * wait before the next attempt. The live region announces changes of state, not every percent or second.
 */
export function SendingPanel({ state, onRetry, onCancel }: Props) {
  const { t } = useTranslation();
  const seconds = useSecondsUntil(state.phase === 'waiting' ? state.retryAt : null);
  const percent =
    state.phase === 'sending' && state.total > 0
      ? Math.min(100, Math.round((state.loaded / state.total) * 100))
      : 0;

  if (state.phase !== 'solving' && state.phase !== 'sending' && state.phase !== 'waiting') return null;
  const waiting = state.phase === 'waiting';
  const offline = waiting && state.retryAt === null;

  return (
    <div className={waiting ? 'sending sending--waiting' : 'sending'}>
      <p className="sending__status" role="status">
        {state.phase === 'solving' && t('tipSend.sending.solving')}
        {state.phase === 'sending' && t('tipSend.sending.keepOpen')}
        {offline && t('tipSend.sending.offline')}
        {waiting && !offline && t('tipSend.sending.waiting')}
      </p>
      {state.phase === 'sending' && (
        <>
          <progress
            className="sending__bar"
            max={100}
            value={percent}
            aria-label={t('tipSend.sending.progress', { percent })}
          />
          <p className="sending__percent" aria-hidden="true">
            {t('tipSend.sending.progress', { percent })}
          </p>
        </>
      )}
      {waiting && !offline && <p className="sending__next">{t('tipSend.sending.nextTry', { seconds })}</p>}
      {waiting && (
        <div className="sending__actions">
          <button type="button" className="button button--primary" onClick={onRetry}>
            {t('tipSend.sending.retryNow')}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('tipSend.sending.cancel')}
          </button>
        </div>
      )}
    </div>
  );
}
