import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../../shared/api/api-error';

/** Retrying a 4xx cannot help (and a 401 must reach the screen at once); a flaky network may. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        retry: (failures, error) => !(ApiError.isApiError(error) && error.isClientError) && failures < 2,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}

/**
 * The desk's one cache, shared by the sign-in page and the desk it leads to (signing in stores the staff
 * profile the desk then reads). Created with the first staff page, never on a public one.
 */
let deskClient: QueryClient | undefined;
export function deskQueryClient(): QueryClient {
  deskClient ??= createQueryClient();
  return deskClient;
}
