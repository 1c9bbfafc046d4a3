import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SocialAccountsView, SocialAccountView } from '@vigie/common';
import {
  connectSocialAccount,
  disconnectSocialAccount,
  enableFediverseActor,
  fetchSocialAccounts,
  SOCIAL_ACCOUNTS_KEY,
} from '../api/reach.api';

/** The agency's connected accounts and the networks this installation can connect. */
export function useSocialAccounts() {
  return useQuery({
    queryKey: SOCIAL_ACCOUNTS_KEY,
    queryFn: ({ signal }) => fetchSocialAccounts(signal),
    staleTime: 10_000,
  });
}

/** Puts an account the API answered with into the cached list, or takes one out. */
function useAccountsCache() {
  const queryClient = useQueryClient();
  const change = (edit: (accounts: SocialAccountView[]) => SocialAccountView[]) =>
    queryClient.setQueryData<SocialAccountsView>(SOCIAL_ACCOUNTS_KEY, (view) =>
      view ? { ...view, accounts: edit(view.accounts) } : view,
    );
  return {
    add: (account: SocialAccountView) =>
      change((accounts) => [...accounts.filter((one) => one.id !== account.id), account]),
    remove: (id: string) => change((accounts) => accounts.filter((one) => one.id !== id)),
    refresh: () => void queryClient.invalidateQueries({ queryKey: SOCIAL_ACCOUNTS_KEY }),
  };
}

export function useRememberAccount() {
  return useAccountsCache().add;
}

export function useDisconnectAccount() {
  const cache = useAccountsCache();
  return useMutation({
    mutationFn: ({ account, leaveLivePosts }: { account: SocialAccountView; leaveLivePosts?: boolean }) =>
      disconnectSocialAccount(account.id, leaveLivePosts),
    onSuccess: (_, { account }) => cache.remove(account.id),
    // Already gone (another admin): the list is out of date either way.
    onError: cache.refresh,
  });
}

/**
 * The fediverse in one act: Vigie creates the agency's ActivityPub actor (or renews its token), then
 * connects it with the credentials it answered, which are used once and never shown.
 */
export function useConnectFediverse() {
  const cache = useAccountsCache();
  return useMutation({
    mutationFn: async () => {
      const actor = await enableFediverseActor();
      return connectSocialAccount({
        network: 'MASTODON',
        serviceUrl: actor.serviceUrl,
        handle: actor.handle,
        accountId: actor.accountId,
        secret: actor.secret,
      });
    },
    onSuccess: cache.add,
  });
}
