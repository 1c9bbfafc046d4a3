import { memo, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../../shared/components/notice';
import type { DecisionPlan } from './duplicate-decision';
import { groupReason } from './group-reason';

/** The first words of a tip, enough to recognise it in a list. */
export function firstWords(text: string, words = 10): string {
  const all = text.trim().split(/\s+/);
  return all.length > words ? `${all.slice(0, words).join(' ')}…` : all.join(' ');
}

/**
 * Says exactly what a decision on likely duplicates will do, tip by tip (code, first words, why it
 * is a likely duplicate), before anything is sent. A native modal <dialog>: the keyboard stays in
 * it, Enter on the focused button confirms, Escape cancels.
 */
export const DuplicateDecisionDialog = memo(function DuplicateDecisionDialog({
  plan,
  pending,
  error,
  onConfirm,
  onCancel,
}: {
  plan: DecisionPlan | null;
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (plan && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
      confirm.current?.focus();
    } else if (!plan && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
  }, [plan]);

  const id = useId();
  const count = plan?.tips.length ?? 0;
  // "Not a duplicate of this one" (a tip's panel) names both tips; of any tip, only those listed.
  const pair = plan?.kind === 'separate' && !!plan.target;
  const texts = `desk.groups.confirm.${pair ? 'separatePair' : plan?.kind}`;
  const code = plan?.kind === 'merge' || pair ? plan?.target?.code : plan?.tips[0]?.tip.code;
  const values = { count, code, other: plan?.tips[0]?.tip.code };
  return (
    <dialog
      ref={ref}
      className="desk-dialog decision-dialog"
      aria-labelledby={`${id}-heading`}
      aria-describedby={`${id}-what`}
      onClose={onCancel}
    >
      {plan && (
        <>
          <h2 id={`${id}-heading`}>{t(`${texts}.heading` as never, values)}</h2>
          <p id={`${id}-what`}>{t(`${texts}.what` as never, values)}</p>
          {(plan.kind === 'merge' || pair) && plan.target && (
            <p className="decision-dialog__target">
              <strong>{plan.target.code}</strong> {firstWords(plan.target.excerpt)}
            </p>
          )}
          <ul className="decision-dialog__tips" aria-label={t('desk.groups.confirm.list')}>
            {plan.tips.map(({ tip, reason }) => (
              <li key={tip.id}>
                <strong className="decision-dialog__code">{tip.code}</strong>{' '}
                <span className="decision-dialog__words">{firstWords(tip.excerpt)}</span>{' '}
                {reason && <span className="decision-dialog__reason">{groupReason(t, reason)}</span>}
              </li>
            ))}
          </ul>
          {plan.mergeClusters && <p>{t('desk.groups.confirm.merge.clusters')}</p>}
          {error && (
            <Notice tone="error">
              <p>{error}</p>
            </Notice>
          )}
          <div className="decision-dialog__actions">
            <button
              ref={confirm}
              type="button"
              className="button button--primary"
              disabled={pending}
              onClick={onConfirm}
            >
              {t(`${texts}.button` as never, values)}
            </button>
            <button type="button" className="button button--secondary" onClick={onCancel}>
              {t('desk.common.cancel')}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
});
