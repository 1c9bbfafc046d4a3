import type { SavedView } from '@vigie/common';
import { api } from '../../../shared/api/api-client';

/** The signed-in investigator's own saved inbox views (nobody else's are ever listed). */
export const SAVED_VIEWS_KEY = ['desk', 'saved-views'] as const;

const path = (id = '') => `/api/tips/views${id ? `/${encodeURIComponent(id)}` : ''}`;

export const fetchSavedViews = (signal?: AbortSignal) => api.get<SavedView[]>(path(), { signal });
export const createSavedView = (input: { name: string; filters: Record<string, string> }) =>
  api.post<SavedView>(path(), input);
export const renameSavedView = (input: { id: string; name: string }) =>
  api.patch<SavedView>(path(input.id), { name: input.name });
export const deleteSavedView = (id: string) => api.delete<void>(path(id));
