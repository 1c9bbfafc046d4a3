import type { PublicAgencyEntry } from '@vigie/common';
import { useCallback, useState, useSyncExternalStore } from 'react';
import { api } from '../../../shared/api/api-client';
import { usePublicResource, type PublicResource } from '../../api/public-resource';

export const fetchPublicAgencies = (signal?: AbortSignal) =>
  api.get<PublicAgencyEntry[]>('/api/public/agencies', { signal });

/**
 * Where the list of police services stands, when the tip's destination depends on it:
 * - `loading`: asked for (the first request, a retry, automatic or the tipster's);
 * - `offline`: asked for, and waiting for the connection to come back;
 * - `failed`: given up (a 4xx, a 5xx after the retries, or a platform with no service at all): only the
 *   tipster's `retry` asks again;
 * - `ready`: in hand, or not needed (the appeal's own service, a tip to an open appeal).
 */
export type AgencyListStatus = 'loading' | 'offline' | 'failed' | 'ready';

export interface TipAgency {
  /** The police service the tip goes to; undefined while the tipster has still to choose one. */
  slug: string | undefined;
  /** The services to choose from: more than one, and the tip answers no open appeal. */
  choices: PublicAgencyEntry[];
  choose: (slug: string) => void;
  status: AgencyListStatus;
  /** Asks for the list again (the "Try again" of a failed list). */
  retry: () => void;
}

// usePublicResource waits for the connection before asking again: the tipster in a tunnel is told so,
// rather than shown "loading" for as long as it lasts.
function subscribeToConnection(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

const isOffline = () => navigator.onLine === false;

function listStatus(agencies: PublicResource<PublicAgencyEntry[]>, offline: boolean): AgencyListStatus {
  // An error stays until an answer replaces it: while the tipster's retry is on its way, it is loading.
  if (agencies.isPending || (agencies.isError && agencies.isFetching)) return offline ? 'offline' : 'loading';
  // No service at all is a deployment not set up yet: as good as a failure, and worth asking again.
  if (agencies.isError || agencies.data.length === 0) return 'failed';
  return 'ready';
}

/**
 * Where a tip goes when it answers no appeal (or its appeal closed). The appeal's own service when
 * known; else the deployment's only service; else the tipster chooses (a regional platform serves
 * several), and nothing is sent until they have: a tip must not reach the wrong police service.
 */
export function useTipAgency(needed: boolean, appealAgency: string | undefined): TipAgency {
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const asked = needed && !appealAgency;
  const agencies = usePublicResource(asked ? 'public-agencies' : null, fetchPublicAgencies, {
    staleMs: 5 * 60_000,
  });
  const offline = useSyncExternalStore(subscribeToConnection, isOffline, () => false);
  const { refetch } = agencies;
  const retry = useCallback(() => void refetch(), [refetch]);

  if (appealAgency) return { slug: appealAgency, choices: [], choose: setChosen, status: 'ready', retry };
  if (!asked) return { slug: undefined, choices: [], choose: setChosen, status: 'ready', retry };
  const list = agencies.data ?? [];
  if (list.length === 1)
    return { slug: list[0].slug, choices: [], choose: setChosen, status: 'ready', retry };
  const status = listStatus(agencies, offline);
  return {
    slug: list.some((a) => a.slug === chosen) ? chosen : undefined,
    choices: status === 'ready' ? list : [],
    choose: setChosen,
    status,
    retry,
  };
}
