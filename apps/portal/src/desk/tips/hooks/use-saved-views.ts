import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createSavedView,
  deleteSavedView,
  fetchSavedViews,
  renameSavedView,
  SAVED_VIEWS_KEY,
} from '../api/saved-views.api';

export function useSavedViews() {
  return useQuery({ queryKey: SAVED_VIEWS_KEY, queryFn: ({ signal }) => fetchSavedViews(signal) });
}

/** Any change to the views: the list is fetched again (it is short). */
function useViewsWrite<TInput, TResult>(action: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: action,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: SAVED_VIEWS_KEY }),
  });
}

export const useCreateView = () => useViewsWrite(createSavedView);
export const useRenameView = () => useViewsWrite(renameSavedView);
export const useDeleteView = () => useViewsWrite(deleteSavedView);
