import type { SocialPostView } from '@vigie/common';
import { useTranslation } from 'react-i18next';

/**
 * What a post said and what the network answered, folded away under a post in the appeal's posts
 * and on "Posts to check"; `which` names the post for a screen reader (network, language, kind).
 */
export function PostText({ post, which }: { post: SocialPostView; which: string }) {
  const { t } = useTranslation();
  return (
    <details>
      <summary>
        {t('desk.reach.posts.text')} <span className="visually-hidden">({which})</span>
      </summary>
      <p className="reach-post__text" lang={post.language}>
        {post.text}
      </p>
    </details>
  );
}

/** The network's answer as it was given, for the record and for whoever asks the network. */
export function RawAnswer({ answer, which }: { answer: string; which: string }) {
  const { t } = useTranslation();
  return (
    <details>
      <summary>
        {t('desk.reach.attention.rawAnswer')} <span className="visually-hidden">({which})</span>
      </summary>
      <p className="reach-break">
        <code>{answer}</code>
      </p>
    </details>
  );
}
