import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { StaffMemberView } from '@vigie/common';
import { fetchStaff, STAFF_KEY } from '../api/admin.api';

/** The agency's staff, as the admin table lists them. */
export function useStaffList() {
  return useQuery({ queryKey: STAFF_KEY, queryFn: ({ signal }) => fetchStaff(signal) });
}

/** Puts a member the API answered with into the cached list (a new one goes to the end). */
export function useRememberMember() {
  const queryClient = useQueryClient();
  return (member: StaffMemberView) =>
    queryClient.setQueryData<StaffMemberView[]>(STAFF_KEY, (list) => {
      if (!list) return list;
      return list.some((one) => one.id === member.id)
        ? list.map((one) => (one.id === member.id ? member : one))
        : [...list, member];
    });
}

/**
 * One act on one member that answers with the member as it now is (roles, disable, enable, reset TOTP):
 * the table shows the new state without a reload.
 */
export function useMemberMutation<A>(act: (args: A) => Promise<StaffMemberView>) {
  const remember = useRememberMember();
  return useMutation({ mutationFn: act, onSuccess: remember });
}
