import type { CaseView, StaffRef } from '@vigie/common';
import { api } from '../../../shared/api/api-client';

export const CASES_KEY = ['desk', 'cases'] as const;
export const caseKey = (id: string) => [...CASES_KEY, 'one', id] as const;

export type CaseListItem = Omit<CaseView, 'tips' | 'appeals'>;

const path = (id: string, action = '') => `/api/cases/${encodeURIComponent(id)}${action}`;

export const fetchCaseList = (signal?: AbortSignal) => api.get<CaseListItem[]>('/api/cases', { signal });
export const fetchCase = (id: string, signal?: AbortSignal) => api.get<CaseView>(path(id), { signal });
export const createCase = (title: string) => api.post<CaseView>('/api/cases', { title });
export const updateCase = (
  id: string,
  body: { version: number; status?: 'OPEN' | 'CLOSED'; title?: string; leadId?: string | null },
) => api.patch<CaseView>(path(id), body);

/** Who may lead a case: the agency's active investigators and supervisors (those a tip may go to). */
export const CASE_LEADS_KEY = ['desk', 'case-leads'] as const;
export const fetchCaseLeads = (signal?: AbortSignal) =>
  api.get<StaffRef[]>('/api/tips/assignees', { signal });
export const unlinkTip = (id: string, tipId: string) =>
  api.delete<CaseView | undefined>(path(id, `/tips/${encodeURIComponent(tipId)}`));

/** The case's tips that carry coordinates: what the map and the list beside it show. */
export interface CasePlace {
  tipId: string;
  code: string;
  latitude: number;
  longitude: number;
  when: string;
}

export function placesOf(view: CaseView): CasePlace[] {
  return view.tips.flatMap((tip) =>
    typeof tip.latitude === 'number' && typeof tip.longitude === 'number'
      ? [
          {
            tipId: tip.id,
            code: tip.code,
            latitude: tip.latitude,
            longitude: tip.longitude,
            when: tip.occurredFrom ?? tip.receivedAt,
          },
        ]
      : [],
  );
}
