import '../../reflect-metadata';
import { classValidatorResolver } from '@hookform/resolvers/class-validator';
import {
  AppealOutcome,
  AppealStatus,
  AppealUpdateKind,
  PostAppealUpdateDto,
  ResolveAppealDto,
  type StaffAppeal,
} from '@vigie/common';
import { useEffect, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Notice } from '../../../shared/components/notice';
import { formatDate } from '../../../shared/i18n/format';
import { apiErrorMessage } from '../../../shared/i18n/api-error-message';
import { usePortalLanguage } from '../../../shared/i18n/language';
import { pickText } from '../../../public/api/appeal-card-view';
import { SelectField } from '../../../shared/components/form-fields';
import { useDeskPermissions, type AppealPermissions } from '../../permissions';
import { SocialPreview } from '../../reach/components/social-preview';
import { archiveAppeal, postAppealUpdate, resolveAppeal } from '../api/appeals.api';
import { useAppealAction } from '../hooks/use-staff-appeals';
import { appealFieldMessage } from '../api/appeal-field-errors';
import { LocalizedFields } from './localized-fields';

interface Props {
  appeal: StaffAppeal;
  permissions: AppealPermissions;
}

interface TextPair {
  fr: string;
  en: string;
}

const trimmed = (pair: TextPair) => {
  const fr = pair.fr.trim();
  const en = pair.en.trim();
  return fr || en ? { ...(fr ? { fr } : {}), ...(en ? { en } : {}) } : undefined;
};

/** A message that takes the focus when it appears, so keyboard and screen reader users hear the result. */
function FocusedNotice({ tone, children }: { tone: 'success' | 'error'; children: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [children]);
  return (
    <div ref={ref} tabIndex={-1} className="focus-target">
      <Notice tone={tone}>{children}</Notice>
    </div>
  );
}

function UpdateForm({ appeal }: { appeal: StaffAppeal }) {
  const { t } = useTranslation();
  const action = useAppealAction((body: PostAppealUpdateDto) => postAppealUpdate(appeal.id, body));
  const [done, setDone] = useState<string | null>(null);
  const form = useForm<{ kind: AppealUpdateKind; text: TextPair }>({
    defaultValues: { kind: AppealUpdateKind.UPDATE, text: { fr: '', en: '' } },
    resolver: async (values, context, options) => {
      const result = await classValidatorResolver(PostAppealUpdateDto)(
        { kind: values.kind, text: trimmed(values.text) ?? { fr: '', en: '' } } as PostAppealUpdateDto,
        context,
        options as never,
      );
      return Object.keys(result.errors).length
        ? { values: {}, errors: result.errors as never }
        : { values, errors: {} };
    },
  });
  const textError = appealFieldMessage(t, 'text', form.formState.errors.text as never, '');

  const submit = form.handleSubmit(async (values) => {
    setDone(null);
    const saved = await action
      .mutateAsync({ kind: values.kind, text: trimmed(values.text)! })
      .catch(() => null);
    if (!saved) return;
    const posted = saved.updates[0];
    setDone(
      posted?.state === 'PUBLISHED'
        ? t('desk.published.updatePublished')
        : t('desk.published.updateInReview'),
    );
    form.reset();
  });

  return (
    <form
      className="form action-panel"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-labelledby="update-heading"
    >
      <h3 id="update-heading">{t('desk.published.updateHeading')}</h3>
      {done && <FocusedNotice tone="success">{done}</FocusedNotice>}
      {action.isError && <FocusedNotice tone="error">{apiErrorMessage(t, action.error)}</FocusedNotice>}
      <fieldset className="choice-group">
        <legend className="field__label">{t('desk.published.updateKind')}</legend>
        {Object.values(AppealUpdateKind).map((kind) => (
          <label key={kind} className="choice-group__option">
            <input type="radio" value={kind} {...form.register('kind')} />
            {t(`appeal.updates.${kind}`)}
          </label>
        ))}
      </fieldset>
      <LocalizedFields
        legend={t('desk.published.updateText')}
        error={textError}
        field={(lng) => form.register(`text.${lng}`)}
        multiline
        rows={4}
        maxLength={2000}
      />
      <div>
        <button type="submit" className="button button--primary" disabled={action.isPending}>
          {t('desk.published.postUpdate')}
        </button>
      </div>
    </form>
  );
}

