import { useQuery } from '@tanstack/react-query';
import { fetchStaffProfile, STAFF_PROFILE_KEY } from '../api/auth.api';

/** The signed-in staff member; a 401 surfaces as the query's error at once (no retry). */
export function useStaffProfile() {
  return useQuery({
    queryKey: STAFF_PROFILE_KEY,
    queryFn: ({ signal }) => fetchStaffProfile(signal),
    staleTime: 5 * 60_000,
  });
}
