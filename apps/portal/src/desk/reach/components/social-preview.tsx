import type { SocialAccountPreview, SocialPostPreview, StaffAppeal } from '@vigie/common';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../../shared/components/notice';
import { PageLoading } from '../../../shared/components/page-loading';
import { deskErrorMessage } from '../../i18n/desk-error-message';
import type { SocialPreviewTarget } from '../api/reach.api';
import { useSocialPreview } from '../hooks/use-social-posts';
import './reach.css';

/**
 * What approving will post on each connected account, in each language, made by the API with the code
 * that will post it: the text as it will read (shortened where the network's count required it), its
 * image with the alt text, where it goes in the appeal's thread, the posts that come down first, and
 * anything that will stop it. Part of what the supervisor approves: the revision in review (`APPROVED`),
 * an update or rumour correction in review, or the outcome about to be published.
 */
export function SocialPreview({
  appeal,
  target = { event: 'APPROVED' },
}: {
  appeal: StaffAppeal;
  target?: SocialPreviewTarget;
}) {
  const { t } = useTranslation();
  const id = useId();
  const preview = useSocialPreview(appeal.id, appeal.version, target);
  const images = new Map(appeal.images.map((image) => [image.id, image]));

  return (
    <section className="preview reach-preview" aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`}>{t(`desk.reach.preview.heading.${target.event}`)}</h4>
      {preview.isPending ? (
        <PageLoading />
      ) : preview.isError ? (
        <Notice tone="error">
          <p>{deskErrorMessage(t, preview.error)}</p>
        </Notice>
      ) : preview.data.accounts.length === 0 ? (
        <p className="reach-empty">{t(`desk.reach.preview.noAccount.${target.event}`)}</p>
      ) : (
        <>
          <p className="field__hint">{t(`desk.reach.preview.intro.${target.event}`)}</p>
          {preview.data.accounts.map((account) => {
            const network = t(`desk.reach.network.${account.network}`);
            return (
              <section
                key={account.accountId}
                className="reach-preview__account"
                aria-label={`${network} ${account.handle}`}
              >
                <h5 className="preview__subheading">
                  {network} <span className="reach-account__handle">{account.handle}</span>
                </h5>
                {account.posts.length === 0 ? (
                  <p className="reach-empty">{t('desk.reach.preview.alreadyPosted')}</p>
                ) : (
                  <>
                    <ThreadPlace account={account} network={network} />
                    <div className="reach-preview__posts">
                      {account.posts.map((post) => (
                        <PostPreview
                          key={post.language}
                          post={post}
                          max={account.maxTextLength}
                          thumbnail={post.image ? images.get(post.image.imageId)?.thumb.jpeg : undefined}
                        />
                      ))}
                    </div>
                  </>
                )}
              </section>
            );
          })}
        </>
      )}
    </section>
  );
}

function PostPreview({ post, max, thumbnail }: { post: SocialPostPreview; max: number; thumbnail?: string }) {
  const { t } = useTranslation();
  return (
    <article className="reach-preview__post" aria-label={t(`desk.editor.lang.${post.language}`)}>
      <p className="reach-preview__meta">
        <strong>{t(`desk.editor.lang.${post.language}`)}</strong> ·{' '}
        {t('desk.reach.preview.length', { length: post.length, max })}
        {post.shortened && <> · {t('desk.reach.preview.shortened')}</>}
      </p>
      {post.problem && (
        <Notice tone="error" live={false}>
          {/* The composer refuses only a post whose title, link and tag alone are over the count. */}
          <p>{t('desk.reach.preview.tooLong', { length: post.length, max })}</p>
        </Notice>
      )}
      <p className="reach-post__text" lang={post.language}>
        {post.text}
      </p>
      {post.image ? (
        <div className="reach-preview__image">
          {/* The description is written beside it: the picture itself adds nothing to read out. */}
          {thumbnail && <img src={thumbnail} alt="" width={96} height={96} />}
          <p>
            <span className="reach-preview__label">{t('desk.reach.preview.alt')}</span>{' '}
            <span lang={post.language}>{post.image.altText || t('desk.reach.preview.noAlt')}</span>
          </p>
        </div>
      ) : (
        <p className="reach-empty">{t('desk.reach.preview.noImage')}</p>
      )}
    </article>
  );
}

/** Where the posts go: a new thread, or under the appeal's last post there; and what comes down first. */
function ThreadPlace({ account, network }: { account: SocialAccountPreview; network: string }) {
  const { t } = useTranslation();
  const parent = account.replyTo;
  const firstLine = parent?.text.split('\n')[0] ?? '';
  return (
    <div className="reach-preview__thread">
      {account.takesDown > 0 && (
        <Notice tone="info" live={false}>
          <p>{t('desk.reach.preview.takesDown', { count: account.takesDown, network })}</p>
        </Notice>
      )}
      {parent ? (
        <p>
          {t('desk.reach.preview.replyTo')} <q lang={parent.language}>{firstLine}</q>
          {parent.url ? (
            <>
              {' '}
              <a href={parent.url} target="_blank" rel="noopener noreferrer">
                {t('desk.reach.posts.see', { network })}{' '}
                <span className="visually-hidden">{t('desk.reach.archive.newTab')}</span>
              </a>
            </>
          ) : (
            <> ({t(`desk.reach.posts.state.${parent.state}`)})</>
          )}
        </p>
      ) : (
        <p>{t('desk.reach.preview.newThread')}</p>
      )}
    </div>
  );
}
