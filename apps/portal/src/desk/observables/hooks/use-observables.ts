import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ObservableKind } from '@vigie/common';
import { TIPS_KEY } from '../../tips/api/tips.api';
import {
  addObservable,
  correctObservable,
  fetchMentions,
  fetchTipObservables,
  mentionsKey,
  removeObservable,
  tipObservablesKey,
} from '../api/observables.api';

/** A tip's observables as its section reads them (and the inbox fetches ahead of `j`). */
export const tipObservablesQuery = (tipId: string) =>
  queryOptions({
    queryKey: tipObservablesKey(tipId),
    queryFn: ({ signal }) => fetchTipObservables(tipId, signal),
  });

export const useTipObservables = (tipId: string) => useQuery(tipObservablesQuery(tipId));

export const useMentions = (kind: ObservableKind, value: string) =>
  useQuery({
    queryKey: mentionsKey(kind, value),
    queryFn: ({ signal }) => fetchMentions(kind, value, signal),
  });

export type ObservableChange =
  | { action: 'add'; kind: ObservableKind; value: string }
  | { action: 'correct'; id: string; kind: ObservableKind; value: string }
  | { action: 'remove'; id: string };

/** Adds, corrects or removes one of a tip's observables; every list of tips is read again after. */
export function useObservableChange(tipId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: ObservableChange) =>
      // Only the fields the API takes: it refuses any other.
      change.action === 'add'
        ? addObservable(tipId, { kind: change.kind, value: change.value })
        : change.action === 'correct'
          ? correctObservable(tipId, change.id, { kind: change.kind, value: change.value })
          : removeObservable(tipId, change.id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: TIPS_KEY }),
  });
}
