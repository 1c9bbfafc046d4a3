import { useQuery } from '@tanstack/react-query';
import { TipPriority, type TipDetail, type TipStatus } from '@vigie/common';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../shared/api/api-error';
import { Notice } from '../../../shared/components/notice';
import { PageLoading } from '../../../shared/components/page-loading';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { formatDate } from '../../../shared/i18n/format';
import { usePortalLanguage } from '../../../shared/i18n/language';
import { useStaffProfile } from '../../hooks/use-staff-profile';
import { deskPermissions } from '../../permissions';
import { deskErrorMessage } from '../../i18n/desk-error-message';
import {
  addTipNote,
  createCase,
  fetchCases,
  linkTipToCase,
  messageTipster,
  revealContact,
  TIPS_KEY,
  updateTip,
  type TipChange,
} from '../api/tips.api';
import { useTip, useTipAction, useTipsWrite } from '../hooks/use-tips';
import { ReasonDialog } from '../../components/reason-dialog';
import { RecordActions } from '../../records/record-actions';
import { openSealedOriginal } from '../../records/records.api';
import { DuplicatesPanel } from './duplicates-panel';
import { SETTABLE_STATUSES } from './inbox-keys';
import { PriorityBadge, TipStatusBadge } from './tip-badges';
import { InlineTextForm } from '../../components/inline-text-form';
import './tip-detail.css';

/** `/desk/tips/:id`: one tip, everything an investigator needs to triage it. */
export function TipDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const tip = useTip(id);
  useDocumentTitle(tip.data ? t('desk.tip.title', { code: tip.data.code }) : t('desk.tip.loading'));

  if (tip.isPending) return <PageLoading label={t('desk.tip.loading')} />;
  if (tip.isError) {
    return (
      <div className="container page-section">
        <Notice tone="error">
          <p>{deskErrorMessage(t, tip.error)}</p>
        </Notice>
      </div>
    );
  }
  return <TipView tip={tip.data} />;
}

function TipView({ tip }: { tip: TipDetail }) {
  const { t } = useTranslation();
  const lang = usePortalLanguage();
  const me = useStaffProfile().data;
  const canTriage = deskPermissions(me?.roles ?? []).triage;

  return (
    <article className="container page-section desk-page tip-detail" aria-labelledby="tip-heading">
      <p>
        <Link to="/desk">{t('desk.tip.back')}</Link>
      </p>
      <div className="desk-page__head">
        <h2 id="tip-heading">{t('desk.tip.title', { code: tip.code })}</h2>
        <p className="tip-detail__badges">
          <PriorityBadge priority={tip.priority} />
          <TipStatusBadge status={tip.status} />
        </p>
      </div>
      <div className="tip-detail__grid">
        <div className="tip-detail__main">
          <section aria-labelledby="tip-text-heading" className="tip-card">
            <h3 id="tip-text-heading">{t('desk.tip.what')}</h3>
            <p className="tip-detail__text" lang={tip.language !== lang ? tip.language : undefined}>
              {tip.description}
            </p>
            <dl className="tip-facts">
              <div>
                <dt>{t('desk.tip.received')}</dt>
                <dd>{formatDate(tip.receivedAt, lang, true)}</dd>
              </div>
              {tip.occurredFrom && (
                <div>
                  <dt>{t('desk.tip.when')}</dt>
                  <dd>
                    {formatDate(tip.occurredFrom, lang, true)}
                    {tip.occurredTo && ` – ${formatDate(tip.occurredTo, lang, true)}`}
                  </dd>
                </div>
              )}
              {tip.place && (
                <div>
                  <dt>{t('desk.tip.place')}</dt>
                  <dd>{tip.place}</dd>
                </div>
              )}
              {tip.latitude !== undefined && tip.longitude !== undefined && (
                <div>
                  <dt>{t('desk.tip.coordinates')}</dt>
                  <dd>
                    {t('desk.tip.coordinatesValue', {
                      lat: tip.latitude.toFixed(5),
                      lng: tip.longitude.toFixed(5),
                      accuracy: tip.accuracyM ?? '?',
                    })}
                  </dd>
                </div>
              )}
              {tip.appeal && (
                <div>
                  <dt>{t('desk.tip.appeal')}</dt>
                  <dd>{tip.appeal.slug}</dd>
                </div>
              )}
            </dl>
          </section>
          <MediaSection tip={tip} canTriage={canTriage} />
          <ThreadSection tip={tip} canTriage={canTriage} />
          <DuplicatesPanel tipId={tip.id} canDecide={canTriage} />
          <HistorySection tip={tip} />
        </div>
        <aside className="tip-detail__side" aria-label={t('desk.tip.triage')}>
          <TriageControls tip={tip} canTriage={canTriage} meId={me?.id} />
          <CasesSection tip={tip} canTriage={canTriage} />
          <ContactSection tip={tip} canTriage={canTriage} />
          <NotesSection tip={tip} canTriage={canTriage} />
          <RecordActions kind="tips" id={tip.id} />
        </aside>
      </div>
    </article>
  );
}

