import type { SocialAccountView } from '@vigie/common';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../../shared/components/notice';
import { AdminDialog } from '../../admin/components/admin-dialog';
import { deskErrorMessage } from '../../i18n/desk-error-message';
import { useDisconnectAccount } from '../hooks/use-social-accounts';

/**
 * "Disconnect @handle?": what stops and what stays, before the API erases the saved secret. Focus
 * starts on Cancel, so a stray Enter disconnects nothing.
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
  return (
    <AdminDialog
      title={t('desk.reach.disconnect.title', names)}
      onClose={onClose}
      cautious
      // The account's card leaves with it: focus goes to the page's heading instead.
      returnFocus={returnFocus}
      actions={
        <button
          type="button"
          className="button button--danger"
          disabled={disconnect.isPending}
          onClick={() =>
            disconnect.mutate(account, {
              onSuccess: () => {
                onDone(t('desk.reach.disconnect.done', names));
                onClose();
              },
            })
          }
        >
          {t('desk.reach.disconnect.confirm', names)}
        </button>
      }
    >
      <p>{t('desk.reach.disconnect.body', names)}</p>
      {disconnect.error ? (
        <Notice tone="error">
          <p>{deskErrorMessage(t, disconnect.error)}</p>
        </Notice>
      ) : null}
    </AdminDialog>
  );
}
