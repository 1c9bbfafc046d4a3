import type { SocialAccountView } from '@vigie/common';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/i18n/format';
import { usePortalLanguage } from '../../../shared/i18n/language';

/** The connected accounts, one card each: where, who, whether the last use worked, and (admin) Disconnect. */
export function ConnectedAccounts({
  accounts,
  onDisconnect,
}: {
  accounts: SocialAccountView[];
  /** Absent for those who only see the status. */
  onDisconnect?: (account: SocialAccountView, opener: HTMLElement) => void;
}) {
  const { t } = useTranslation();
  const lang = usePortalLanguage();
  return (
    <ul className="reach-accounts" aria-label={t('desk.reach.accounts.listLabel')}>
      {accounts.map((account) => {
        const network = t(`desk.reach.network.${account.network}`);
        const failing = account.status === 'FAILING';
        return (
          <li key={account.id} className="reach-account">
            <h4 className="reach-account__title">
              {network} <span className="reach-account__handle">{account.handle}</span>
            </h4>
            <p>
              <span className={failing ? 'state-badge reach-badge--failing' : 'state-badge reach-badge--ok'}>
                {t(`desk.reach.accounts.status.${account.status}`)}
              </span>
            </p>
            {failing && account.lastError && (
              <p className="reach-account__error">
                {t('desk.reach.accounts.lastError', { error: account.lastError })}
              </p>
            )}
            <dl className="reach-account__facts">
              <div>
                <dt>{t('desk.reach.accounts.server')}</dt>
                <dd className="reach-break">{account.serviceUrl}</dd>
              </div>
              <div>
                <dt>{t('desk.reach.accounts.lastRead')}</dt>
                <dd>
                  {account.lastReadAt
                    ? formatDate(account.lastReadAt, lang, true)
                    : t('desk.reach.accounts.neverRead')}
                </dd>
              </div>
              <div>
                <dt>{t('desk.reach.accounts.connectedAt')}</dt>
                <dd>{formatDate(account.connectedAt, lang, true)}</dd>
              </div>
            </dl>
            {onDisconnect && (
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={(event) => onDisconnect(account, event.currentTarget)}
              >
                {t('desk.reach.accounts.disconnect')}{' '}
                <span className="visually-hidden">
                  {t('desk.reach.accounts.disconnectWhich', { network, handle: account.handle })}
                </span>
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
