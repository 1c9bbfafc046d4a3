import { useQuery } from '@tanstack/react-query';
import { earlyAppealData, startEarlyAppealFetch, takeEarlyAppeal } from '../api/early-appeal';
import { fetchPublicAppeal } from '../api/public-appeals.api';

// Evaluated with the main bundle, before React's first render (see early-appeal.ts).
startEarlyAppealFetch();

/**
 * One appeal; it carries both languages, so switching language does not fetch it again. With no slug
 * (a tip form opened without an appeal), nothing is fetched.
 */
export function usePublicAppeal(slug: string | undefined) {
  return useQuery({
    queryKey: ['public-appeal', slug],
    queryFn: ({ signal }) => takeEarlyAppeal(slug) ?? fetchPublicAppeal(slug ?? '', signal),
    initialData: () => earlyAppealData(slug),
    enabled: Boolean(slug),
    // An appeal changes (updates, resolution); a minute-old copy is fine, the API's cache is as fresh.
    staleTime: 60_000,
  });
}