interface StaleState {
  version: number;
  status?: TipStatus;
  priority?: TipPriority;
  assigneeId?: string | null;
  tags?: string[];
}

function TriageControls({ tip, canTriage, meId }: { tip: TipDetail; canTriage: boolean; meId?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [stale, setStale] = useState<StaleState | null>(null);
  const [tagText, setTagText] = useState('');
  const change = useTipAction((input: TipChange) => updateTip(tip.id, input));
  const refresh = useTipsWrite(() => Promise.resolve());

  const apply = (input: Omit<TipChange, 'version'>) => {
    setStale(null);
    change.mutate(
      { version: tip.version, ...input },
      {
        onError: (error) => {
          if (ApiError.isApiError(error) && error.code === 'STALE_VERSION') {
            const body = error as unknown as { current?: StaleState };
            setStale(body.current ?? { version: 0 });
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
              onChange={(event) => apply({ status: event.target.value as TipStatus })}
            >
              {!SETTABLE_STATUSES.includes(tip.status) && (
                <option value={tip.status}>{t(`desk.tipStatus.${tip.status}`)}</option>
              )}
              {SETTABLE_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`desk.tipStatus.${status}`)}
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

function MediaSection({ tip, canTriage }: { tip: TipDetail; canTriage: boolean }) {
  const { t } = useTranslation();
  const [original, setOriginal] = useState<string | null>(null);
  if (tip.media.length === 0) return null;
  return (
    <section className="tip-card" aria-labelledby="tip-media-heading">
      <h3 id="tip-media-heading">{t('desk.tip.media')}</h3>
      <ul className="tip-media">
        {tip.media.map((media, index) => {
          const preview =
            media.renditions.find((r) => r.name === 'preview' || r.name === 'thumb') ?? media.renditions[0];
          const poster = media.renditions.find((r) => r.name === 'poster');
          const video = media.renditions.find((r) => r.format.startsWith('video') || r.name === 'video');
          return (
            <li key={media.id} className="tip-media__item">
              {media.state !== 'READY' ? (
                <p className="tip-muted">{t(`desk.tip.mediaState.${media.state}`)}</p>
              ) : media.kind === 'video' && video ? (
                <video
                  controls
                  preload="none"
                  poster={poster?.url}
                  src={video.url}
                  className="tip-media__img"
                >
                  <track kind="captions" />
                </video>
              ) : preview ? (
                <img
                  src={preview.url}
                  alt={t('desk.tip.mediaAlt', { n: index + 1 })}
                  className="tip-media__img"
                />
              ) : null}
              {canTriage && (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => setOriginal(media.id)}
                >
                  {t('desk.tip.openOriginal')}
                </button>
              )}
              {media.evidence && (
                <div className="tip-evidence">
                  <p className="tip-evidence__label">{t('desk.tip.staffOnly')}</p>
                  <dl className="tip-facts">
                    {Object.entries(media.evidence).map(([key, value]) => (
                      <div key={key}>
                        <dt>{key}</dt>
                        <dd>{typeof value === 'object' ? JSON.stringify(value) : String(value)}</dd>
                      </div>
                    ))}
                  </dl>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <ReasonDialog
        open={original !== null}
        title={t('desk.tip.originalTitle')}
        warning={t('desk.tip.originalWarning')}
        submitLabel={t('desk.tip.originalSubmit')}
        onClose={() => setOriginal(null)}
        onSubmit={(reason) => (original ? openSealedOriginal(tip.id, original, reason) : Promise.resolve())}
      />
    </section>
  );
}

function ThreadSection({ tip, canTriage }: { tip: TipDetail; canTriage: boolean }) {
  const { t } = useTranslation();
  const lang = usePortalLanguage();
  const id = useId();
  const [body, setBody] = useState('');
  const send = useTipAction((text: string) => messageTipster(tip.id, text));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return;
    send.mutate(body, { onSuccess: () => setBody('') });
  };
  return (
    <section className="tip-card" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('desk.tip.thread')}</h3>
      {tip.messages.length === 0 ? (
        <p className="tip-muted">{t('desk.tip.noMessages')}</p>
      ) : (
        <ol className="tip-thread">
          {tip.messages.map((message) => (
            <li
              key={message.id}
              className={`tip-thread__message tip-thread__message--${message.from.toLowerCase()}`}
            >
              <p className="tip-thread__who">
                {message.from === 'TIPSTER'
                  ? t('desk.tip.tipster')
                  : (message.author?.displayName ?? t('desk.tip.staff'))}
                {' · '}
                {formatDate(message.createdAt, lang, true)}
              </p>
              <p className="tip-thread__body">{message.body}</p>
            </li>
          ))}
        </ol>
      )}
      {canTriage && (
        <form onSubmit={onSubmit} className="tip-reply">
          <label className="field__label" htmlFor={`${id}-reply`}>
            {t('desk.tip.reply')}
          </label>
          <textarea
            id={`${id}-reply`}
            className="field__input field__input--area"
            value={body}
            maxLength={5000}
            onChange={(event) => setBody(event.target.value)}
          />
          {send.isError && (
            <Notice tone="error">
              <p>{deskErrorMessage(t, send.error)}</p>
            </Notice>
          )}
          <button type="submit" className="button button--primary" disabled={send.isPending || !body.trim()}>
            {t('desk.tip.send')}
          </button>
        </form>
      )}
    </section>
  );
}

function NotesSection({ tip, canTriage }: { tip: TipDetail; canTriage: boolean }) {
  const { t } = useTranslation();
  const lang = usePortalLanguage();
  const id = useId();
  const [body, setBody] = useState('');
  const add = useTipAction((text: string) => addTipNote(tip.id, text));
  return (
    <section className="tip-card" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('desk.tip.notes')}</h3>
      {tip.notes.length === 0 ? (
        <p className="tip-muted">{t('desk.tip.noNotes')}</p>
      ) : (
        <ul className="tip-notes">
          {tip.notes.map((note) => (
            <li key={note.id}>
              <p className="tip-thread__who">
                {note.author.displayName} · {formatDate(note.createdAt, lang, true)}
              </p>
              <p className="tip-thread__body">{note.body}</p>
            </li>
          ))}
        </ul>
      )}
      {canTriage && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (body.trim()) add.mutate(body, { onSuccess: () => setBody('') });
          }}
        >
          <label className="field__label" htmlFor={`${id}-note`}>
            {t('desk.tip.addNote')}
          </label>
          <textarea
            id={`${id}-note`}
            className="field__input field__input--area"
            value={body}
            maxLength={5000}
            onChange={(event) => setBody(event.target.value)}
          />
          {add.isError && (
            <Notice tone="error">
              <p>{deskErrorMessage(t, add.error)}</p>
            </Notice>
          )}
          <button type="submit" className="button button--secondary" disabled={add.isPending || !body.trim()}>
            {t('desk.tip.saveNote')}
          </button>
        </form>
      )}
    </section>
  );
}

function ContactSection({ tip, canTriage }: { tip: TipDetail; canTriage: boolean }) {
  const { t } = useTranslation();
  const reveal = useTipsWrite(() => revealContact(tip.id));
  if (!tip.hasContact) return null;
  return (
    <section className="tip-card" aria-labelledby="tip-contact-heading">
      <h3 id="tip-contact-heading">{t('desk.tip.contact')}</h3>
      {reveal.data ? (
        <dl className="tip-facts">
          {Object.entries(reveal.data)
            .filter(([, value]) => value)
            .map(([key, value]) => (
              <div key={key}>
                <dt>{key}</dt>
                <dd>{value}</dd>
              </div>
            ))}
        </dl>
      ) : (
        <>
          <p className="tip-muted">{t('desk.tip.contactHidden')}</p>
          {canTriage && (
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={reveal.isPending}
              onClick={() => reveal.mutate(undefined)}
            >
              {t('desk.tip.reveal')}
            </button>
          )}
        </>
      )}
      {reveal.isError && (
        <Notice tone="error">
          <p>{deskErrorMessage(t, reveal.error)}</p>
        </Notice>
      )}
    </section>
  );
}

function CasesSection({ tip, canTriage }: { tip: TipDetail; canTriage: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const [choice, setChoice] = useState('');
  const [title, setTitle] = useState('');
  const cases = useQuery({
    queryKey: [...TIPS_KEY, 'cases'],
    queryFn: ({ signal }) => fetchCases(signal),
    enabled: canTriage,
  });
  const link = useTipsWrite(async (input: { caseId?: string; title?: string }) => {
    const caseId = input.caseId ?? (await createCase(input.title ?? '')).id;
    await linkTipToCase(caseId, tip.id);
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (choice === 'new') {
      if (title.trim())
        link.mutate(
          { title: title.trim() },
          {
            onSuccess: () => {
              setTitle('');
              setChoice('');
            },
          },
        );
    } else if (choice) link.mutate({ caseId: choice }, { onSuccess: () => setChoice('') });
  };
  return (
    <section className="tip-card" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('desk.tip.cases')}</h3>
      {tip.cases.length === 0 ? (
        <p className="tip-muted">{t('desk.tip.noCases')}</p>
      ) : (
        <ul>
          {tip.cases.map((linked) => (
            <li key={linked.id}>
              <Link to={`/desk/cases/${linked.id}`}>
                {linked.number} — {linked.title}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {canTriage && (
        <form onSubmit={onSubmit}>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-case`}>
              {t('desk.tip.linkTo')}
            </label>
            <select
              id={`${id}-case`}
              className="field__input"
              value={choice}
              onChange={(event) => setChoice(event.target.value)}
            >
              <option value="">{t('desk.tip.chooseCase')}</option>
              <option value="new">{t('desk.tip.newCase')}</option>
              {(cases.data ?? [])
                .filter((one) => !tip.cases.some((linked) => linked.id === one.id))
                .map((one) => (
                  <option key={one.id} value={one.id}>
                    {one.number} — {one.title}
                  </option>
                ))}
            </select>
          </div>
          {choice === 'new' && (
            <div className="field">
              <label className="field__label" htmlFor={`${id}-title`}>
                {t('desk.tip.caseTitle')}
              </label>
              <input
                id={`${id}-title`}
                className="field__input"
                value={title}
                maxLength={200}
                onChange={(event) => setTitle(event.target.value)}
              />
            </div>
          )}
          {link.isError && (
            <Notice tone="error">
              <p>{deskErrorMessage(t, link.error)}</p>
            </Notice>
          )}
          <button type="submit" className="button button--secondary" disabled={link.isPending || !choice}>
            {t('desk.tip.link')}
          </button>
        </form>
      )}
    </section>
  );
}

function HistorySection({ tip }: { tip: TipDetail }) {
  const { t } = useTranslation();
  const lang = usePortalLanguage();
  return (
    <section className="tip-card" aria-labelledby="tip-history-heading">
      <h3 id="tip-history-heading">{t('desk.tip.history')}</h3>
      {tip.history.length === 0 ? (
        <p className="tip-muted">{t('desk.tip.noHistory')}</p>
      ) : (
        <ol className="tip-history">
          {tip.history.map((entry, index) => (
            <li key={`${entry.at}-${index}`}>
              <span className="tip-history__when">{formatDate(entry.at, lang, true)}</span>{' '}
              {t(`desk.history.${entry.action}` as never, { defaultValue: entry.action })}
              {entry.actor && ` — ${entry.actor.displayName}`}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
