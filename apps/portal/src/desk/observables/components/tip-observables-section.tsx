import type { TipObservableView } from '@vigie/common';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Notice } from '../../../shared/components/notice';
import { deskErrorMessage } from '../../i18n/desk-error-message';
import { mentionsPath } from '../api/observables.api';
import { useObservableChange, useTipObservables } from '../hooks/use-observables';
import { ObservableForm } from './observable-form';
import './observables.css';

/**
 * A tip's observables as chips (plates, numbers, addresses… read in its words, or added by hand):
 * each opens everything else that mentions it. Those who triage add, correct or remove them.
 */
export function TipObservablesSection({ tipId, canTriage }: { tipId: string; canTriage: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const list = useTipObservables(tipId);
  const [editing, setEditing] = useState<TipObservableView | null>(null);
  const add = useObservableChange(tipId);
  const edit = useObservableChange(tipId);

  return (
    <section className="tip-card" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('desk.observables.title')}</h3>
      {list.isError && (
        <Notice tone="error">
          <p>{deskErrorMessage(t, list.error)}</p>
        </Notice>
      )}
      {list.data && list.data.length === 0 && <p className="tip-muted">{t('desk.observables.none')}</p>}
      {list.data && list.data.length > 0 && (
        <ul className="observable-chips">
          {list.data.map((one) => (
            <li key={one.id} className="observable-chip">
              <Link
                to={mentionsPath(one.kind, one.value)}
                className="observable-chip__link"
                aria-label={t(one.sharedWith > 0 ? 'desk.observables.open' : 'desk.observables.openAlone', {
                  kind: t(`desk.observables.kind.${one.kind}`),
                  value: one.value,
                  count: one.sharedWith,
                })}
              >
                <span className="observable-chip__kind">{t(`desk.observables.kind.${one.kind}`)}</span>
                <span className="observable-chip__value">{one.value}</span>
                {one.sharedWith > 0 && (
                  <span className="observable-chip__count">
                    {t('desk.observables.shared', { count: one.sharedWith })}
                  </span>
                )}
              </Link>
              {one.source === 'MANUAL' && (
                <span className="observable-chip__note">{t('desk.observables.byHand')}</span>
              )}
              {canTriage && (
                <button
                  type="button"
                  className="button button--secondary button--small observable-chip__edit"
                  aria-label={t('desk.observables.editOne', { value: one.value })}
                  aria-expanded={editing?.id === one.id}
                  onClick={() => {
                    edit.reset();
                    setEditing(editing?.id === one.id ? null : one);
                  }}
                >
                  {t('desk.observables.edit')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canTriage && editing && (
        <div className="observable-edit">
          <p>
            {t('desk.observables.editing', {
              kind: t(`desk.observables.kind.${editing.kind}`),
              value: editing.value,
            })}
            {editing.written && ` ${t('desk.observables.written', { text: editing.written })}`}
          </p>
          <ObservableForm
            key={editing.id}
            initial={editing}
            submitLabel={t('desk.observables.saveCorrection')}
            pending={edit.isPending}
            error={edit.error}
            onSubmit={(input) =>
              edit.mutate(
                { action: 'correct', id: editing.id, ...input },
                { onSuccess: () => setEditing(null) },
              )
            }
          >
            <button
              type="button"
              className="button button--secondary"
              disabled={edit.isPending}
              onClick={() =>
                edit.mutate({ action: 'remove', id: editing.id }, { onSuccess: () => setEditing(null) })
              }
            >
              {t('desk.observables.remove')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setEditing(null)}>
              {t('desk.observables.cancel')}
            </button>
          </ObservableForm>
        </div>
      )}
      {canTriage && (
        <details className="observable-add">
          <summary>{t('desk.observables.add')}</summary>
          <ObservableForm
            submitLabel={t('desk.observables.addSubmit')}
            pending={add.isPending}
            error={add.error}
            onSubmit={(input, reset) => add.mutate({ action: 'add', ...input }, { onSuccess: reset })}
          />
        </details>
      )}
    </section>
  );
}
