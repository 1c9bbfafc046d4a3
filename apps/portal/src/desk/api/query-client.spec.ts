import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/api-error';
import { STAFF_PROFILE_KEY } from './auth.api';
import { createQueryClient } from './query-client';

const unauthenticated = () => new ApiError({ statusCode: 401, code: 'UNAUTHENTICATED', message: 'Sign in' });

describe('createQueryClient', () => {
  it('asks for the staff profile again when any query or mutation meets a 401 (the session has ended)', async () => {
    const client = createQueryClient();
    client.setQueryData(STAFF_PROFILE_KEY, { id: 'u1' });
    const profile = () => client.getQueryCache().find({ queryKey: STAFF_PROFILE_KEY })!;
    expect(profile().state.isInvalidated).toBe(false);

    await client
      .fetchQuery({ queryKey: ['desk', 'tips'], queryFn: () => Promise.reject(unauthenticated()) })
      .catch(() => undefined);
    expect(profile().state.isInvalidated).toBe(true);

    client.setQueryData(STAFF_PROFILE_KEY, { id: 'u1' });
    await client
      .getMutationCache()
      .build(client, { mutationFn: () => Promise.reject(unauthenticated()) })
      .execute(undefined)
      .catch(() => undefined);
    expect(profile().state.isInvalidated).toBe(true);
  });

  it('leaves the profile alone for other failures', async () => {
    const client = createQueryClient();
    client.setQueryData(STAFF_PROFILE_KEY, { id: 'u1' });
    const forbidden = new ApiError({ statusCode: 403, code: 'FORBIDDEN', message: 'No' });
    await client
      .fetchQuery({ queryKey: ['desk', 'tips'], queryFn: () => Promise.reject(forbidden) })
      .catch(() => undefined);
    expect(client.getQueryCache().find({ queryKey: STAFF_PROFILE_KEY })!.state.isInvalidated).toBe(false);
  });
});
