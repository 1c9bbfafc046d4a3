import type { SocialAccountView } from '@vigie/common';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/api-error';
import { Notice } from '../../../shared/components/notice';
import { AdminDialog } from '../../admin/components/admin-dialog';
import { deskErrorMessage } from '../../i18n/desk-error-message';
import { useDisconnectAccount } from '../hooks/use-social-accounts';

/**
 * "Disconnect @handle?": what stops and what stays, before the API erases the saved secret. Focus
 * starts on Cancel, so a stray Enter disconnects nothing. When posts of the account are still up
 * (409), Vigie could no longer take them down: they are listed with their links, and the admin may
 * disconnect anyway, leaving them up, as a second, explicit choice.
 */
export function DisconnectDialog({
  account,
  onClose,
  onDone,
  returnFocus,
}: {
  account: SocialAccountView;
  onClose: () => void;
  onDone: (message: string) => void;
  returnFocus: HTMLElement | null;
}) {
  const { t } = useTranslation();
  const disconnect = useDisconnectAccount();
  const network = t(`desk.reach.network.${account.network}`);
  const names = { network, handle: account.handle };
  const livePosts = livePostsOf(disconnect.error);
  const run = (leaveLivePosts: boolean) =>
    disconnect.mutate(
      { account, leaveLivePosts },
      {
        onSuccess: () => {
          onDone(t('desk.reach.disconnect.done', names));
          onClose();
        },
      },
    );
  return (
    <AdminDialog
      title={t('desk.reach.disconnect.title', names)}
      onClose={onClose}
      cautious
      // The account's card leaves with it: focus goes to the page's heading instead.
      returnFocus={returnFocus}
      actions={
        livePosts ? (
          <button
            type="button"
            className="button button--danger"
            disabled={disconnect.isPending}
            onClick={() => run(true)}
          >
            {t('desk.reach.disconnect.leaveUp', { count: livePosts.length })}
          </button>
        ) : (
          <button
            type="button"
            className="button button--danger"
            disabled={disconnect.isPending}
            onClick={() => run(false)}
          >
            {t('desk.reach.disconnect.confirm', names)}
          </button>
        )
      }
    >
      <p>{t('desk.reach.disconnect.body', names)}</p>
      {livePosts ? (
        <Notice tone="error">
          <p>{t('desk.reach.disconnect.livePosts', { count: livePosts.length, network })}</p>
          <ul>
            {livePosts.map((post) => (
              <li key={post.id}>
                {post.url ? (
                  <a href={post.url} target="_blank" rel="noopener noreferrer">
                    {post.url}
                  </a>
                ) : (
                  t('desk.reach.disconnect.noLink')
                )}
              </li>
            ))}
          </ul>
        </Notice>
      ) : disconnect.error ? (
        <Notice tone="error">
          <p>{deskErrorMessage(t, disconnect.error)}</p>
        </Notice>
      ) : null}
    </AdminDialog>
  );
}

/** The posts still up that the API listed with its refusal (409 SOCIAL_ACCOUNT_HAS_LIVE_POSTS). */
function livePostsOf(error: unknown): { id: string; url: string | null }[] | null {
  if (!ApiError.isApiError(error) || error.code !== 'SOCIAL_ACCOUNT_HAS_LIVE_POSTS') return null;
  const posts = error.details.livePosts;
  if (!Array.isArray(posts)) return null;
  return posts.flatMap((p: unknown) =>
    typeof p === 'object' && p !== null && typeof (p as { id?: unknown }).id === 'string'
      ? [
          {
            id: (p as { id: string }).id,
            url:
              typeof (p as { url?: unknown }).url === 'string' &&
              /^https?:\/\//i.test((p as { url: string }).url)
                ? (p as { url: string }).url
                : null,
          },
        ]
      : [],
  );
}
