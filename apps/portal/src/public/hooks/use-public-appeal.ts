import { useQuery } from '@tanstack/react-query';
import { fetchPublicAppeal } from '../api/public-appeals.api';

/** One appeal; it carries both languages, so switching language does not fetch it again. */
export function usePublicAppeal(slug: string) {
  return useQuery({
    queryKey: ['public-appeal', slug],
    queryFn: ({ signal }) => fetchPublicAppeal(slug, signal),
    // An appeal changes (updates, resolution); a minute-old copy is fine, the API's cache is as fresh.
    staleTime: 60_000,
  });
}
