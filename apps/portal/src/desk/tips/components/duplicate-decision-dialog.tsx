import { useEffect, useRef } from 'react';
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
export function DuplicateDecisionDialog({
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

  const count = plan?.tips.length ?? 0;
  const code = plan?.kind === 'merge' ? plan.target?.code : plan?.tips[0]?.tip.code;
  return (
    <dialog
      ref={ref}
      className="desk-dialog decision-dialog"
      aria-labelledby="decision-heading"
      aria-describedby="decision-what"
      onClose={onCancel}
    >
      {plan && (
        <>
          <h2 id="decision-heading">{t(`desk.groups.confirm.${plan.kind}.heading`, { count, code })}</h2>
          <p id="decision-what">{t(`desk.groups.confirm.${plan.kind}.what`, { count, code })}</p>
          {plan.kind === 'merge' && plan.target && (
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
              {t(`desk.groups.confirm.${plan.kind}.button`, { count, code })}
            </button>
            <button type="button" className="button button--secondary" onClick={onCancel}>
              {t('desk.common.cancel')}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
