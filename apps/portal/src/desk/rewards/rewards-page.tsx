import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RewardClaimView } from '@vigie/common';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../shared/api/api-client';
import { Notice } from '../../shared/components/notice';
import { PageLoading } from '../../shared/components/page-loading';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { formatDate } from '../../shared/i18n/format';
import { usePortalLanguage } from '../../shared/i18n/language';
import { StatusFilter, useStatusParam } from '../components/status-filter';
import { useDeskPermissions } from '../permissions';
import { deskErrorMessage } from '../i18n/desk-error-message';
import { InlineTextForm } from '../components/inline-text-form';
import '../tips/components/tip-detail.css';

const STATUSES = ['REQUESTED', 'APPROVED', 'REFUSED', 'PAID'] as const;
const CLAIMS_KEY = ['desk', 'reward-claims'] as const;

const claimPath = (id: string, action: string) => `/api/rewards/claims/${encodeURIComponent(id)}/${action}`;

/** `/desk/rewards`: reward claims; a supervisor approves or refuses them, then records the payment. */
export function RewardsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('desk.rewards.heading'));
  const lang = usePortalLanguage();
  const [status, setStatus] = useStatusParam(STATUSES);
  const isSupervisor = useDeskPermissions().decideRewards;
  const claims = useQuery({
    queryKey: [...CLAIMS_KEY, status ?? 'all'],
    queryFn: ({ signal }) =>
      api.get<RewardClaimView[]>(status ? `/api/rewards/claims?status=${status}` : '/api/rewards/claims', {
        signal,
      }),
  });

  return (
    <section className="container page-section desk-page" aria-labelledby="rewards-heading">
      <h2 id="rewards-heading">{t('desk.rewards.heading')}</h2>
      <StatusFilter
        label={t('desk.rewards.filter')}
        allLabel={t('desk.rewards.all')}
        statuses={STATUSES}
        labelOf={(value) => t(`desk.rewards.state.${value}`)}
        status={status}
        onChange={setStatus}
      />
      {claims.isPending ? (
        <PageLoading />
      ) : claims.isError ? (
        <Notice tone="error">
          <p>{deskErrorMessage(t, claims.error)}</p>
        </Notice>
      ) : claims.data.length === 0 ? (
        <Notice tone="info" live={false} title={t('desk.rewards.empty')} />
      ) : (
        <ul className="tip-dupes">
          {claims.data.map((claim) => (
            <li key={claim.id} className="tip-dupes__item">
              <p className="tip-dupes__head">
                <Link to={`/desk/tips/${claim.tipId}`}>{claim.tipCode}</Link> —{' '}
                {t(`desk.rewards.state.${claim.status}`)}
              </p>
              <p className="tip-muted">
                {t('desk.rewards.requested', { date: formatDate(claim.createdAt, lang, true) })}
                {claim.decidedAt &&
                  ` · ${t('desk.rewards.decided', { date: formatDate(claim.decidedAt, lang, true) })}`}
              </p>
              {claim.decisionReason && <p>{t('desk.rewards.reason', { reason: claim.decisionReason })}</p>}
              {claim.paymentReference && (
                <p>{t('desk.rewards.reference', { reference: claim.paymentReference })}</p>
              )}
              {isSupervisor && <ClaimActions claim={claim} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ClaimActions({ claim }: { claim: RewardClaimView }) {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const act = useMutation({
    mutationFn: (input: { action: 'decision' | 'payment'; body: Record<string, string> }) =>
      api.post<RewardClaimView>(claimPath(claim.id, input.action), input.body),
    onSuccess: () => {
      setText('');
      void queryClient.invalidateQueries({ queryKey: CLAIMS_KEY });
    },
  });
  const error = act.isError && (
    <Notice tone="error">
      <p>{deskErrorMessage(t, act.error)}</p>
    </Notice>
  );

  if (claim.status === 'REQUESTED') {
    return (
      <div>
        <label className="field__label" htmlFor={`${id}-reason`}>
          {t('desk.rewards.reasonLabel')}
        </label>
        <textarea
          id={`${id}-reason`}
          className="field__input field__input--area"
          value={text}
          maxLength={2000}
          onChange={(event) => setText(event.target.value)}
        />
        {error}
        <div className="tip-controls">
          <button
            type="button"
            className="button button--primary button--small"
            disabled={act.isPending}
            onClick={() =>
              act.mutate({
                action: 'decision',
                body: text.trim() ? { decision: 'APPROVE', reason: text.trim() } : { decision: 'APPROVE' },
              })
            }
          >
            {t('desk.rewards.approve')}
          </button>
          <button
            type="button"
            className="button button--danger button--small"
            disabled={act.isPending || !text.trim()}
            onClick={() =>
              act.mutate({ action: 'decision', body: { decision: 'REFUSE', reason: text.trim() } })
            }
          >
            {t('desk.rewards.refuse')}
          </button>
        </div>
      </div>
    );
  }
  if (claim.status === 'APPROVED') {
    return (
      <InlineTextForm
        label={t('desk.rewards.referenceLabel')}
        value={text}
        onChange={setText}
        maxLength={100}
        submitLabel={t('desk.rewards.recordPayment')}
        onSubmit={() => text.trim() && act.mutate({ action: 'payment', body: { reference: text.trim() } })}
        disabled={act.isPending || !text.trim()}
      >
        {error}
      </InlineTextForm>
    );
  }
  return null;
}
