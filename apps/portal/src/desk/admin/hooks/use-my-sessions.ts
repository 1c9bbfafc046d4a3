import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { StaffSessionView } from '@vigie/common';
import { fetchMySessions, MY_SESSIONS_KEY, revokeMySession } from '../api/admin.api';

/**
 * One's own sessions, and ending one of them. Ending the current one is signing out here: the caller is
 * told (`onSignedOutHere`) so that it can leave the desk as the sign-out button does.
 */
export function useMySessions(onSignedOutHere: () => void) {
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: MY_SESSIONS_KEY, queryFn: ({ signal }) => fetchMySessions(signal) });
  const revoke = useMutation({
    mutationFn: (session: StaffSessionView) => revokeMySession(session.id),
    onSuccess: (_, session) => {
      if (session.current) {
        onSignedOutHere();
        return;
      }
      queryClient.setQueryData<StaffSessionView[]>(MY_SESSIONS_KEY, (list) =>
        list?.filter((one) => one.id !== session.id),
      );
    },
  });
  return { sessions, revoke };
}
