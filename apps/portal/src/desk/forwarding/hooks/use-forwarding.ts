import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  fetchForwardRecord,
  fetchForwardTargets,
  fetchSentForwards,
  forwardRecordKey,
  forwardTargetsKey,
  revokeForward,
  sentForwardsKey,
} from '../api/forwarding.api';

const TIPS_KEY = ['desk', 'tips'] as const;

/** The agencies a tip can be sent to; asked only when the dialog opens. */
export function useForwardTargets(enabled: boolean) {
  return useQuery({
    queryKey: forwardTargetsKey,
    queryFn: ({ signal }) => fetchForwardTargets(signal),
    enabled,
    staleTime: 60_000,
  });
}

export function useSentForwards() {
  return useQuery({ queryKey: sentForwardsKey, queryFn: ({ signal }) => fetchSentForwards(signal) });
}

export function useForwardRecord(id: string) {
  return useQuery({
    queryKey: forwardRecordKey(id),
    queryFn: ({ signal }) => fetchForwardRecord(id, signal),
  });
}

/** Takes a forward back; the tip (given back on a transfer) and every list fetch again. */
export function useRevokeForward() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ tipId, forwardId }: { tipId: string; forwardId: string }) =>
      revokeForward(tipId, forwardId),
    onSuccess: (record) => {
      queryClient.setQueryData(forwardRecordKey(record.id), record);
      void queryClient.invalidateQueries({ queryKey: TIPS_KEY });
    },
  });
}
