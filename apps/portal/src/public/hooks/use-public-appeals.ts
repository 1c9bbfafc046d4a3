import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { usePortalLanguage } from '../../shared/i18n/language';
import { fetchPublicAppeals } from '../api/public-appeals.api';

/** Published appeals in the interface language; switching language fetches the other version. */
export function usePublicAppeals() {
  const lang = usePortalLanguage();
  return useQuery({
    queryKey: ['public-appeals', lang],
    queryFn: ({ signal }) => fetchPublicAppeals(lang, signal),
    // Cards carry both languages; keep them on screen while the other language's list loads.
    placeholderData: keepPreviousData,
  });
}
