import { useQuery } from '@tanstack/react-query';
import { fetchAssignees, TIPS_KEY } from '../api/tips.api';

/** The colleagues a tip may be given to (active, this agency, able to triage). */
export const useAssignees = () =>
  useQuery({
    queryKey: [...TIPS_KEY, 'assignees'],
    queryFn: ({ signal }) => fetchAssignees(signal),
    staleTime: 60_000,
  });
