import type { SocialAccountView } from '@vigie/common';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../../shared/components/notice';
import { PageLoading } from '../../../shared/components/page-loading';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { useStaffProfile } from '../../hooks/use-staff-profile';
import { deskErrorMessage } from '../../i18n/desk-error-message';
import { useDeskPermissions } from '../../permissions';
import { NETWORK_ORDER } from '../api/network-forms';
import { useSocialAccounts } from '../hooks/use-social-accounts';
import { ConnectAccountForm } from './connect-account-form';
import { ConnectedAccounts } from './connected-accounts';
import { DisconnectDialog } from './disconnect-dialog';
import { FediverseConnect } from './fediverse-connect';
import './reach.css';

/**
 * `/desk/reach/accounts`: the agency's official accounts. An administrator connects and disconnects
 * them; supervisors and PIOs see which are connected and whether they work.
 */
export function SocialAccountsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('desk.reach.accounts.heading'));
  const can = useDeskPermissions();
  const agency = useStaffProfile().data?.agency;
  const accounts = useSocialAccounts();
  const [announcement, setAnnouncement] = useState('');
  const [leaving, setLeaving] = useState<SocialAccountView | null>(null);
  // Kept in state (a callback ref), as the dialog is handed it to give the focus back to.
  const [announceEl, setAnnounceEl] = useState<HTMLDivElement | null>(null);
  // A connected account's form and a disconnected account's card leave the page with the focus they
  // held: the result takes it.
  useEffect(() => {
    if (announcement) announceEl?.focus();
  }, [announcement, announceEl]);

  const connected = (account: SocialAccountView) =>
    setAnnouncement(
      t('desk.reach.accounts.connected', {
        network: t(`desk.reach.network.${account.network}`),
        handle: account.handle,
      }),
    );

  return (
    <section
      className="container container--wide page-section desk-page reach-page"
      aria-labelledby="reach-accounts-heading"
    >
      <div className="desk-page__head">
        <h2 id="reach-accounts-heading">{t('desk.reach.accounts.heading')}</h2>
      </div>
      <p className="reach-page__intro">
        {t('desk.reach.accounts.intro')} {!can.connectSocialAccounts && t('desk.reach.accounts.adminOnly')}
      </p>
      <div ref={setAnnounceEl} tabIndex={-1} role="status" className="focus-target reach-page__announcement">
        {announcement && <p className="notice notice--success">{announcement}</p>}
      </div>
      {accounts.isPending ? (
        <PageLoading />
      ) : accounts.isError ? (
        <Notice tone="error">
          <p>{deskErrorMessage(t, accounts.error)}</p>
        </Notice>
      ) : (
        <>
          <h3 className="reach-page__section">{t('desk.reach.accounts.connectedHeading')}</h3>
          {accounts.data.accounts.length === 0 ? (
            <p className="reach-empty">{t('desk.reach.accounts.none')}</p>
          ) : (
            <ConnectedAccounts
              accounts={accounts.data.accounts}
              onDisconnect={
                can.connectSocialAccounts
                  ? (account) => {
                      setAnnouncement('');
                      setLeaving(account);
                    }
                  : undefined
              }
            />
          )}
          {can.connectSocialAccounts && (
            <ConnectSection
              available={accounts.data.networks}
              taken={accounts.data.accounts.map((account) => account.network)}
              slug={agency?.slug ?? ''}
              onConnected={connected}
            />
          )}
        </>
      )}
      {leaving && (
        <DisconnectDialog
          key={leaving.id}
          account={leaving}
          onClose={() => setLeaving(null)}
          onDone={setAnnouncement}
          returnFocus={announceEl}
        />
      )}
    </section>
  );
}

/** A form for each network this installation can post to and the agency has not connected yet. */
function ConnectSection({
  available,
  taken,
  slug,
  onConnected,
}: {
  available: SocialAccountView['network'][];
  taken: SocialAccountView['network'][];
  slug: string;
  onConnected: (account: SocialAccountView) => void;
}) {
  const { t } = useTranslation();
  const open = NETWORK_ORDER.filter((network) => available.includes(network) && !taken.includes(network));
  return (
    <>
      <h3 className="reach-page__section">{t('desk.reach.connect.heading')}</h3>
      {open.length === 0 ? (
        <p className="reach-empty">{t('desk.reach.connect.allConnected')}</p>
      ) : (
        <>
          <p className="reach-page__intro">{t('desk.reach.connect.intro')}</p>
          <div className="reach-connect-grid">
            {open.map((network) =>
              network === 'MASTODON' ? (
                <FediverseConnect
                  key={network}
                  host={window.location.host}
                  slug={slug}
                  onConnected={onConnected}
                />
              ) : (
                <ConnectAccountForm key={network} network={network} onConnected={onConnected} />
              ),
            )}
          </div>
        </>
      )}
    </>
  );
}
