import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { ApiError } from '../../shared/api/api-error';
import { signOut } from '../api/auth.api';

/**
 * Ends the session, then forgets every cached answer (a shared computer must not show the next person
 * anything) and returns to the sign-in page. A 401 means the session had already ended: same outcome.
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const leave = () => {
    queryClient.clear();
    void navigate('/login', { replace: true, state: { signedOut: true } });
  };
  return useMutation({
    mutationFn: signOut,
    onSuccess: leave,
    onError: (error) => {
      if (ApiError.isApiError(error) && error.statusCode === 401) leave();
    },
  });
}
