import type { SocialPostView, StaffAppeal } from '@vigie/common';
import type { TFunction } from 'i18next';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../../shared/components/notice';
import { PageLoading } from '../../../shared/components/page-loading';
import { formatDate } from '../../../shared/i18n/format';
import { usePortalLanguage, type PortalLanguage } from '../../../shared/i18n/language';
import { deskErrorMessage } from '../../i18n/desk-error-message';
import { useDeskPermissions } from '../../permissions';
import { useRetryPost, useSocialPosts } from '../hooks/use-social-posts';
import { canRetry, failureWords, pendingWords, stateTone, stateWords } from './post-failure-words';
import './reach.css';
import { PostText, RawAnswer } from './post-details';

/** What a post was about: the appeal, one of its updates, or its outcome. */
function publicationName(
  t: TFunction,
  appeal: StaffAppeal,
  publication: string,
  lang: PortalLanguage,
): string {
  if (publication === 'APPROVED') return t('desk.reach.posts.publication.APPROVED');
  if (publication === 'RESOLVED') return t('desk.reach.posts.publication.RESOLVED');
  const update = appeal.updates.find((one) => `UPDATE:${one.id}` === publication);
  if (!update) return t('desk.reach.posts.publication.UPDATE');
  return t('desk.reach.posts.publication.updateOf', {
    kind: t(`appeal.updates.${update.kind}`),
    date: formatDate(update.publishedAt ?? update.createdAt, lang) ?? '',
  });
}

/**
 * An appeal's posts on the agency's accounts, grouped by what they announced, each with its state: on
 * its way, posted (with its link), failed (with the network's answer, and "Send again"), taken down.
 */
export function SocialPostsSection({ appeal }: { appeal: StaffAppeal }) {
  const { t } = useTranslation();
  const lang = usePortalLanguage();
  const id = useId();
  const posts = useSocialPosts(appeal.id);
  const [announcement, setAnnouncement] = useState('');
  const announceRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (announcement) announceRef.current?.focus();
  }, [announcement]);

  const groups = new Map<string, SocialPostView[]>();
  for (const post of posts.data ?? [])
    groups.set(post.publication, [...(groups.get(post.publication) ?? []), post]);

  return (
    <section className="reach-posts" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="desk-page__section-title">
        {t('desk.reach.posts.heading')}
      </h3>
      <div ref={announceRef} tabIndex={-1} role="status" className="focus-target reach-page__announcement">
        {announcement && <p className="notice notice--success">{announcement}</p>}
      </div>
      {posts.isPending ? (
        <PageLoading />
      ) : posts.isError ? (
        <Notice tone="error">
          <p>{deskErrorMessage(t, posts.error)}</p>
        </Notice>
      ) : groups.size === 0 ? (
        <p className="reach-empty">{t('desk.reach.posts.none')}</p>
      ) : (
        [...groups].map(([publication, list]) => {
          const name = publicationName(t, appeal, publication, lang);
          return (
            <section key={publication} className="reach-posts__group" aria-label={name}>
              <h4 className="reach-posts__group-title">{name}</h4>
              <ul className="reach-post-list">
                {list.map((post) => (
                  <PostState
                    key={post.id}
                    post={post}
                    appealId={appeal.id}
                    publication={name}
                    onRetried={setAnnouncement}
                  />
                ))}
              </ul>
            </section>
          );
        })
      )}
    </section>
  );
}

function PostState({
  post,
  appealId,
  publication,
  onRetried,
}: {
  post: SocialPostView;
  appealId: string;
  publication: string;
  onRetried: (message: string) => void;
}) {
  const { t } = useTranslation();
  const lang = usePortalLanguage();
  const can = useDeskPermissions();
  const retry = useRetryPost(appealId);
  const network = t(`desk.reach.network.${post.network}`);
  const language = t(`desk.editor.lang.${post.language}`);
  const which = t('desk.reach.posts.which', { network, language, publication });
  const takedown = post.state === 'TAKEDOWN_FAILED';
  // A send or takedown to be tried again (or a takedown on its way): what comes next, and when.
  const pending = pendingWords(t, post, lang);

  return (
    <li className="reach-post">
      <p className="reach-post__where">
        <strong>{network}</strong> <span className="reach-break">{post.handle}</span> · {language}
      </p>
      <p>
        <span className={`state-badge reach-badge--${stateTone(post)}`}>{stateWords(t, post)}</span>
      </p>
      <div className="reach-post__detail">
        {post.state === 'SENT' && (
          <p className="reach-post__sent">
            {post.sentAt && (
              <span>{t('desk.reach.posts.sentAt', { date: formatDate(post.sentAt, lang, true) })}</span>
            )}
            {post.url && (
              <a href={post.url} target="_blank" rel="noopener noreferrer">
                {t('desk.reach.posts.see', { network })}{' '}
                <span className="visually-hidden">{t('desk.reach.archive.newTab')}</span>
              </a>
            )}
          </p>
        )}
        {pending && <p className="reach-post__pending">{pending}</p>}
        {(post.state === 'FAILED' || post.state === 'TAKEDOWN_FAILED') && (
          <>
            <p className="reach-post__error">
              {failureWords(t, post, lang) ??
                t('desk.reach.posts.answer', { error: post.lastError ?? t('desk.reach.posts.noAnswer') })}
            </p>
            {post.failure && post.lastError && <RawAnswer answer={post.lastError} which={which} />}
            {post.state === 'FAILED' && <p>{t('desk.reach.posts.attempts', { count: post.attempts })}</p>}
          </>
        )}
        {!post.accountConnected && <p>{t('desk.reach.posts.disconnected')}</p>}
        {post.state === 'TAKEN_DOWN' && post.takenDownAt && (
          <p>{t('desk.reach.posts.takenDownAt', { date: formatDate(post.takenDownAt, lang, true) })}</p>
        )}
        <PostText post={post} which={which} />
      </div>
      {canRetry(post) && can.retrySocialPosts && (
        <div className="reach-post__action">
          {retry.error ? (
            <Notice tone="error">
              <p>{deskErrorMessage(t, retry.error)}</p>
            </Notice>
          ) : null}
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={retry.isPending}
            onClick={() =>
              retry.mutate(post.id, {
                onSuccess: () =>
                  onRetried(
                    t(takedown ? 'desk.reach.posts.takedownRetried' : 'desk.reach.posts.retried', { which }),
                  ),
              })
            }
          >
            {t(takedown ? 'desk.reach.posts.retryTakedown' : 'desk.reach.posts.retry')}{' '}
            <span className="visually-hidden">({which})</span>
          </button>
        </div>
      )}
    </li>
  );
}
