import { join } from 'node:path';
import { Clock } from '../../../../common/clock';
import { loadContract, serveContract, type ContractServer } from '../recorded-contracts.fixtures';
import { SocialNetworkError, type SocialAccountCredentials } from '../social-network';
import { XClient } from './x-client';

/**
 * The X client against RECORDED CONTRACTS of X's API v2 (contracts/*.json): X cannot run here, so
 * a local server answers with the responses the API reference documents, and each test asserts
 * the request the client sent (method, path, Authorization header, body fields).
 */

const contract = (name: string) => loadContract(join(__dirname, 'contracts', `${name}.json`));
const TOKEN = 'x-user-access-token-recorded';
const PHOTO = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex');

describe('XClient (recorded contracts of X API v2)', () => {
  let server: ContractServer;
  const clock = new Clock();
  const client = new XClient(clock, { timeoutMs: 300 });

  const account = (): SocialAccountCredentials => ({
    network: 'X',
    serviceUrl: server.url,
    handle: '@GatineauPolice',
    accountId: '2244994945',
    secret: TOKEN,
  });

  afterEach(async () => {
    await server.close();
    clock.set(undefined);
  });

  it('posts an appeal with its photo and alt text, the link in the text', async () => {
    server = await serveContract(contract('post-with-image'));

    const ref = await client.post(account(), {
      text: 'WANTED: help us identify this man',
      link: 'https://vigie.gatineau.ca/appeals/wanted-maloney',
      language: 'en',
      image: { bytes: PHOTO, mimeType: 'image/jpeg', altText: 'Composite sketch of the suspect' },
    });

    expect(ref).toEqual({
      remoteId: '1880028233912979456',
      url: 'https://x.com/GatineauPolice/status/1880028233912979456',
    });
    const [upload, metadata, tweet] = server.received;
    for (const request of server.received) {
      expect(request.method).toBe('POST');
      expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
    }
    expect(upload.path).toBe('/2/media/upload');
    expect(upload.form).toEqual({
      media: { bytes: PHOTO.length, type: 'image/jpeg' },
      media_category: 'tweet_image',
    });
    expect(metadata.path).toBe('/2/media/metadata');
    expect(metadata.json).toEqual({
      id: '1880028106020515840',
      metadata: { alt_text: { text: 'Composite sketch of the suspect' } },
    });
    expect(tweet.path).toBe('/2/tweets');
    expect(tweet.json).toEqual({
      text: 'WANTED: help us identify this man\n\nhttps://vigie.gatineau.ca/appeals/wanted-maloney',
      media: { media_ids: ['1880028106020515840'] },
    });
  });

  it('threads an update under the first post, with the reply settings the deployment chose', async () => {
    server = await serveContract(contract('reply-in-thread'));
    const restricted = new XClient(clock, { timeoutMs: 300, replySettings: 'following' });

    const ref = await restricted.post(account(), {
      text: 'UPDATE: no arrest has been made. https://vigie.gatineau.ca/appeals/wanted-maloney',
      link: 'https://vigie.gatineau.ca/appeals/wanted-maloney',
      language: 'en',
      replyTo: {
        remoteId: '1880028233912979456',
        url: 'https://x.com/GatineauPolice/status/1880028233912979456',
      },
    });

    expect(ref.remoteId).toBe('1880031400171012096');
    expect(server.received[0].json).toEqual({
      // The link already in the text is not written twice.
      text: 'UPDATE: no arrest has been made. https://vigie.gatineau.ca/appeals/wanted-maloney',
      reply: { in_reply_to_tweet_id: '1880028233912979456' },
      reply_settings: 'following',
    });
  });

  it('counts as X counts: a URL weighs 23 whatever its length, an emoji 2', () => {
    const longLink = `https://vigie.gatineau.ca/appeals/${'a'.repeat(200)}`;
    expect(client.weightedLength(longLink)).toBe(23);
    expect(client.weightedLength('AMBER 🚨')).toBe(8);
    expect(client.weightedLength(`${'é'.repeat(256)} ${longLink}`)).toBe(280);
  });

  it('refuses a post over 280 weighted characters before calling X, and says so without retry', async () => {
    server = await serveContract(contract('reply-in-thread'));
    const text = '🚨'.repeat(129); // 258, and the link adds 2 + 23

    const refusal = await client
      .post(account(), { text, link: 'https://vigie.gatineau.ca/appeals/amber-1', language: 'fr' })
      .catch((error: unknown) => error);

    expect(refusal).toBeInstanceOf(SocialNetworkError);
    expect(refusal).toMatchObject({ network: 'X', retryable: false });
    expect((refusal as Error).message).toBe("the post weighs 283 of X's 280");
    expect(server.received).toHaveLength(0);
  });

  it('refuses an image over 5 MB before uploading it', async () => {
    server = await serveContract(contract('post-with-image'));
    const image = { bytes: Buffer.alloc(5 * 1024 * 1024 + 1), mimeType: 'image/jpeg' as const, altText: 'x' };

    await expect(
      client.post(account(), { text: 'Missing', link: 'https://vigie.gatineau.ca/a', language: 'en', image }),
    ).rejects.toMatchObject({ retryable: false });
    expect(server.received).toHaveLength(0);
  });

  it('deletes a post, and takes a post already gone as deleted', async () => {
    server = await serveContract(contract('delete'));
    const ref = {
      remoteId: '1880028233912979456',
      url: 'https://x.com/GatineauPolice/status/1880028233912979456',
    };

    await client.delete(account(), ref);
    await client.delete(account(), ref);

    expect(server.received.map((r) => `${r.method} ${r.path}`)).toEqual([
      'DELETE /2/tweets/1880028233912979456',
      'DELETE /2/tweets/1880028233912979456',
    ]);
    expect(server.received[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('reads replies and mentions, with their authors and photos, page after page, and resumes after the newest', async () => {
    server = await serveContract(contract('mentions'));

    const first = await client.received(account(), '1880030000000000000');

    expect(first.cursor).toBe('1880040000000000002');
    expect(first.messages).toEqual([
      {
        kind: 'REPLY',
        remoteId: '1880040000000000002',
        url: 'https://x.com/witness_one/status/1880040000000000002',
        authorHandle: '@witness_one',
        text: '@GatineauPolice I saw this man at the bus stop on Maloney this morning',
        receivedAt: new Date('2026-12-07T10:15:00.000Z'),
        inReplyToRemoteId: '1880028233912979456',
        mediaUrls: ['https://pbs.twimg.com/media/GexampleAAA.jpg'],
      },
      expect.objectContaining({
        kind: 'MENTION',
        authorHandle: '@neighbour_2',
        inReplyToRemoteId: null,
        mediaUrls: [],
      }),
      expect.objectContaining({
        kind: 'MENTION',
        remoteId: '1880038000000000000',
        authorHandle: '@curious3',
      }),
    ]);
    const [page1, page2] = server.received;
    expect(page1.path).toBe('/2/users/2244994945/mentions');
    expect(page1.query.get('since_id')).toBe('1880030000000000000');
    expect(page1.query.get('expansions')).toBe('author_id,attachments.media_keys');
    expect(page2.query.get('pagination_token')).toBe('7140dibdnow9c7btw4b0oa1e1p8d2yk6n0w3m6bbjy1p');

    const next = await client.received(account(), first.cursor);
    expect(next).toEqual({ messages: [], cursor: '1880040000000000002' });
    expect(server.received[2].query.get('since_id')).toBe('1880040000000000002');
  });

  it('tells a refusal a retry cannot change (bad token, duplicate) from one it can (429, 5xx, no answer)', async () => {
    server = await serveContract(contract('refusals'));
    // The recorded 429 says the window resets at 1796638500: one minute after this moment.
    clock.set(new Date((1796638500 - 60) * 1000));
    const attempt = () =>
      client
        .post(account(), {
          text: 'Missing: Léa, 7',
          link: 'https://vigie.gatineau.ca/appeals/lea',
          language: 'en',
        })
        .then(
          () => new Error('X accepted a post its contract refuses'),
          (error: unknown) => error as SocialNetworkError,
        );

    const badToken = await attempt();
    expect(badToken).toMatchObject({ status: 401, retryable: false });
    expect(badToken.message).toBe('X: Unauthorized');
    const duplicate = await attempt();
    expect(duplicate).toMatchObject({ status: 403, retryable: false });
    expect(duplicate.message).toBe('X: You are not allowed to create a Tweet with duplicate content.');
    expect(await attempt()).toMatchObject({ status: 429, retryable: true, retryAfterSeconds: 60 });
    expect(await attempt()).toMatchObject({ status: 503, retryable: true, retryAfterSeconds: null });
    const timedOut = await attempt();
    expect(timedOut).toMatchObject({ status: null, retryable: true });
    expect(timedOut.message).toBe('no answer within 300 ms');
  });

  it('says which account a token opens, and refuses a revoked one for good', async () => {
    server = await serveContract(contract('verify'));

    expect(await client.verify(account())).toEqual({ accountId: '2244994945', handle: '@GatineauPolice' });
    await expect(client.verify(account())).rejects.toMatchObject({ status: 401, retryable: false });
    expect(server.received.map((r) => `${r.method} ${r.path} ${r.headers.authorization}`)).toEqual([
      `GET /2/users/me Bearer ${TOKEN}`,
      `GET /2/users/me Bearer ${TOKEN}`,
    ]);
  });
});

describe('XClient token renewal (recorded contract of X OAuth 2.0)', () => {
  let server: ContractServer;
  const clock = new Clock();
  const client = new XClient(clock, { timeoutMs: 300 });
  const NOW = new Date('2026-12-07T15:00:00.000Z');
  const connected = (extra: Partial<{ expiresAt: string | null; refreshToken: string }> = {}) =>
    JSON.stringify({
      accessToken: 'x-user-access-token-recorded',
      refreshToken: 'x-refresh-token-recorded',
      expiresAt: null,
      clientId: 'x-client-id-recorded',
      ...extra,
    });
  const account = (secret: string): SocialAccountCredentials => ({
    network: 'X',
    serviceUrl: server?.url ?? 'https://api.x.com',
    handle: '@GatineauPolice',
    accountId: '2244994945',
    secret,
  });

  afterEach(async () => server?.close());

  it('seals the refresh token and the client id with the access token, and the access token alone without them', () => {
    expect(client.secretFrom({ secret: 'plain-token' })).toBe('plain-token');
    expect(
      JSON.parse(client.secretFrom({ secret: 'a', refreshToken: 'r', clientId: 'c' })) as unknown,
    ).toEqual({ accessToken: 'a', refreshToken: 'r', expiresAt: null, clientId: 'c' });
  });

  it('is due for renewal when the token expires within five minutes, is past or unknown; never without a refresh token', () => {
    const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000).toISOString();
    expect(client.renewalDue(account(connected({ expiresAt: at(60) })), NOW)).toBe(false);
    expect(client.renewalDue(account(connected({ expiresAt: at(4) })), NOW)).toBe(true);
    expect(client.renewalDue(account(connected({ expiresAt: at(-30) })), NOW)).toBe(true);
    expect(client.renewalDue(account(connected()), NOW)).toBe(true);
    expect(client.renewalDue(account('plain-token'), NOW)).toBe(false);
  });

  it('renews with the refresh token and client id, keeps the new pair and its expiry, and posts with the new token', async () => {
    server = await serveContract(contract('refresh-token'));

    const renewed = await client.renew(account(connected()), NOW);

    expect(JSON.parse(renewed) as unknown).toEqual({
      accessToken: 'x-renewed-access-token-recorded',
      refreshToken: 'x-renewed-refresh-token-recorded',
      expiresAt: '2026-12-07T17:00:00.000Z',
      clientId: 'x-client-id-recorded',
    });
    const [token] = server.received;
    expect(`${token.method} ${token.path}`).toBe('POST /2/oauth2/token');
    expect(token.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(token.headers.authorization).toBeUndefined();
    expect(token.form).toEqual({
      grant_type: 'refresh_token',
      refresh_token: 'x-refresh-token-recorded',
      client_id: 'x-client-id-recorded',
    });
    expect(client.renewalDue(account(renewed), new Date('2026-12-07T16:50:00Z'))).toBe(false);
    expect(client.renewalDue(account(renewed), new Date('2026-12-07T16:56:00Z'))).toBe(true);

    await client.post(account(renewed), {
      text: 'Missing: Léa, 7',
      link: 'https://t.co/abc',
      language: 'en',
    });
    expect(server.received[1].headers.authorization).toBe('Bearer x-renewed-access-token-recorded');

    // The refresh token already used (or revoked): refused for good, with X's reason.
    const refused = await client.renew(account(connected()), NOW).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SocialNetworkError);
    expect(refused).toMatchObject({ status: 400, retryable: false });
    expect((refused as Error).message).toBe(
      'X refused to renew the access token: Value passed for the token was invalid.',
    );
  });

  it('refuses to renew an access token connected without a refresh token, calling nothing', async () => {
    server = await serveContract(contract('refresh-token'));
    await expect(client.renew(account('plain-token'), NOW)).rejects.toMatchObject({ retryable: false });
    expect(server.received).toHaveLength(0);
  });
});
