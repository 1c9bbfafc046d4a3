import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-error';

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
