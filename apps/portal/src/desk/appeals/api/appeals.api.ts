import type {
  AppealOutcome,
  AppealPreview,
  AppealStatus,
  AppealUpdateKind,
  CreateAppealDto,
  EditAppealDto,
  LocalizedText,
  StaffAppeal,
} from '@vigie/common';
import { api } from '../../../shared/api/api-client';

/** React Query keys: every appeal read by the desk sits under APPEALS_KEY, so one invalidation refreshes all. */
export const APPEALS_KEY = ['desk', 'appeals'] as const;
export const appealListKey = (status?: AppealStatus) => [...APPEALS_KEY, 'list', status ?? 'all'] as const;
export const appealKey = (id: string) => [...APPEALS_KEY, 'one', id] as const;
export const REVIEW_QUEUE_KEY = [...APPEALS_KEY, 'review-queue'] as const;

const path = (id: string, action = '') => `/api/appeals/${encodeURIComponent(id)}${action}`;

export function fetchAppeals(status?: AppealStatus, signal?: AbortSignal): Promise<StaffAppeal[]> {
  return api.get<StaffAppeal[]>(status ? `/api/appeals?status=${status}` : '/api/appeals', { signal });
}

export function fetchAppeal(id: string, signal?: AbortSignal): Promise<StaffAppeal> {
  return api.get<StaffAppeal>(path(id), { signal });
}

export function fetchReviewQueue(signal?: AbortSignal): Promise<StaffAppeal[]> {
  return api.get<StaffAppeal[]>('/api/appeals/review-queue', { signal });
}

/** What approving the revision in review would publish (page, feed entry, CAP, card), made by the API. */
export function fetchAppealPreview(id: string, signal?: AbortSignal): Promise<AppealPreview> {
  return api.get<AppealPreview>(path(id, '/preview'), { signal });
}

export const createAppeal = (dto: CreateAppealDto) => api.post<StaffAppeal>('/api/appeals', dto);
export const editAppeal = (id: string, dto: EditAppealDto) => api.patch<StaffAppeal>(path(id), dto);
export const submitAppeal = (id: string) => api.post<StaffAppeal>(path(id, '/submit'));
export const approveAppeal = (id: string) => api.post<StaffAppeal>(path(id, '/approve'));
export const rejectAppeal = (id: string, reason: string) =>
  api.post<StaffAppeal>(path(id, '/reject'), { reason });
export const archiveAppeal = (id: string) => api.post<StaffAppeal>(path(id, '/archive'));
export const resolveAppeal = (id: string, body: { outcome: AppealOutcome; note?: LocalizedText }) =>
  api.post<StaffAppeal>(path(id, '/resolve'), body);
export const postAppealUpdate = (id: string, body: { kind: AppealUpdateKind; text: LocalizedText }) =>
  api.post<StaffAppeal>(path(id, '/updates'), body);
export const approveAppealUpdate = (id: string, updateId: string) =>
  api.post<StaffAppeal>(path(id, `/updates/${encodeURIComponent(updateId)}/approve`));
export const rejectAppealUpdate = (id: string, updateId: string, reason: string) =>
  api.post<StaffAppeal>(path(id, `/updates/${encodeURIComponent(updateId)}/reject`), { reason });
