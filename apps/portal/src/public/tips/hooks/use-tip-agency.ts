import type { PublicAgencyEntry } from '@vigie/common';
import { useState } from 'react';
import { api } from '../../../shared/api/api-client';
import { usePublicResource } from '../../api/public-resource';

export const fetchPublicAgencies = (signal?: AbortSignal) =>
  api.get<PublicAgencyEntry[]>('/api/public/agencies', { signal });

export interface TipAgency {
  /** The police service the tip goes to; undefined while the tipster has still to choose one. */
  slug: string | undefined;
  /** The services to choose from: more than one, and the tip answers no open appeal. */
  choices: PublicAgencyEntry[];
  choose: (slug: string) => void;
}

/**
 * Where a tip goes when it answers no appeal (or its appeal closed). The appeal's own service when
 * known; else the deployment's only service; else the tipster chooses (a regional platform serves
 * several), and nothing is sent until they have: a tip must not reach the wrong police service.
 */
export function useTipAgency(needed: boolean, appealAgency: string | undefined): TipAgency {
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const agencies = usePublicResource(
    needed && !appealAgency ? 'public-agencies' : null,
    fetchPublicAgencies,
    {
      staleMs: 5 * 60_000,
    },
  );
  const list = agencies.data ?? [];
  if (appealAgency) return { slug: appealAgency, choices: [], choose: setChosen };
  if (list.length === 1) return { slug: list[0].slug, choices: [], choose: setChosen };
  return {
    slug: list.some((a) => a.slug === chosen) ? chosen : undefined,
    choices: needed ? list : [],
    choose: setChosen,
  };
}
