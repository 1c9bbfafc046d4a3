import { join } from 'node:path';
import { AppealKind } from '@vigie/common';
import { Clock } from '../../apps/api/src/common/clock';
import {
  loadContract,
  serveContract,
  type ContractServer,
  type RecordedContract,
} from '../../apps/api/src/reach/social/networks/recorded-contracts.fixtures';
import { SocialAccountsService } from '../../apps/api/src/reach/social/accounts/social-accounts.service';
import { SocialPosting } from '../../apps/api/src/reach/social/posting/social-posting.service';
import { ApiClient } from '../support/api-client';
import { appealBody, publishedAppeal } from '../support/appeal-factory';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * An X account connected with its refresh token, against RECORDED CONTRACTS of X's API (X cannot
 * run here: x/contracts/*.json, labelled as such): the access token is renewed when the account is
 * connected and again once it nears its two-hour end, each new pair sealed in place of the last,
 * and the post goes out with the new token.
 */

const contracts = join(__dirname, '../../apps/api/src/reach/social/networks/x/contracts');
const refresh = loadContract(join(contracts, 'refresh-token.json'));
const verify = loadContract(join(contracts, 'verify.json'));

let t: TestApp;
let x: ContractServer;
let admin: ApiClient;

beforeAll(async () => {
  const [renewed, postedWithIt] = refresh.exchanges;
  const story: RecordedContract = {
    ...refresh,
    // Connect: renew (learns the expiry), then whose account. Later: renew again, then post.
    exchanges: [renewed, verify.exchanges[0], renewed, postedWithIt, postedWithIt],
  };
  x = await serveContract(story);
  t = await startTestApp({ SOCIAL_ALLOW_INSECURE_SERVICE: 'true', WORKERS: '0' });
  admin = await ApiClient.signedIn(t.baseUrl, 'admin@demo.test');
});
afterAll(async () => {
  await t?.close();
  await x?.close();
});

const connect = (extra: Record<string, unknown>) =>
  admin.post('/api/reach/social/accounts', {
    network: 'X',
    serviceUrl: x.url,
    handle: '@GatineauPolice',
    secret: 'x-user-access-token-recorded',
    ...extra,
  });

it('refuses a refresh token without the client id, or on a network that takes none, storing nothing', async () => {
  expect((await connect({ refreshToken: 'x-refresh-token-recorded' })).status).toBe(400);
  expect((await connect({ clientId: 'x-client-id-recorded' })).status).toBe(400);
  expect((await connect({ refreshToken: '', clientId: 'x-client-id-recorded' })).status).toBe(400);
  const bluesky = await admin.post('/api/reach/social/accounts', {
    network: 'BLUESKY',
    serviceUrl: x.url,
    handle: 'gatineau.bsky.social',
    secret: 'app-password',
    refreshToken: 'r',
    clientId: 'c',
  });
  expect(bluesky.status).toBe(400);
  expect((await t.db.query(`SELECT count(*)::int AS n FROM social_account`)).rows[0].n).toBe(0);
  expect(x.received).toHaveLength(0);
});

it('renews the access token at connection and before it expires, sealing each new pair, and posts with the new token', async () => {
  t.app.get(Clock).set('2026-12-07T15:00:00Z');
  const connected = await connect({
    refreshToken: 'x-refresh-token-recorded',
    clientId: 'x-client-id-recorded',
  });
  expect(connected.status).toBe(201);
  expect(connected.body).toMatchObject({ handle: '@GatineauPolice', accountId: '2244994945' });
  const [first, me] = x.received;
  expect(first.form).toEqual({
    grant_type: 'refresh_token',
    refresh_token: 'x-refresh-token-recorded',
    client_id: 'x-client-id-recorded',
  });
  expect(me.headers.authorization).toBe('Bearer x-renewed-access-token-recorded');

  // Sealed: no token in the row.
  const { rows } = await t.db.query(`SELECT secret_enc FROM social_account WHERE id = $1`, [
    connected.body.id,
  ]);
  expect(rows[0].secret_enc).not.toMatch(/recorded/);
  const accounts = t.app.get(SocialAccountsService);
  const opened = await accounts.credentials(connected.body.id);
  expect(JSON.parse(opened!.credentials.secret)).toMatchObject({
    accessToken: 'x-renewed-access-token-recorded',
    refreshToken: 'x-renewed-refresh-token-recorded',
    expiresAt: '2026-12-07T17:00:00.000Z',
  });
  expect(x.received).toHaveLength(2);

  // An hour and 57 minutes later, an appeal is approved: the token is renewed before the post.
  t.app.get(Clock).set('2026-12-07T16:57:00Z');
  const pio = await ApiClient.signedIn(t.baseUrl, 'pio@demo.test');
  const supervisor = await ApiClient.signedIn(t.baseUrl, 'supervisor@demo.test');
  const appeal = await publishedAppeal(pio, supervisor, appealBody(AppealKind.WANTED));
  const posting = t.app.get(SocialPosting);
  const { rows: agency } = await t.db.query(`SELECT agency_id FROM appeal WHERE id = $1`, [appeal.id]);
  await posting.onPublication({ appealId: appeal.id, agencyId: agency[0].agency_id, event: 'APPROVED' });
  await posting.send({ accountId: connected.body.id, appealId: appeal.id, publication: 'APPROVED' });

  const [, , second, tweet] = x.received;
  expect(`${second.method} ${second.path}`).toBe('POST /2/oauth2/token');
  // The rotated refresh token, not the first one (X's refresh tokens work once).
  expect(second.form).toMatchObject({ refresh_token: 'x-renewed-refresh-token-recorded' });
  expect(`${tweet.method} ${tweet.path} ${tweet.headers.authorization}`).toBe(
    'POST /2/tweets Bearer x-renewed-access-token-recorded',
  );
  const { rows: posts } = await t.db.query(
    `SELECT state FROM social_post WHERE appeal_id = $1 ORDER BY position`,
    [appeal.id],
  );
  expect(posts.map((p) => p.state)).toEqual(['SENT', 'SENT']);
  const after = await accounts.credentials(connected.body.id);
  expect(JSON.parse(after!.credentials.secret).expiresAt).toBe('2026-12-07T18:57:00.000Z');
  t.app.get(Clock).set(undefined);
});
