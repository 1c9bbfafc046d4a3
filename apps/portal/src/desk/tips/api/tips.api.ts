import type {
  BulkUpdateResult,
  CaseSummary,
  CaseView,
  DuplicateDecisionResult,
  DuplicatesView,
  InboxPage,
  MergeResult,
  RejectionResult,
  StaffRef,
  TipChannel,
  TipDetail,
  TipPriority,
  TipStatus,
  UnmergeResult,
} from '@vigie/common';
import { api } from '../../../shared/api/api-client';

/** React Query keys: everything the desk reads about tips sits under TIPS_KEY, so one invalidation refreshes all. */
export const TIPS_KEY = ['desk', 'tips'] as const;
export const inboxKey = (filters: InboxFilters) => [...TIPS_KEY, 'inbox', filters] as const;
export const tipKey = (id: string) => [...TIPS_KEY, 'one', id] as const;
export const duplicatesKey = (id: string) => [...TIPS_KEY, 'duplicates', id] as const;

/** The inbox's filters, as the URL keeps them. */
export interface InboxFilters {
  status?: TipStatus;
  priority?: TipPriority;
  channel?: TipChannel;
  assignee?: 'me' | 'unassigned';
  hasMedia?: boolean;
  hasLocation?: boolean;
  tag?: string;
  q?: string;
}

const path = (id: string, action = '') => `/api/tips/${encodeURIComponent(id)}${action}`;

/** The filters as `GET /api/tips` (and a saved view) takes them: strings, the unset ones left out. */
export function filterParams(filters: InboxFilters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== '' && value !== false) out[key] = String(value);
  }
  return out;
}

export function fetchInboxPage(filters: InboxFilters, cursor: string | null, signal?: AbortSignal) {
  const query = new URLSearchParams(filterParams(filters));
  if (cursor) query.set('cursor', cursor);
  query.set('limit', '50');
  return api.get<InboxPage>(`/api/tips?${query.toString()}`, { signal });
}

export const fetchTip = (id: string, signal?: AbortSignal) => api.get<TipDetail>(path(id), { signal });

export interface TipChange {
  version: number;
  status?: TipStatus;
  priority?: TipPriority;
  assigneeId?: string | null;
  tags?: string[];
}

export const updateTip = (id: string, change: TipChange) => api.patch<TipDetail>(path(id), change);
export const addTipNote = (id: string, body: string) => api.post<TipDetail>(path(id, '/notes'), { body });
export const messageTipster = (id: string, body: string) =>
  api.post<TipDetail>(path(id, '/messages'), { body });
export const revealContact = (id: string) =>
  api.post<Record<string, string | undefined>>(path(id, '/contact'));

export interface BulkChange {
  ids: string[];
  status?: TipStatus;
  assigneeId?: string | null;
  addTags?: string[];
  force?: boolean;
}

export const bulkUpdateTips = (change: BulkChange) => api.post<BulkUpdateResult>('/api/tips/bulk', change);

export const fetchAssignees = (signal?: AbortSignal) =>
  api.get<StaffRef[]>('/api/tips/assignees', { signal });

export const fetchDuplicates = (id: string, signal?: AbortSignal) =>
  api.get<DuplicatesView>(path(id, '/duplicates'), { signal });
export const mergeDuplicates = (id: string, duplicateIds: string[]) =>
  api.post<MergeResult>(path(id, '/merge'), { duplicateIds, mergeClusters: true });
export const markNotDuplicate = (id: string, otherId: string) =>
  api.post<RejectionResult>(path(id, '/not-duplicate'), { otherId });

export const fetchCases = (signal?: AbortSignal) => api.get<CaseSummary[]>('/api/cases', { signal });
export const createCase = (title: string) => api.post<CaseView>('/api/cases', { title });
export const linkTipToCase = (caseId: string, tipId: string) => linkTipsToCase(caseId, [tipId]);
export const linkTipsToCase = (caseId: string, tipIds: string[]) =>
  api.post<CaseView>(`/api/cases/${encodeURIComponent(caseId)}/tips`, { tipIds });

export interface DuplicateDecisionRequest {
  decision: 'MERGE' | 'NOT_DUPLICATE';
  target?: { id: string; version: number };
  tips: { id: string; version: number }[];
  mergeClusters?: boolean;
}

/** Many likely duplicates decided at once (a whole group): all or nothing, tip by tip results. */
export const decideDuplicates = (request: DuplicateDecisionRequest) =>
  api.post<DuplicateDecisionResult>('/api/tips/duplicates/decisions', request);
export const unmergeTip = (id: string) => api.post<UnmergeResult>(path(id, '/unmerge'));
