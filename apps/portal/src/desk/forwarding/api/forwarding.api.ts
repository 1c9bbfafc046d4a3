import type { ForwardMode, ForwardRecord, ForwardTarget } from '@vigie/common';
import { api } from '../../../shared/api/api-client';

/** Under the tips' key: forwarding moves tips, so a tips refresh refreshes these too. */
export const FORWARDS_KEY = ['desk', 'tips', 'forwards'] as const;
export const forwardTargetsKey = [...FORWARDS_KEY, 'targets'] as const;
export const sentForwardsKey = [...FORWARDS_KEY, 'sent'] as const;
export const forwardRecordKey = (id: string) => [...FORWARDS_KEY, 'one', id] as const;

export interface ForwardRequest {
  agency: string;
  mode: ForwardMode;
  note: string;
}

export const fetchForwardTargets = (signal?: AbortSignal) =>
  api.get<ForwardTarget[]>('/api/forwards/agencies', { signal });

export const forwardTip = (tipId: string, request: ForwardRequest) =>
  api.post<ForwardRecord>(`/api/tips/${encodeURIComponent(tipId)}/forward`, request);

export const revokeForward = (tipId: string, forwardId: string) =>
  api.delete<ForwardRecord>(
    `/api/tips/${encodeURIComponent(tipId)}/forward/${encodeURIComponent(forwardId)}`,
  );

export const fetchSentForwards = (signal?: AbortSignal) =>
  api.get<Omit<ForwardRecord, 'notes'>[]>('/api/forwards?limit=100', { signal });

export const fetchForwardRecord = (id: string, signal?: AbortSignal) =>
  api.get<ForwardRecord>(`/api/forwards/${encodeURIComponent(id)}`, { signal });
