import { TIP_LINKABLE, TipStatus, tipMovesFrom, type BulkUpdateResult, type TipSummary } from '@vigie/common';
import { useQuery } from '@tanstack/react-query';
import { forwardRef, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deskErrorMessage } from '../../i18n/desk-error-message';
import { fetchCases, linkTipsToCase, TIPS_KEY } from '../api/tips.api';
import { useAssignees } from '../hooks/use-assignees';
import { useBulkUpdate, useTipsWrite } from '../hooks/use-tips';
import { bulkOutcome } from './bulk-outcome';

export interface BulkReport {
  done?: string;
  refused?: string;
  /** Held tips that "take them anyway" would take. */
  retry?: () => void;
}

/**
 * What to do to every selected tip at once: a status (only the moves at least one of them allows),
 * an assignee (any colleague), a tag, or a case. One request per action; what could not be done is
 * reported tip by tip (onReport), and those tips stay selected.
 */
export const BulkBar = forwardRef<
  HTMLDivElement,
  {
    tips: TipSummary[];
    me?: string;
    onReport: (report: BulkReport, keep: string[]) => void;
    onClear: () => void;
  }
>(function BulkBar({ tips, me, onReport, onClear }, ref) {
  const { t } = useTranslation();
  const id = useId();
  const assignees = useAssignees();
  const cases = useQuery({ queryKey: [...TIPS_KEY, 'cases'], queryFn: ({ signal }) => fetchCases(signal) });
  const bulk = useBulkUpdate();
  const link = useTipsWrite((input: { caseId: string; tipIds: string[] }) =>
    linkTipsToCase(input.caseId, input.tipIds),
  );
  const [status, setStatus] = useState('');
  const [assignee, setAssignee] = useState('');
  const [tag, setTag] = useState('');
  const [caseId, setCaseId] = useState('');
  const busy = bulk.isPending || link.isPending;

  const moves = Object.values(TipStatus).filter((to) =>
    tips.some((tip) => tipMovesFrom(tip.status).includes(to)),
  );

  const report = (result: BulkUpdateResult, change: { assigneeId?: string | null }) => {
    const outcome = bulkOutcome(t, result, tips);
    const held = result.refused.filter((r) => r.code === 'HELD').map((r) => r.id);
    onReport(
      {
        done: outcome.done,
        refused: outcome.refused ?? undefined,
        retry:
          held.length && change.assigneeId !== undefined
            ? () => send({ ...change, ids: held, force: true })
            : undefined,
      },
      result.refused.map((r) => r.id),
    );
  };
  const send = (change: {
    ids?: string[];
    status?: TipStatus;
    assigneeId?: string | null;
    addTags?: string[];
    force?: boolean;
  }) =>
    bulk.mutate(
      { ids: change.ids ?? tips.map((tip) => tip.id), ...change },
      {
        onSuccess: (result) => report(result, change),
        onError: (error) =>
          onReport(
            { refused: deskErrorMessage(t, error) },
            tips.map((tip) => tip.id),
          ),
      },
    );

  const linkToCase = () => {
    const linkable = tips.filter((tip) => TIP_LINKABLE.includes(tip.status));
    const refused: BulkUpdateResult['refused'] = tips
      .filter((tip) => !TIP_LINKABLE.includes(tip.status))
      .map((tip) => ({ id: tip.id, code: 'ILLEGAL_TRANSITION', message: '', status: tip.status }));
    const result = { updated: linkable.map((tip) => tip.id), refused };
    if (!linkable.length) return report({ updated: [], refused }, {});
    link.mutate(
      { caseId, tipIds: result.updated },
      {
        onSuccess: () => report(result, {}),
        onError: (error) =>
          onReport(
            { refused: deskErrorMessage(t, error) },
            tips.map((tip) => tip.id),
          ),
      },
    );
  };

  return (
    <div className="inbox-bulk" role="group" aria-label={t('desk.inbox.bulk.label')} ref={ref} tabIndex={-1}>
      <strong>{t('desk.inbox.bulk.selected', { count: tips.length })}</strong>
      <form
        className="inbox-bulk__action"
        onSubmit={(event) => {
          event.preventDefault();
          if (status) send({ status: status as TipStatus });
        }}
      >
        <label className="visually-hidden" htmlFor={`${id}-status`}>
          {t('desk.inbox.bulk.status')}
        </label>
        <select
          id={`${id}-status`}
          className="field__input"
          value={status}
          onChange={(e) => setStatus(e.target.value)}
        >
          <option value="">{t('desk.inbox.bulk.status')}</option>
          {moves.map((move) => (
            <option key={move} value={move}>
              {t(`desk.tipStatus.${move}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--secondary button--small" disabled={busy || !status}>
          {t('desk.inbox.bulk.apply')}
        </button>
      </form>
      <form
        className="inbox-bulk__action"
        onSubmit={(event) => {
          event.preventDefault();
          if (assignee) send({ assigneeId: assignee === 'none' ? null : assignee });
        }}
      >
        <label className="visually-hidden" htmlFor={`${id}-assignee`}>
          {t('desk.inbox.bulk.assignee')}
        </label>
        <select
          id={`${id}-assignee`}
          className="field__input"
          value={assignee}
          onChange={(e) => setAssignee(e.target.value)}
        >
          <option value="">{t('desk.inbox.bulk.assignee')}</option>
          {me && <option value={me}>{t('desk.inbox.bulk.toMe')}</option>}
          {(assignees.data ?? [])
            .filter((person) => person.id !== me)
            .map((person) => (
              <option key={person.id} value={person.id}>
                {person.displayName}
              </option>
            ))}
          <option value="none">{t('desk.inbox.bulk.release')}</option>
        </select>
        <button type="submit" className="button button--secondary button--small" disabled={busy || !assignee}>
          {t('desk.inbox.bulk.assign')}
        </button>
      </form>
      <form
        className="inbox-bulk__action"
        onSubmit={(event) => {
          event.preventDefault();
          const value = tag.trim();
          if (value) send({ addTags: [value] });
          setTag('');
        }}
      >
        <label className="visually-hidden" htmlFor={`${id}-tag`}>
          {t('desk.inbox.bulk.tag')}
        </label>
        <input
          id={`${id}-tag`}
          className="field__input inbox-bulk__tag"
          value={tag}
          maxLength={40}
          placeholder={t('desk.inbox.bulk.tag')}
          onChange={(e) => setTag(e.target.value)}
        />
        <button
          type="submit"
          className="button button--secondary button--small"
          disabled={busy || !tag.trim()}
        >
          {t('desk.inbox.bulk.addTag')}
        </button>
      </form>
      <form
        className="inbox-bulk__action"
        onSubmit={(event) => {
          event.preventDefault();
          if (caseId) linkToCase();
        }}
      >
        <label className="visually-hidden" htmlFor={`${id}-case`}>
          {t('desk.inbox.bulk.case')}
        </label>
        <select
          id={`${id}-case`}
          className="field__input"
          value={caseId}
          onChange={(e) => setCaseId(e.target.value)}
        >
          <option value="">{t('desk.inbox.bulk.case')}</option>
          {(cases.data ?? [])
            .filter((item) => item.status === 'OPEN')
            .map((item) => (
              <option key={item.id} value={item.id}>
                {item.number} — {item.title}
              </option>
            ))}
        </select>
        <button type="submit" className="button button--secondary button--small" disabled={busy || !caseId}>
          {t('desk.inbox.bulk.link')}
        </button>
      </form>
      <button type="button" className="button button--secondary button--small" onClick={onClear}>
        {t('desk.inbox.bulk.clear')}
      </button>
    </div>
  );
});
