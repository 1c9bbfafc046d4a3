import { forwardRef, useCallback, useEffect, useRef, type FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../../shared/components/notice';
import type { TipAgency } from '../hooks/use-tip-agency';

interface Props {
  agency: TipAgency;
  /** Set when the tipster tried to send without choosing. */
  missing: boolean;
}

/**
 * Which police service receives a tip that answers no appeal, when the platform serves several. While
 * the list is not there (loading, offline, failed) it says so, and the ref is what takes the focus when
 * the tipster tries to send: the status, the "Try again" button, then the list itself. It draws nothing
 * only when the destination is known (or not needed).
 */
export const AgencyChoice = forwardRef<HTMLElement, Props>(function AgencyChoice({ agency, missing }, ref) {
  const { t } = useTranslation();
  const target = useRef<HTMLElement | null>(null);
  const setTarget = useCallback(
    (element: HTMLElement | null) => {
      target.current = element;
      if (typeof ref === 'function') ref(element);
      else if (ref) ref.current = element;
    },
    [ref],
  );

  // The focus was here (the tipster tapped "Try again", or tried to send) when what held it went away: it
  // follows to what replaced it (the status, the list) rather than dropping to the top of the page.
  const focusWasHere = useRef(false);
  const { status } = agency;
  useEffect(() => {
    const dropped = document.activeElement === null || document.activeElement === document.body;
    if (focusWasHere.current && dropped) target.current?.focus();
  }, [status]);
  const onFocus = () => void (focusWasHere.current = true);
  const onBlur = (event: FocusEvent) => {
    // No related target: the element went away (or a tap on nothing), not the tipster moving on.
    const next = event.relatedTarget;
    if (next && !event.currentTarget.contains(next)) focusWasHere.current = false;
  };

  const nothingToChoose = status === 'ready' && agency.choices.length === 0;
  if (nothingToChoose && !(missing && !agency.slug)) return null;

  if (status === 'loading' || status === 'offline') {
    return (
      <div className="tip-agency" onFocus={onFocus} onBlur={onBlur}>
        <p className="tip-agency__status" role="status" tabIndex={-1} ref={setTarget}>
          {t(missing ? `tip.agency.${status}Missing` : `tip.agency.${status}`)}
        </p>
      </div>
    );
  }

  // Nothing to choose from and yet nowhere to send to (which useTipAgency should never leave): as good as a
  // list that failed, and said as such rather than leaving "Send" to do nothing.
  if (status === 'failed' || nothingToChoose) {
    return (
      <div className="tip-agency" onFocus={onFocus} onBlur={onBlur}>
        <Notice
          tone="error"
          action={
            <button
              type="button"
              ref={setTarget}
              className="button button--secondary"
              aria-describedby="tip-agency-error"
              onClick={agency.retry}
            >
              {t('common.retry')}
            </button>
          }
        >
          <p id="tip-agency-error">{t(missing ? 'tip.agency.failedMissing' : 'tip.agency.failed')}</p>
        </Notice>
      </div>
    );
  }

  return (
    <div className="field tip-agency" onFocus={onFocus} onBlur={onBlur}>
      <label className="field__label" htmlFor="tip-agency">
        {t('tip.agency.label')}
      </label>
      <select
        id="tip-agency"
        ref={setTarget}
        className="field__input"
        required
        value={agency.slug ?? ''}
        aria-invalid={missing && !agency.slug}
        aria-describedby={missing && !agency.slug ? 'tip-agency-error' : undefined}
        onChange={(event) => agency.choose(event.target.value)}
      >
        <option value="">{t('tip.agency.choose')}</option>
        {agency.choices.map((a) => (
          <option key={a.slug} value={a.slug}>
            {a.name}
          </option>
        ))}
      </select>
      {missing && !agency.slug && (
        <p className="field__error" id="tip-agency-error" role="alert">
          {t('tip.agency.required')}
        </p>
      )}
    </div>
  );
});
