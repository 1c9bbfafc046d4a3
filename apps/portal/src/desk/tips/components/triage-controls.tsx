import { TipPriority, tipMovesFrom, type TipDetail, type TipStatus } from '@vigie/common';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/api-error';
import { Notice } from '../../../shared/components/notice';
import { deskErrorMessage } from '../../i18n/desk-error-message';
import { updateTip, type TipChange } from '../api/tips.api';
import { useTipAction, useTipsWrite } from '../hooks/use-tips';
import { useAssignees } from '../hooks/use-assignees';
import { InlineTextForm } from '../../components/inline-text-form';

interface StaleState {
  version: number;
  status?: TipStatus;
  priority?: TipPriority;
  assigneeId?: string | null;
  tags?: string[];
}

/** Status, priority, assignee and tags; a change made from a stale version shows what changed meanwhile. */
export function TriageControls({
  tip,
  canTriage,
  meId,
}: {
  tip: TipDetail;
  canTriage: boolean;
  meId?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [stale, setStale] = useState<StaleState | null>(null);
  const [tagText, setTagText] = useState('');
  const change = useTipAction((input: TipChange) => updateTip(tip.id, input));
  const refresh = useTipsWrite(() => Promise.resolve());
  const assignees = useAssignees();
  const moves = tipMovesFrom(tip.status);
  const movesText = moves.map((status) => t(`desk.tipStatus.${status}`)).join(', ');

  const apply = (input: Omit<TipChange, 'version'>) => {
    setStale(null);
    change.mutate(
      { version: tip.version, ...input },
      {
        onError: (error) => {
          if (ApiError.isApiError(error) && error.code === 'STALE_VERSION') {
            setStale((error.details.current as StaleState | undefined) ?? { version: 0 });
          }
        },
      },
    );
  };

  const addTag = () => {
    const tag = tagText.trim();
    if (!tag || tip.tags.includes(tag)) return;
    apply({ tags: [...tip.tags, tag] });
    setTagText('');
  };

  return (
    <section className="tip-card" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('desk.tip.triage')}</h3>
      <p>
        {tip.assignee
          ? tip.assignee.id === meId
            ? t('desk.inbox.heldByMe')
            : t('desk.inbox.heldBy', { name: tip.assignee.displayName })
          : t('desk.inbox.unassigned')}
      </p>
      {stale && (
        <Notice
          tone="error"
          title={t('desk.tip.stale.title')}
          action={
            <button
              type="button"
              className="button button--secondary"
              onClick={() => refresh.mutate(undefined)}
            >
              {t('desk.tip.stale.reload')}
            </button>
          }
        >
          <p>
            {t('desk.tip.stale.now', {
              status: stale.status ? t(`desk.tipStatus.${stale.status}`) : '—',
              priority: stale.priority ? t(`desk.tipPriority.${stale.priority}`) : '—',
            })}
          </p>
        </Notice>
      )}
      {change.isError && !stale && (
        <Notice tone="error">
          <p>{deskErrorMessage(t, change.error)}</p>
        </Notice>
      )}
      {canTriage && (
        <>
          <div className="tip-controls">
            {tip.assignee?.id !== meId ? (
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={change.isPending}
                onClick={() => meId && apply({ assigneeId: meId })}
              >
                {tip.assignee
                  ? t('desk.inbox.takeOver', { name: tip.assignee.displayName })
                  : t('desk.inbox.assignMe')}
              </button>
            ) : (
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={change.isPending}
                onClick={() => apply({ assigneeId: null })}
              >
                {t('desk.tip.release')}
              </button>
            )}
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-status`}>
              {t('desk.tip.status')}
            </label>
            <select
              id={`${id}-status`}
              className="field__input"
              value={tip.status}
              disabled={change.isPending}
              aria-describedby={`${id}-moves`}
              onChange={(event) => apply({ status: event.target.value as TipStatus })}
            >
              {/* Only the moves the workflow allows from here (the API refuses any other). */}
              {[tip.status, ...moves].map((status) => (
                <option key={status} value={status}>
                  {t(`desk.tipStatus.${status}`)}
                </option>
              ))}
            </select>
            <p className="field__hint" id={`${id}-moves`}>
              {t('desk.tip.movesHint', { status: t(`desk.tipStatus.${tip.status}`), moves: movesText })}
            </p>
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-assignee`}>
              {t('desk.tip.assignee')}
            </label>
            <select
              id={`${id}-assignee`}
              className="field__input"
              value={tip.assignee?.id ?? ''}
              disabled={change.isPending}
              onChange={(event) => apply({ assigneeId: event.target.value || null })}
            >
              <option value="">{t('desk.tip.nobody')}</option>
              {tip.assignee && !assignees.data?.some((person) => person.id === tip.assignee?.id) && (
                <option value={tip.assignee.id}>{tip.assignee.displayName}</option>
              )}
              {(assignees.data ?? []).map((person) => (
                <option key={person.id} value={person.id}>
                  {person.displayName}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-priority`}>
              {t('desk.tip.priority')}
            </label>
            <select
              id={`${id}-priority`}
              className="field__input"
              value={tip.priority}
              disabled={change.isPending}
              onChange={(event) => apply({ priority: event.target.value as TipPriority })}
            >
              {Object.values(TipPriority).map((priority) => (
                <option key={priority} value={priority}>
                  {t(`desk.tipPriority.${priority}`)}
                </option>
              ))}
            </select>
          </div>
        </>
      )}
      <h4>{t('desk.tip.tags')}</h4>
      {tip.tags.length === 0 ? (
        <p className="tip-muted">{t('desk.tip.noTags')}</p>
      ) : (
        <ul className="tip-tags">
          {tip.tags.map((tag) => (
            <li key={tag}>
              {tag}
              {canTriage && (
                <button
                  type="button"
                  className="tip-tags__remove"
                  aria-label={t('desk.tip.removeTag', { tag })}
                  onClick={() => apply({ tags: tip.tags.filter((other) => other !== tag) })}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canTriage && (
        <InlineTextForm
          label={t('desk.tip.addTag')}
          value={tagText}
          onChange={setTagText}
          maxLength={40}
          submitLabel={t('desk.tip.add')}
          onSubmit={addTag}
        />
      )}
    </section>
  );
}
