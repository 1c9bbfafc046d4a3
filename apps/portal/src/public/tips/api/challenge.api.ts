import type { ProofOfWorkChallenge } from '@vigie/common';
import { api } from '../../../shared/api/api-client';

/**
 * `GET /api/public/tips/challenge`, with no cookie. Apart from tips.api.ts: the form fetches it when it
 * opens, and the rest (sending, follow-up) belongs to later chunks.
 */
export function fetchChallenge(signal?: AbortSignal): Promise<ProofOfWorkChallenge> {
  return api.get<ProofOfWorkChallenge>('/api/public/tips/challenge', { credentials: 'omit', signal });
}
