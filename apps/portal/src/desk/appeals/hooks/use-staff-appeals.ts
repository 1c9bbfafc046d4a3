import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AppealStatus, StaffAppeal } from '@vigie/common';
import {
  APPEALS_KEY,
  appealKey,
  appealListKey,
  fetchAppeal,
  fetchAppealPreview,
  fetchAppeals,
  fetchReviewQueue,
  REVIEW_QUEUE_KEY,
} from '../api/appeals.api';

export function useAppealList(status?: AppealStatus) {
  return useQuery({
    queryKey: appealListKey(status),
    queryFn: ({ signal }) => fetchAppeals(status, signal),
    staleTime: 10_000,
  });
}

export function useStaffAppeal(id: string) {
  return useQuery({
    queryKey: appealKey(id),
    queryFn: ({ signal }) => fetchAppeal(id, signal),
    staleTime: 10_000,
  });
}

export function useReviewQueue() {
  return useQuery({
    queryKey: REVIEW_QUEUE_KEY,
    queryFn: ({ signal }) => fetchReviewQueue(signal),
    staleTime: 0,
  });
}

/** The preview of a revision in review, for the record's `version` (an edit since makes a new one). */
export function useAppealPreview(id: string, version: number) {
  return useQuery({
    queryKey: [...appealKey(id), 'preview', version],
    queryFn: ({ signal }) => fetchAppealPreview(id, signal),
    staleTime: 0,
  });
}

/**
 * One workflow step (approve, reject, resolve, post an update…). Every step answers with the appeal as it
 * now is: keep that, and let every list that may show it fetch again.
 */
export function useAppealAction<TInput>(action: (input: TInput) => Promise<StaffAppeal>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: action,
    onSuccess: (appeal) => {
      queryClient.setQueryData(appealKey(appeal.id), appeal);
      void queryClient.invalidateQueries({ queryKey: [...APPEALS_KEY, 'list'] });
      void queryClient.invalidateQueries({ queryKey: REVIEW_QUEUE_KEY });
      // What the public sees may have changed too.
      void queryClient.invalidateQueries({ queryKey: ['public-appeal', appeal.slug] });
      void queryClient.invalidateQueries({ queryKey: ['public-appeals'] });
    },
  });
}
