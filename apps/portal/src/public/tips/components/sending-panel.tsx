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
  // After a cut the tipster is told so until the tip is in, whatever step the next attempt is at: the
  // bar starting again from 0 % is explained, not silent.
  const dropped = state.dropped === true;

  return (
    <div className={waiting || dropped ? 'sending sending--waiting' : 'sending'}>
      <p className="sending__status" role="status">
        {dropped && !offline && t(waiting ? 'tipSend.sending.droppedWaiting' : 'tipSend.sending.dropped')}
        {!dropped && state.phase === 'solving' && t('tipSend.sending.solving')}
        {!dropped && state.phase === 'sending' && t('tipSend.sending.keepOpen')}
        {offline && t('tipSend.sending.offline')}
        {waiting && !offline && !dropped && t('tipSend.sending.waiting')}
      </p>
      {dropped && !waiting && <p className="sending__next">{t('tipSend.sending.keepOpen')}</p>}
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
