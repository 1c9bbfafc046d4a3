import { earlyAppealData, takeEarlyAppeal } from '../api/early-appeal';
import { fetchPublicAppeal } from '../api/public-appeals.api';
import { usePublicResource } from '../api/public-resource';

/**
 * One appeal (taking the request main.tsx started early for a shared link); it carries both languages, so switching language does not fetch it again. With no slug
 * (a tip form opened without an appeal), nothing is fetched.
 */
export function usePublicAppeal(slug: string | undefined) {
  return usePublicResource(
    slug ? `public-appeal:${slug}` : null,
    (signal) => takeEarlyAppeal(slug) ?? fetchPublicAppeal(slug ?? '', signal),
    {
      initialData: () => earlyAppealData(slug),
      // An appeal changes (updates, resolution); a minute-old copy is fine, the API's cache is as fresh.
      staleMs: 60_000,
    },
  );
}
