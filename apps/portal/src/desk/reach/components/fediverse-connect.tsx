import type { SocialAccountView } from '@vigie/common';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiError } from '../../../shared/api/api-error';
import { Notice } from '../../../shared/components/notice';
import { deskErrorMessage } from '../../i18n/desk-error-message';
import { useConnectFediverse } from '../hooks/use-social-accounts';

/** A refused address here is this site's own (PUBLIC_URL): only whoever runs Vigie can change it. */
function fediverseError(t: TFunction, error: unknown): string {
  if (ApiError.isApiError(error) && error.errors?.serviceUrl) return t('desk.reach.fediverse.addressRefused');
  return deskErrorMessage(t, error);
}

/**
 * The fediverse needs no password: Vigie itself publishes the agency as an ActivityPub account that
 * people follow from Mastodon. One button creates it (or renews its token) and connects it.
 */
export function FediverseConnect({
  host,
  slug,
  onConnected,
}: {
  host: string;
  slug: string;
  onConnected: (account: SocialAccountView) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const connect = useConnectFediverse();
  const errorRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (connect.error) errorRef.current?.focus();
  }, [connect.error]);
  const handle = `@${slug.toLowerCase().replace(/-/g, '_')}@${host}`;

  return (
    <section className="reach-connect" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} className="reach-connect__title">
        {t('desk.reach.network.MASTODON')}
      </h4>
      <p className="field__hint">{t('desk.reach.fediverse.intro', { handle })}</p>
      <div ref={errorRef} tabIndex={-1} className="focus-target">
        {connect.error && <Notice tone="error">{fediverseError(t, connect.error)}</Notice>}
      </div>
      <button
        type="button"
        className="button button--primary"
        disabled={connect.isPending}
        onClick={() => connect.mutate(undefined, { onSuccess: onConnected })}
      >
        {connect.isPending ? t('desk.reach.fediverse.creating') : t('desk.reach.fediverse.submit')}
      </button>
    </section>
  );
}