function ResolveForm({ appeal }: { appeal: StaffAppeal }) {
  const { t } = useTranslation();
  const action = useAppealAction((body: ResolveAppealDto) => resolveAppeal(appeal.id, body));
  const [confirming, setConfirming] = useState(false);
  const form = useForm<{ outcome: AppealOutcome | ''; note: TextPair }>({
    defaultValues: { outcome: '', note: { fr: '', en: '' } },
    resolver: async (values, context, options) => {
      const result = await classValidatorResolver(ResolveAppealDto)(
        { outcome: values.outcome || undefined, note: trimmed(values.note) } as ResolveAppealDto,
        context,
        options as never,
      );
      return Object.keys(result.errors).length
        ? { values: {}, errors: result.errors as never }
        : { values, errors: {} };
    },
  });
  const outcomeError = appealFieldMessage(t, 'outcome', form.formState.errors.outcome, '');
  const can = useDeskPermissions();
  const outcome = useWatch({ control: form.control, name: 'outcome' });

  const submit = form.handleSubmit(async (values) => {
    if (!confirming) {
      setConfirming(true);
      return;
    }
    await action
      .mutateAsync({ outcome: values.outcome as AppealOutcome, note: trimmed(values.note) })
      .catch(() => null);
    setConfirming(false);
  });

  return (
    <form
      className="form action-panel"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-labelledby="resolve-heading"
    >
      <h3 id="resolve-heading">{t('desk.published.resolveHeading')}</h3>
      <p className="field__hint">{t('desk.published.resolveHint')}</p>
      {action.isError && <FocusedNotice tone="error">{apiErrorMessage(t, action.error)}</FocusedNotice>}
      <SelectField label={t('desk.published.outcome')} error={outcomeError} {...form.register('outcome')}>
        <option value="">{t('desk.editor.choose')}</option>
        {Object.values(AppealOutcome).map((outcome) => (
          <option key={outcome} value={outcome}>
            {t(`desk.outcome.${outcome}`)}
          </option>
        ))}
      </SelectField>
      <LocalizedFields
        legend={t('desk.published.note')}
        field={(lng) => form.register(`note.${lng}`)}
        multiline
        rows={3}
        maxLength={2000}
      />
      {confirming && (
        <div className="confirm" role="alert">
          <p>{t('desk.published.resolveConfirm')}</p>
        </div>
      )}
      {confirming && outcome && can.seeSocialPosts && (
        <SocialPreview appeal={appeal} target={{ event: 'RESOLVED', outcome }} />
      )}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={action.isPending}>
          {confirming ? t('desk.published.resolveConfirmButton') : t('desk.published.resolve')}
        </button>
        {confirming && (
          <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
            {t('desk.common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

function ArchivePanel({ appeal }: { appeal: StaffAppeal }) {
  const { t } = useTranslation();
  const action = useAppealAction(() => archiveAppeal(appeal.id));
  const [confirming, setConfirming] = useState(false);
  return (
    <section className="action-panel" aria-labelledby="archive-heading">
      <h3 id="archive-heading">{t('desk.published.archiveHeading')}</h3>
      <p className="field__hint">{t('desk.published.archiveHint')}</p>
      {action.isError && <FocusedNotice tone="error">{apiErrorMessage(t, action.error)}</FocusedNotice>}
      {confirming && (
        <div className="confirm" role="alert">
          <p>{t('desk.published.archiveConfirm')}</p>
        </div>
      )}
      <div className="button-row">
        <button
          type="button"
          className="button button--danger"
          disabled={action.isPending}
          onClick={() => (confirming ? action.mutate(undefined) : setConfirming(true))}
        >
          {confirming ? t('desk.published.archiveConfirmButton') : t('desk.published.archive')}
        </button>
        {confirming && (
          <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
            {t('desk.common.cancel')}
          </button>
        )}
      </div>
    </section>
  );
}

/** Updates and rumour corrections, newest first, with where each stands. */
export function UpdateHistory({ appeal }: { appeal: StaffAppeal }) {
  const { t } = useTranslation();
  const lang = usePortalLanguage();
  if (appeal.updates.length === 0) return null;
  const updates = [...appeal.updates].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <section className="action-panel" aria-labelledby="history-heading">
      <h3 id="history-heading">{t('desk.published.historyHeading')}</h3>
      <ol className="updates">
        {updates.map((update) => {
          const text = pickText(update.text, lang);
          return (
            <li
              key={update.id}
              className={update.kind === 'RUMOUR_CORRECTION' ? 'update update--rumour' : 'update'}
            >
              <p className="update__meta">
                <span className="update__kind">{t(`appeal.updates.${update.kind}`)}</span>
                <span className={`state-badge state-badge--${update.state.toLowerCase()}`}>
                  {t(`desk.updateState.${update.state}`)}
                </span>
                <span>{formatDate(update.createdAt, lang, true)}</span>
              </p>
              {text && <p lang={text.lang}>{text.text}</p>}
              {update.rejectionReason && (
                <p className="update__reason">
                  {t('desk.published.rejectedBecause', { reason: update.rejectionReason })}
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** What can be done to an appeal the public can see: updates, resolution, archiving. */
export function PublishedActions({ appeal, permissions }: Props) {
  const { t } = useTranslation();
  const published = appeal.status === AppealStatus.PUBLISHED;
  const visible = published || appeal.status === AppealStatus.RESOLVED;
  return (
    <div className="published-actions">
      {visible && (
        <p>
          <Link to={`/appeals/${encodeURIComponent(appeal.slug)}`}>{t('desk.published.viewPublic')}</Link>
        </p>
      )}
      {published && permissions.postUpdates && <UpdateForm appeal={appeal} />}
      <UpdateHistory appeal={appeal} />
      {published && permissions.resolve && <ResolveForm appeal={appeal} />}
      {appeal.status !== AppealStatus.ARCHIVED && permissions.archive && <ArchivePanel appeal={appeal} />}
    </div>
  );
}
