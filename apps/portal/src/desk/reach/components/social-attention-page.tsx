import type { SocialAttentionPost } from '@vigie/common';
import type { TFunction } from 'i18next';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { pickText } from '../../../public/api/appeal-card-view';
import { Notice } from '../../../shared/components/notice';
import { PageLoading } from '../../../shared/components/page-loading';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { formatDate } from '../../../shared/i18n/format';
import { usePortalLanguage, type PortalLanguage } from '../../../shared/i18n/language';
import { deskErrorMessage } from '../../i18n/desk-error-message';
import { useDeskPermissions } from '../../permissions';
import { useAttention, useRetryFromAttention } from '../hooks/use-social-posts';
import { canRetry, failureWords, stateTone, stateWords, takedownPending } from './post-failure-words';
import './reach.css';
import { PostText, RawAnswer } from './post-details';

interface Announcement {
  tone: 'success' | 'error';
  text: string;
}

/** What the post announced: the appeal, one of its updates (by kind and date), or its outcome. */
function publicationName(t: TFunction, post: SocialAttentionPost, lang: PortalLanguage): string {
  if (post.publication === 'APPROVED' || post.publication === 'RESOLVED')
    return t(`desk.reach.posts.publication.${post.publication}`);
  if (!post.update) return t('desk.reach.posts.publication.UPDATE');
  return t('desk.reach.posts.publication.updateOf', {
    kind: t(`appeal.updates.${post.update.kind}`),
    date: post.update.publishedAt ? formatDate(post.update.publishedAt, lang) : '',
  });
}

/** The posts of one account, which the list is grouped by (network first, as the accounts page is). */
function byAccount(posts: SocialAttentionPost[]) {
  const groups = new Map<string, SocialAttentionPost[]>();
  for (const post of posts) {
    const key = `${post.network} ${post.handle}`;
    groups.set(key, [...(groups.get(key) ?? []), post]);
  }
  return [...groups.values()];
}

/**
 * `/desk/reach/attention`: every post that needs a person, across appeals, by account: failed after
 * its retries, a takedown that failed, or still up on an account since disconnected. Each says why in
 * the desk's words and what to do, with the appeal it belongs to and, where the API allows it, the
 * action (send again, try the takedown again). A post the retry queued leaves the list.
 */
export function SocialAttentionPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('desk.reach.attention.heading'));
  const id = useId();
  const posts = useAttention();
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  const announceRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (announcement) announceRef.current?.focus();
  }, [announcement]);

  return (
    <section className="container page-section desk-page reach-page" aria-labelledby={`${id}-heading`}>
      <div className="desk-page__head">
        <h2 id={`${id}-heading`}>{t('desk.reach.attention.heading')}</h2>
      </div>
      <p className="reach-page__intro">{t('desk.reach.attention.intro')}</p>
      <div ref={announceRef} tabIndex={-1} role="status" className="focus-target reach-page__announcement">
        {announcement && <p className={`notice notice--${announcement.tone}`}>{announcement.text}</p>}
      </div>
      {posts.isPending ? (
        <PageLoading />
      ) : posts.isError ? (
        <Notice tone="error">
          <p>{deskErrorMessage(t, posts.error)}</p>
        </Notice>
      ) : posts.data.length === 0 ? (
        <Notice tone="success" live={false} title={t('desk.reach.attention.emptyTitle')}>
          <p>{t('desk.reach.attention.emptyBody')}</p>
        </Notice>
      ) : (
        <>
          <p>{t('desk.reach.attention.count', { count: posts.data.length })}</p>
          {byAccount(posts.data).map((list) => {
            const [{ network, handle, accountConnected }] = list;
            const name = `${t(`desk.reach.network.${network}`)} ${handle}`;
            return (
              <section key={name} className="reach-page__section" aria-label={name}>
                <h3 className="reach-attention__account">
                  {t(`desk.reach.network.${network}`)} <span className="reach-break">{handle}</span>
                  {!accountConnected && (
                    <span className="state-badge reach-badge--failed">
                      {t('desk.reach.attention.disconnected')}
                    </span>
                  )}
                </h3>
                <ul className="reach-post-list">
                  {list.map((post) => (
                    <AttentionPost key={post.id} post={post} onRetried={setAnnouncement} />
                  ))}
                </ul>
              </section>
            );
          })}
        </>
      )}
    </section>
  );
}

function AttentionPost({
  post,
  onRetried,
}: {
  post: SocialAttentionPost;
  onRetried: (result: Announcement) => void;
}) {
  const { t } = useTranslation();
  const lang = usePortalLanguage();
  const can = useDeskPermissions();
  const retry = useRetryFromAttention();
  const network = t(`desk.reach.network.${post.network}`);
  const language = t(`desk.editor.lang.${post.language}`);
  const publication = publicationName(t, post, lang);
  const title = pickText(post.appeal.title, lang);
  const appealTitle = title?.text || t('desk.appeals.untitled');
  // Buttons of several appeals' posts are told apart by the appeal too.
  const which = t('desk.reach.attention.which', { appeal: appealTitle, network, language, publication });
  const takedown = post.state === 'TAKEDOWN_FAILED';
  const words = failureWords(t, post, lang);

  return (
    <li className="reach-post reach-attention">
      <div>
        <p>
          <Link to={`/desk/appeals/${encodeURIComponent(post.appeal.id)}`} lang={title?.lang}>
            {appealTitle}
          </Link>
        </p>
        <p className="reach-post__where">
          {publication} · {language}
        </p>
      </div>
      <p>
        <span className={`state-badge reach-badge--${stateTone(post)}`}>{stateWords(t, post)}</span>
      </p>
      <div className="reach-post__detail">
        {words && (
          <p className={takedownPending(post) ? 'reach-post__pending' : 'reach-post__error'}>{words}</p>
        )}
        {post.state === 'FAILED' && <p>{t('desk.reach.posts.attempts', { count: post.attempts })}</p>}
        {post.url && (
          <p>
            <a href={post.url} target="_blank" rel="noopener noreferrer">
              {t('desk.reach.posts.see', { network })}{' '}
              <span className="visually-hidden">
                ({which}) {t('desk.reach.archive.newTab')}
              </span>
            </a>
          </p>
        )}
        <PostText post={post} which={which} />
        {post.lastError && <RawAnswer answer={post.lastError} which={which} />}
      </div>
      {can.retrySocialPosts && canRetry(post) && (
        <div className="reach-post__action">
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={retry.isPending}
            onClick={() =>
              retry.mutate(post, {
                onSuccess: () =>
                  onRetried({
                    tone: 'success',
                    text: t(takedown ? 'desk.reach.posts.takedownRetried' : 'desk.reach.posts.retried', {
                      which,
                    }),
                  }),
                // Said at the top: the list is read again, and the post may have left it (409: sent or
                // taken down meanwhile).
                onError: (error) =>
                  onRetried({
                    tone: 'error',
                    text: t('desk.reach.attention.retryFailed', { which, error: deskErrorMessage(t, error) }),
                  }),
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
