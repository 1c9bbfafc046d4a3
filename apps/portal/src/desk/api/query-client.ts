import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../../shared/api/api-error';
import { STAFF_PROFILE_KEY } from './auth.api';

const isUnauthenticated = (error: unknown) => ApiError.isApiError(error) && error.statusCode === 401;
const isProfile = (key: readonly unknown[]) =>
  key[0] === STAFF_PROFILE_KEY[0] && key[1] === STAFF_PROFILE_KEY[1];

/** Retrying a 4xx cannot help (and a 401 must reach the screen at once); a flaky network may. */
export function createQueryClient(): QueryClient {
  // Any 401 means the session has ended (expired, signed out elsewhere, disabled by an admin): the staff
  // profile is asked again, and its 401 takes the desk to the sign-in page (see DeskApp).
  const recheckSession = () => void client.invalidateQueries({ queryKey: STAFF_PROFILE_KEY });
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isUnauthenticated(error) && !isProfile(query.queryKey)) recheckSession();
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        if (isUnauthenticated(error)) recheckSession();
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        retry: (failures, error) => !(ApiError.isApiError(error) && error.isClientError) && failures < 2,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
  return client;
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
