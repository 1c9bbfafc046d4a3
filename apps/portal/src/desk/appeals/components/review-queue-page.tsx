import type { TFunction } from 'i18next';
import '../../reflect-metadata';
import { classValidatorResolver } from '@hookform/resolvers/class-validator';
import { RejectDto, RevisionState, type StaffAppeal, type StaffAppealUpdate } from '@vigie/common';
import { useEffect, useId, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../../shared/api/api-error';
import { Notice } from '../../../shared/components/notice';
import { PageLoading } from '../../../shared/components/page-loading';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { apiErrorMessage } from '../../../shared/i18n/api-error-message';
import { formatDate } from '../../../shared/i18n/format';
import { usePortalLanguage } from '../../../shared/i18n/language';
import { appealKindFamily } from '../../../public/api/appeal-card-view';
import { TextAreaField } from '../../../shared/components/form-fields';
import { useStaffProfile } from '../../hooks/use-staff-profile';
import { approveAppeal, approveAppealUpdate, rejectAppeal, rejectAppealUpdate } from '../api/appeals.api';
import { useAppealAction, useReviewQueue } from '../hooks/use-staff-appeals';
import { AppealDiffView } from './appeal-diff-view';
import { SocialPreview } from '../../reach/components/social-preview';
import { ApprovalPreview } from './approval-preview';
import { useAppealTitle } from './appeals-list-page';

/** A refusal's reason is required (RejectDto); the author reads it beside their draft. */
function RejectForm({
  onReject,
  onCancel,
  busy,
}: {
  onReject: (reason: string) => void;
  onCancel: () => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const form = useForm<RejectDto>({
    resolver: classValidatorResolver(RejectDto),
    defaultValues: { reason: '' },
  });
  useEffect(() => form.setFocus('reason'), [form]);
  const error = form.formState.errors.reason;
  return (
    <form
      className="form reject-form"
      noValidate
      onSubmit={(event) => void form.handleSubmit((v) => onReject(v.reason.trim()))(event)}
    >
      <TextAreaField
        label={t('desk.review.reason')}
        hint={t('desk.review.reasonHint')}
        rows={3}
        maxLength={2000}
        error={
          error
            ? error.type === 'maxLength'
              ? t('desk.validation.maxLength', { limit: 2000 })
              : t('desk.review.reasonRequired')
            : undefined
        }
        {...form.register('reason')}
      />
      <div className="button-row">
        <button type="submit" className="button button--danger" disabled={busy}>
          {t('desk.review.confirmReject')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('desk.common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** What went wrong with a decision; the two-person rule is spelled out, since it is the usual surprise. */
function decisionError(t: TFunction, error: unknown): string {
  if (ApiError.isApiError(error) && error.code === 'SELF_APPROVAL') return t('desk.review.selfApproval');
  return apiErrorMessage(t, error);
}

interface Decided {
  text: string;
  tone: 'success' | 'error';
}

function RevisionReview({
  appeal,
  me,
  onDecided,
}: {
  appeal: StaffAppeal;
  me: string;
  onDecided: (result: Decided) => void;
}) {
  const { t } = useTranslation();
  const [rejecting, setRejecting] = useState(false);
  // Approving first shows what will go out; publishing is a second, deliberate step.
  const [confirming, setConfirming] = useState(false);
  const approve = useAppealAction(() => approveAppeal(appeal.id));
  const reject = useAppealAction((reason: string) => rejectAppeal(appeal.id, reason));
  const errorRef = useRef<HTMLDivElement>(null);
  const failure = approve.error ?? reject.error;
  useEffect(() => {
    if (failure) errorRef.current?.focus();
  }, [failure]);
  const mine = appeal.draftEditors.includes(me);

  return (
    <div className="review-block">
      <AppealDiffView appeal={appeal} />
      {mine && (
        <Notice tone="info" live={false}>
          {t('desk.review.yours')}
        </Notice>
      )}
      {failure && (
        <div ref={errorRef} tabIndex={-1} className="focus-target">
          <Notice tone="error">{decisionError(t, failure)}</Notice>
        </div>
      )}
      {rejecting ? (
        <RejectForm
          busy={reject.isPending}
          onCancel={() => setRejecting(false)}
          onReject={(reason) =>
            reject.mutate(reason, {
              onSuccess: () => onDecided({ tone: 'success', text: t('desk.review.rejected') }),
            })
          }
        />
      ) : confirming ? (
        <>
          <ApprovalPreview appeal={appeal} />
          <SocialPreview appeal={appeal} />
          <div className="button-row">
            <button
              type="button"
              className="button button--primary"
              disabled={approve.isPending}
              onClick={() =>
                approve.mutate(undefined, {
                  onSuccess: () => onDecided({ tone: 'success', text: t('desk.review.approved') }),
                })
              }
            >
              {t('desk.review.publishNow')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
              {t('desk.common.cancel')}
            </button>
          </div>
        </>
      ) : (
        <div className="button-row">
          <button type="button" className="button button--primary" onClick={() => setConfirming(true)}>
            {t('desk.review.approve')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setRejecting(true)}>
            {t('desk.review.reject')}
          </button>
        </div>
      )}
    </div>
  );
}

function UpdateReview({
  appeal,
  update,
  me,
  onDecided,
}: {
  appeal: StaffAppeal;
  update: StaffAppealUpdate;
  me: string;
  onDecided: (result: Decided) => void;
}) {
  const { t } = useTranslation();
  const [rejecting, setRejecting] = useState(false);
  const approve = useAppealAction(() => approveAppealUpdate(appeal.id, update.id));
  const reject = useAppealAction((reason: string) => rejectAppealUpdate(appeal.id, update.id, reason));
  const failure = approve.error ?? reject.error;
  const rumour = update.kind === 'RUMOUR_CORRECTION';
  return (
    <li className={rumour ? 'update update--rumour review-update' : 'update review-update'}>
      <p className="update__meta">
        <span className="update__kind">{t(`appeal.updates.${update.kind}`)}</span>
      </p>
      <div className="localized__pair">
        {(['fr', 'en'] as const).map((lng) => (
          <div key={lng}>
            <p className="review-update__lang">{t(`desk.editor.lang.${lng}`)}</p>
            <p lang={lng}>
              {update.text[lng]?.trim() || <span className="diff__empty">{t('desk.diff.empty')}</span>}
            </p>
          </div>
        ))}
      </div>
      {/* The posts approving it makes are part of what is approved: read before the button. */}
      <SocialPreview appeal={appeal} target={{ event: 'UPDATE', updateId: update.id }} />
      {update.authorId === me && (
        <Notice tone="info" live={false}>
          {t('desk.review.yoursUpdate')}
        </Notice>
      )}
      {failure && <Notice tone="error">{decisionError(t, failure)}</Notice>}
      {rejecting ? (
        <RejectForm
          busy={reject.isPending}
          onCancel={() => setRejecting(false)}
          onReject={(reason) =>
            reject.mutate(reason, {
              onSuccess: () => onDecided({ tone: 'success', text: t('desk.review.updateRejected') }),
            })
          }
        />
      ) : (
        <div className="button-row">
          <button
            type="button"
            className="button button--primary"
            disabled={approve.isPending}
            onClick={() =>
              approve.mutate(undefined, {
                onSuccess: () => onDecided({ tone: 'success', text: t('desk.review.updateApproved') }),
              })
            }
          >
            {t('desk.review.approveUpdate')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setRejecting(true)}>
            {t('desk.review.rejectUpdate')}
          </button>
        </div>
      )}
    </li>
  );
}

/** `/desk/review`: revisions and updates waiting for a supervisor who did not write them. */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('desk.review.heading'));
  const lang = usePortalLanguage();
  const me = useStaffProfile().data?.id ?? '';
  const queue = useReviewQueue();
  const titleOf = useAppealTitle();
  const [decided, setDecided] = useState<Decided | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const headingId = useId();

  // The item just decided leaves the queue: put the focus on the result, so nobody is left nowhere.
  useEffect(() => {
    if (decided) statusRef.current?.focus();
  }, [decided]);

  return (
    <section className="container page-section desk-page" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('desk.review.heading')}</h2>
      <p className="field__hint">{t('desk.review.intro')}</p>
      <div ref={statusRef} tabIndex={-1} className="focus-target">
        {decided && <Notice tone={decided.tone}>{decided.text}</Notice>}
      </div>
      {queue.isPending ? (
        <PageLoading />
      ) : queue.isError ? (
        <Notice tone="error">{apiErrorMessage(t, queue.error)}</Notice>
      ) : queue.data.length === 0 ? (
        <Notice tone="info" live={false} title={t('desk.review.emptyTitle')}>
          <p>{t('desk.review.emptyBody')}</p>
        </Notice>
      ) : (
        <ol className="review-list">
          {queue.data.map((appeal) => {
            const title = titleOf(appeal);
            const pendingUpdates = appeal.updates.filter((update) => update.state === 'IN_REVIEW');
            const revision = appeal.revisionState === RevisionState.IN_REVIEW;
            return (
              <li key={appeal.id} className="review-item">
                <article aria-labelledby={`review-${appeal.id}`}>
                  <header className="review-item__head">
                    <p className={`badge badge--${appealKindFamily(appeal.kind)}`}>
                      {t(`appeals.kind.${appealKindFamily(appeal.kind)}`)}
                    </p>
                    <h3 id={`review-${appeal.id}`} lang={title.lang !== lang ? title.lang : undefined}>
                      <Link to={`/desk/appeals/${appeal.id}`}>{title.text}</Link>
                    </h3>
                    <p className="review-item__meta">
                      {revision
                        ? appeal.live
                          ? t('desk.review.revisionOf', { version: appeal.live.versionNo })
                          : t('desk.review.firstVersion')
                        : t('desk.review.updatesOnly')}{' '}
                      · {t('desk.review.since', { date: formatDate(appeal.updatedAt, lang, true) })}
                    </p>
                  </header>
                  {revision && <RevisionReview appeal={appeal} me={me} onDecided={setDecided} />}
                  {pendingUpdates.length > 0 && (
                    <section aria-label={t('desk.review.pendingUpdates')}>
                      <h4>{t('desk.review.pendingUpdates')}</h4>
                      <ol className="updates">
                        {pendingUpdates.map((update) => (
                          <UpdateReview
                            key={update.id}
                            appeal={appeal}
                            update={update}
                            me={me}
                            onDecided={setDecided}
                          />
                        ))}
                      </ol>
                    </section>
                  )}
                </article>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
