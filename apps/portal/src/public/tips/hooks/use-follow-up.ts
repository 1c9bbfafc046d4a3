import type { FollowUpSession, FollowUpView } from '@vigie/common';
import { useCallback, useMemo, useState } from 'react';
import { ApiError } from '../../../shared/api/api-error';
import { forgetPublicResources, setPublicResource, usePublicResource } from '../../api/public-resource';
import {
  clearFollowUpSession,
  loadFollowUpSession,
  saveFollowUpSession,
  type StoredFollowUp,
} from '../api/follow-up-session';
import { fetchFollowUp } from '../api/tips.api';
import type { FollowUpAccess } from './use-large-uploads';

export type FollowUpNotice = 'expired' | 'signedOut' | null;

const VIEW_KEY = 'follow-up:';

/**
 * The tipster's follow-up session: the token from sign-in (kept for this tab only), the tip as the API
 * shows it to them (refreshed every minute, for new questions), and the way out. An expired token brings
 * the sign-in form back, saying why.
 */
export function useFollowUp() {
  const [session, setSession] = useState<StoredFollowUp | null>(() => loadFollowUpSession());
  const [notice, setNotice] = useState<FollowUpNotice>(null);

  const end = useCallback((why: Exclude<FollowUpNotice, null>) => {
    clearFollowUpSession();
    forgetPublicResources(VIEW_KEY);
    setSession(null);
    setNotice(why);
  }, []);

  const token = session?.token;
  const viewKey = session ? `${VIEW_KEY}${session.code}` : null;
  const view = usePublicResource(
    token ? viewKey : null,
    async (signal) => {
      try {
        return await fetchFollowUp(token ?? '', signal);
      } catch (error) {
        if (ApiError.isApiError(error) && error.statusCode === 401) end('expired');
        throw error;
      }
    },
    { refreshMs: 60_000, refreshOnReturn: true },
  );

  const signedIn = useCallback((code: string, fresh: FollowUpSession) => {
    const stored = { ...fresh, code };
    saveFollowUpSession(stored);
    setSession(stored);
    setNotice(null);
  }, []);

  /** The API answers a reply or new files with the whole view: no need to ask again. */
  const update = useCallback(
    (next: FollowUpView) => {
      if (viewKey) setPublicResource(viewKey, next);
    },
    [viewKey],
  );

  const access = useMemo<FollowUpAccess | null>(
    () => (session ? { code: session.code, token: async () => session.token } : null),
    [session],
  );

  return {
    session,
    notice,
    view,
    access,
    signedIn,
    update,
    signOut: () => end('signedOut'),
    expire: () => end('expired'),
  };
}

export type FollowUp = ReturnType<typeof useFollowUp>;
