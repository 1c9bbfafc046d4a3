import { usePortalLanguage } from '../../shared/i18n/language';
import { fetchPublicAppeals, type AppealFilters } from '../api/public-appeals.api';
import { usePublicResource } from '../api/public-resource';

/** Published appeals in the interface language, narrowed by kind and words; each change fetches anew. */
export function usePublicAppeals(filters: AppealFilters = {}) {
  const lang = usePortalLanguage();
  const kind = filters.kind ?? '';
  const q = filters.q?.trim() ?? '';
  return usePublicResource(
    `public-appeals:${JSON.stringify([lang, kind, q])}`,
    (signal) => fetchPublicAppeals(lang, { kind: filters.kind, q }, signal),
    // Keep the current cards on screen while the next list loads (another language, another filter).
    { keepPrevious: true },
  );
}
