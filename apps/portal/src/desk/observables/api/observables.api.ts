import type { ObservableKind, ObservableMentions, TipObservableView } from '@vigie/common';
import { api } from '../../../shared/api/api-client';
import { TIPS_KEY } from '../../tips/api/tips.api';

/** Under TIPS_KEY: a triage change that refreshes the tips refreshes their chips and mentions too. */
export const tipObservablesKey = (tipId: string) => [...TIPS_KEY, 'observables', tipId] as const;
export const mentionsKey = (kind: ObservableKind, value: string) =>
  [...TIPS_KEY, 'mentions', kind, value] as const;

const path = (tipId: string, rest = '') => `/api/tips/${encodeURIComponent(tipId)}/observables${rest}`;

export const fetchTipObservables = (tipId: string, signal?: AbortSignal) =>
  api.get<TipObservableView[]>(path(tipId), { signal });

export const addObservable = (tipId: string, input: { kind: ObservableKind; value: string }) =>
  api.post<TipObservableView[]>(path(tipId), input);

export const correctObservable = (
  tipId: string,
  observableId: string,
  input: { kind: ObservableKind; value: string },
) => api.patch<TipObservableView[]>(path(tipId, `/${encodeURIComponent(observableId)}`), input);

export const removeObservable = (tipId: string, observableId: string) =>
  api.delete<TipObservableView[]>(path(tipId, `/${encodeURIComponent(observableId)}`));

export function fetchMentions(kind: ObservableKind, value: string, signal?: AbortSignal) {
  const query = new URLSearchParams({ kind, value });
  return api.get<ObservableMentions>(`/api/observables/mentions?${query.toString()}`, { signal });
}

/** The desk page listing everything that mentions a value. */
export const mentionsPath = (kind: ObservableKind, value: string) =>
  `/desk/observables/${kind.toLowerCase()}/${encodeURIComponent(value)}`;
