import { SocialNetworkError } from '../networks/social-network';
import { composePost } from './post-composer';
import {
  DISCONNECTED_BEFORE_SEND,
  DISCONNECTED_BEFORE_TAKEDOWN,
  failureOf,
  failureText,
} from './post-failure';

const networkError = (status: number | null, message = 'refused') =>
  new SocialNetworkError('BLUESKY', status, false, message);

describe('failureOf', () => {
  it('reads back every failure the posting code writes, as a reason the desk can say', () => {
    expect(failureOf(failureText(networkError(401)))).toEqual({ reason: 'ACCESS_REFUSED', status: 401 });
    expect(failureOf(failureText(networkError(403)))).toEqual({ reason: 'REFUSED', status: 403 });
    expect(failureOf(failureText(networkError(429)))).toEqual({ reason: 'RATE_LIMITED', status: 429 });
    expect(failureOf(failureText(networkError(503)))).toEqual({ reason: 'NETWORK_ERROR', status: 503 });
    expect(failureOf(failureText(networkError(400, '{"error":"InvalidRequest"}')))).toEqual({
      reason: 'REFUSED',
      status: 400,
    });
    expect(failureOf(failureText(networkError(null)))).toEqual({ reason: 'NO_ANSWER', status: null });
    expect(failureOf(failureText(new Error('ENOENT: no such file')))).toEqual({
      reason: 'VIGIE_ERROR',
      status: null,
    });
    for (const text of [DISCONNECTED_BEFORE_SEND, DISCONNECTED_BEFORE_TAKEDOWN])
      expect(failureOf(text)).toEqual({ reason: 'ACCOUNT_DISCONNECTED', status: null });
    expect(failureOf(null)).toBeNull();
  });

  it('reads the composer’s refusal of a post too long to send as TOO_LONG', () => {
    const appeal = {
      kind: 'WANTED',
      title: { fr: 'x'.repeat(80), en: 'x'.repeat(80) },
      summary: { fr: 'y', en: 'y' },
      links: { page: `https://vigie.example/appeals/${'z'.repeat(60)}` },
      images: [],
    } as never;
    const limits = { maxTextLength: 50, linkLength: null, maxImages: 0, maxAltTextLength: 0 } as never;
    const post = composePost(appeal, { event: 'APPROVED' }, 'fr', limits, false);
    expect(post.problem).not.toBeNull();
    expect(failureOf(post.problem)).toEqual({ reason: 'TOO_LONG', status: null });
  });

  it('keeps at most 500 characters of what the network said', () => {
    expect(failureText(networkError(400, 'a'.repeat(900)))).toHaveLength(500);
  });
});
