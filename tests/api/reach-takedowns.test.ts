import { randomUUID } from 'node:crypto';
import { AppealKind } from '@vigie/common';
import { Clock } from '../../apps/api/src/common/clock';
import { ATTENTION_COUNT_SQL } from '../../apps/api/src/reach/social/posting/social-posts.service';
import {
  MAX_TAKEDOWN_ATTEMPTS,
  RESEND_STRANDED_SQL,
  SocialPosting,
  SWEEP_EXPIRED_SQL,
} from '../../apps/api/src/reach/social/posting/social-posting.service';
import { ApiClient } from '../support/api-client';
import { connectFediverseAccount } from '../support/fediverse-account';
import { approvedWithPostsQueued } from '../support/social-posting';
import { freePort } from '../support/free-port';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Takedowns that used to be missed, on the agency's fediverse actor (a real network client whose
 * notes are served here: a note taken down answers 410). The app runs without workers, so each
 * step of a publication (the listener, the send job, the takedown job) runs when the test says,
 * in the order that used to go wrong:
 * - an AMBER alert that expires (no publication says so) takes its posts down;
 * - a send job that runs after the appeal was withdrawn posts nothing;
 * - disconnecting an account with posts up lists them and asks; a takedown that cannot run is
 *   TAKEDOWN_FAILED and shown to the PIO, and runs once the account is connected again.
 */

let t: TestApp;
let pio: ApiClient;
let supervisor: ApiClient;
let admin: ApiClient;
let posting: SocialPosting;
let accountId: string;

/** Published and approved; the approval's listener has run, its send job has not. */
const approved = (kind: AppealKind) => approvedWithPostsQueued(t, pio, supervisor, kind);

const posts = async (appealId: string) =>
  (
    await t.db.query(
      `SELECT id, state, remote_id, last_error, account_id FROM social_post WHERE appeal_id = $1 ORDER BY position`,
      [appealId],
    )
  ).rows as { id: string; state: string; remote_id: string | null; last_error: string | null }[];

/** What a follower's server gets at a note's address now. */
const noteStatus = async (remoteId: string) =>
  (
    await fetch(`${t.baseUrl}${new URL(remoteId).pathname}`, {
      headers: { accept: 'application/activity+json' },
    })
  ).status;

const queuedTakedowns = async () =>
  (
    await t.db.query(
      `SELECT data->>'postId' AS "postId" FROM pgboss.job WHERE name = 'reach.social-takedown' AND state = 'created'`,
    )
  ).rows.map((r) => r.postId as string);

const queuedSends = async () =>
  (
    await t.db.query(
      `SELECT data FROM pgboss.job WHERE name = 'reach.social-send' AND state = 'created' ORDER BY created_on`,
    )
  ).rows.map((r) => r.data as { accountId: string; appealId: string; publication: string });

/** The navigation's count of posts to check, which must be the length of the list it leads to. */
async function attentionCount(): Promise<number> {
  const count = await pio.get('/api/reach/social/posts/attention/count');
  expect(count.status).toBe(200);
  expect(count.body.count).toBe((await pio.get('/api/reach/social/posts/attention')).body.length);
  return count.body.count;
}

beforeAll(async () => {
  const port = await freePort();
  t = await startTestApp(
    { PUBLIC_URL: `http://127.0.0.1:${port}`, SOCIAL_ALLOW_INSECURE_SERVICE: 'true', WORKERS: '0' },
    { port },
  );
  pio = await ApiClient.signedIn(t.baseUrl, 'pio@demo.test');
  supervisor = await ApiClient.signedIn(t.baseUrl, 'supervisor@demo.test');
  admin = await ApiClient.signedIn(t.baseUrl, 'admin@demo.test');
  posting = t.app.get(SocialPosting);
  ({ accountId } = await connectFediverseAccount(admin));
});
afterAll(() => t.close());
afterEach(() => t.app.get(Clock).set(undefined));

it('takes an AMBER alert’s posts down once it expires, and asks once', async () => {
  const amber = await approved(AppealKind.AMBER_ALERT);
  await posting.send({ accountId, appealId: amber.id, publication: 'APPROVED' });
  const sent = await posts(amber.id);
  expect(sent.map((p) => p.state)).toEqual(['SENT', 'SENT']);
  for (const post of sent) expect(await noteStatus(post.remote_id!)).toBe(200);

  // Still on show: the sweep leaves it.
  await posting.sweepExpired();
  expect(await queuedTakedowns()).toEqual([]);

  // Two days on, past its expiry (the factory's AMBER alerts end after one).
  t.app.get(Clock).set(new Date(Date.now() + 2 * 86_400_000));
  await posting.sweepExpired();
  expect((await queuedTakedowns()).sort()).toEqual(sent.map((p) => p.id).sort());
  await posting.sweepExpired();
  expect(await queuedTakedowns()).toHaveLength(2);

  for (const post of sent) await posting.takeDown(post.id);
  expect((await posts(amber.id)).map((p) => p.state)).toEqual(['TAKEN_DOWN', 'TAKEN_DOWN']);
  for (const post of sent) expect(await noteStatus(post.remote_id!)).toBe(410);
  const { rows } = await t.db.query(`SELECT cron FROM pgboss.schedule WHERE name = 'reach.social-expiry'`);
  expect(rows).toEqual([{ cron: '* * * * *' }]);
  await t.db.query(`DELETE FROM pgboss.job WHERE name = 'reach.social-takedown'`);
});

it('posts nothing when the send job runs after the appeal was withdrawn', async () => {
  const appeal = await approved(AppealKind.WANTED);
  expect((await posts(appeal.id)).map((p) => p.state)).toEqual(['QUEUED', 'QUEUED']);
  expect((await supervisor.post(`/api/appeals/${appeal.id}/archive`)).status).toBe(200);
  const notesBefore = (await t.db.query(`SELECT count(*)::int AS n FROM activitypub_note`)).rows[0].n;

  // The send job comes before the withdrawal's own publication job.
  await posting.send({ accountId, appealId: appeal.id, publication: 'APPROVED' });

  expect((await posts(appeal.id)).map((p) => p.state)).toEqual(['TAKEN_DOWN', 'TAKEN_DOWN']);
  expect((await t.db.query(`SELECT count(*)::int AS n FROM activitypub_note`)).rows[0].n).toBe(notesBefore);
  // Its approval's publication job, run late, does not queue it again either.
  await posting.onPublication({ appealId: appeal.id, agencyId: appeal.agencyId, event: 'APPROVED' });
  expect((await posts(appeal.id)).map((p) => p.state)).toEqual(['TAKEN_DOWN', 'TAKEN_DOWN']);
});

it('sends again, once their lease is over, the posts a job that died left waiting (a deploy, a restart)', async () => {
  const clock = t.app.get(Clock);
  const start = new Date();
  const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
  clock.set(start);
  const appeal = await approved(AppealKind.WANTED);
  const [french] = await posts(appeal.id);
  // Its send job claimed the French post, and its process died before posting it: the post is
  // SENDING, and the job is gone (or ran again at once after the restart, found the claim held
  // and left the post to it, which is what happens here).
  await t.db.query(`UPDATE social_post SET state = 'SENDING', claimed_at = $2 WHERE id = $1`, [
    french.id,
    start,
  ]);
  await t.db.query(`DELETE FROM pgboss.job WHERE name = 'reach.social-send'`);
  clock.set(at(1));
  await posting.send({ accountId, appealId: appeal.id, publication: 'APPROVED' });
  expect((await posts(appeal.id)).map((p) => p.state)).toEqual(['SENDING', 'QUEUED']);

  // Within the lease, the sweep leaves them to the claim's holder.
  clock.set(at(4));
  expect(await posting.sweep()).toEqual({ expired: 0, resent: 0 });
  expect(await queuedSends()).toEqual([]);

  // Past it, both are queued again, with one send job for the publication; asked once.
  clock.set(at(6));
  expect(await posting.sweep()).toEqual({ expired: 0, resent: 1 });
  expect((await posts(appeal.id)).map((p) => p.state)).toEqual(['QUEUED', 'QUEUED']);
  const jobs = await queuedSends();
  expect(jobs).toEqual([{ accountId, appealId: appeal.id, publication: 'APPROVED' }]);
  clock.set(at(7));
  expect(await posting.sweep()).toEqual({ expired: 0, resent: 0 });

  await posting.send(jobs[0]);
  const sent = await posts(appeal.id);
  expect(sent.map((p) => p.state)).toEqual(['SENT', 'SENT']);
  for (const post of sent) expect(await noteStatus(post.remote_id!)).toBe(200);
  clock.set(at(20));
  expect(await posting.sweep()).toEqual({ expired: 0, resent: 0 });

  // Withdrawn: its posts come down, leaving nothing up for the tests after this one.
  expect((await supervisor.post(`/api/appeals/${appeal.id}/archive`)).status).toBe(200);
  await posting.onPublication({ appealId: appeal.id, agencyId: appeal.agencyId, event: 'ARCHIVED' });
  for (const post of sent) await posting.takeDown(post.id);
  expect((await posts(appeal.id)).map((p) => p.state)).toEqual(['TAKEN_DOWN', 'TAKEN_DOWN']);
  await t.db.query(`DELETE FROM pgboss.job WHERE name IN ('reach.social-send', 'reach.social-takedown')`);
});

it('lets the queue run a takedown as many times as it is tried before it is shown as failed', async () => {
  // Fewer runs, and the queue gave up first: the post left up, SENT, its takedown never said failed.
  const { rows } = await t.db.query(
    `SELECT retry_limit FROM pgboss.queue WHERE name = 'reach.social-takedown'`,
  );
  expect(rows[0].retry_limit + 1).toBe(MAX_TAKEDOWN_ATTEMPTS);
});

it('reads what the sweep looks at through the partial index social_post_live, not every post', async () => {
  const plan = async (sql: string) => {
    await t.db.query('BEGIN');
    try {
      // Few rows here: a sequential scan is cheaper, so it is ruled out to see whether the index serves.
      await t.db.query('SET LOCAL enable_seqscan = off');
      const { rows } = await t.db.query(`EXPLAIN (FORMAT JSON) ${sql}`);
      return JSON.stringify(rows[0]['QUERY PLAN']);
    } finally {
      await t.db.query('ROLLBACK');
    }
  };
  for (const sql of [SWEEP_EXPIRED_SQL, RESEND_STRANDED_SQL.replace(/\$[12]\b/g, 'now()')]) {
    // Without a usable index, the plan would still read the table (a disabled Seq Scan).
    expect(await plan(sql)).toContain('"Index Name":"social_post_live"');
  }
  // The navigation's count: failed posts through their partial index, posts on a disconnected
  // account by account, never a scan of every post.
  const count = await plan(ATTENTION_COUNT_SQL.replace(/\$1\b/g, `'${randomUUID()}'`));
  expect(count).toContain('"Index Name":"social_post_attention"');
  expect(count).toContain('"Index Name":"social_post_up"');
  expect(count).not.toMatch(/"Node Type":"Seq Scan"[^{}]*"Relation Name":"social_post"/);
});

it('counts the posts to check for the navigation, for those who may see them only', async () => {
  const anonymous = await new ApiClient(t.baseUrl).get('/api/reach/social/posts/attention/count');
  expect(anonymous.status).toBe(401);
  for (const email of ['investigator@demo.test', 'analyst@demo.test', 'calltaker@demo.test']) {
    const staff = await ApiClient.signedIn(t.baseUrl, email);
    expect((await staff.get('/api/reach/social/posts/attention/count')).status).toBe(403);
  }
  for (const email of ['supervisor@demo.test', 'admin@demo.test']) {
    const staff = await ApiClient.signedIn(t.baseUrl, email);
    expect((await staff.get('/api/reach/social/posts/attention/count')).body).toEqual({
      count: await attentionCount(),
    });
  }
  // Another agency's PIO counts none of this agency's posts.
  const second = await ApiClient.signedIn(t.baseUrl, 'pio@second.test');
  expect((await second.get('/api/reach/social/posts/attention/count')).body).toEqual({ count: 0 });
});

it('lists the posts still up before disconnecting, fails their takedown visibly, and takes them down once reconnected', async () => {
  const missing = await approved(AppealKind.MISSING_PERSON);
  await posting.send({ accountId, appealId: missing.id, publication: 'APPROVED' });
  const sent = await posts(missing.id);
  expect(sent.map((p) => p.state)).toEqual(['SENT', 'SENT']);

  // Disconnecting would leave them where Vigie can no longer take them down: listed, and asked.
  const refused = await admin.request('DELETE', `/api/reach/social/accounts/${accountId}`);
  expect(refused.status).toBe(409);
  expect(refused.body.code).toBe('SOCIAL_ACCOUNT_HAS_LIVE_POSTS');
  expect(refused.body.livePosts.map((p: { id: string }) => p.id).sort()).toEqual(
    sent.map((p) => p.id).sort(),
  );
  expect(refused.body.livePosts[0]).toMatchObject({ appealId: missing.id, state: 'SENT' });
  for (const bad of ['yes', 'TRUE', '1'])
    expect(
      (await admin.request('DELETE', `/api/reach/social/accounts/${accountId}?leaveLivePosts=${bad}`)).status,
    ).toBe(400);
  expect(
    (await admin.get('/api/reach/social/accounts')).body.accounts.map((a: { id: string }) => a.id),
  ).toEqual([accountId]);
  expect(
    (await pio.request('DELETE', `/api/reach/social/accounts/${accountId}?leaveLivePosts=true`)).status,
  ).toBe(403);

  const before = await attentionCount();
  const left = await admin.request('DELETE', `/api/reach/social/accounts/${accountId}?leaveLivePosts=true`);
  expect(left.status).toBe(204);
  // Up where Vigie can no longer take them down: counted, for this agency's staff who may see them,
  // and for no other agency's.
  expect(await attentionCount()).toBe(before + 2);
  const supervisor = await ApiClient.signedIn(t.baseUrl, 'supervisor@demo.test');
  expect((await supervisor.get('/api/reach/social/posts/attention/count')).body).toEqual({
    count: before + 2,
  });
  const secondPio = await ApiClient.signedIn(t.baseUrl, 'pio@second.test');
  expect((await secondPio.get('/api/reach/social/posts/attention/count')).body).toEqual({ count: 0 });
  const { rows: audit } = await t.db.query(
    `SELECT data FROM audit_event WHERE action = 'reach.social_account_disconnected' AND entity_id = $1`,
    [accountId],
  );
  expect(audit[0].data.livePostsLeft.map((p: { postId: string }) => p.postId).sort()).toEqual(
    sent.map((p) => p.id).sort(),
  );
  // The PIO sees them: up, on an account Vigie no longer holds.
  const attention = await pio.get('/api/reach/social/posts/attention');
  expect(attention.status).toBe(200);
  expect(
    attention.body
      .filter((p: { appealId: string }) => p.appealId === missing.id)
      .map((p: { state: string; accountConnected: boolean }) => [p.state, p.accountConnected]),
  ).toEqual([
    ['SENT', false],
    ['SENT', false],
  ]);

  // Found: the resolution takes her posts down, though no account is connected any more.
  const resolved = await pio.post(`/api/appeals/${missing.id}/resolve`, { outcome: 'FOUND_SAFE' });
  expect(resolved.status).toBe(200);
  await posting.onPublication({
    appealId: missing.id,
    agencyId: missing.agencyId,
    event: 'RESOLVED',
    versionNo: 2,
  });
  expect((await queuedTakedowns()).sort()).toEqual(sent.map((p) => p.id).sort());
  for (const post of sent) await posting.takeDown(post.id);
  const failed = await posts(missing.id);
  expect(failed.map((p) => p.state)).toEqual(['TAKEDOWN_FAILED', 'TAKEDOWN_FAILED']);
  expect(await attentionCount()).toBe(before + 2);
  expect(failed[0].last_error).toMatch(/disconnected: delete this post on the network by hand, or reconnect/);
  for (const post of sent) expect(await noteStatus(post.remote_id!)).toBe(200);
  const shown = (await pio.get('/api/reach/social/posts/attention')).body.filter(
    (p: { appealId: string }) => p.appealId === missing.id,
  );
  expect(shown.map((p: { state: string }) => p.state)).toEqual(['TAKEDOWN_FAILED', 'TAKEDOWN_FAILED']);
  // Why, for the desk to say in its words, and the appeal each belongs to.
  expect(shown[0]).toMatchObject({
    failure: { reason: 'ACCOUNT_DISCONNECTED', status: null },
    appeal: { id: missing.id, kind: 'MISSING_PERSON', status: 'RESOLVED' },
    update: null,
  });
  expect(shown[0].appeal.title.fr).toBeTruthy();
  await t.db.query(`DELETE FROM pgboss.job WHERE name = 'reach.social-takedown'`);

  // The same account connected again: the PIO retries, and the takedown goes through.
  await connectFediverseAccount(admin);
  const retried = await pio.post(`/api/reach/social/posts/${sent[0].id}/retry`);
  expect(retried.status).toBe(200);
  // Up, its takedown asked for again: no longer said to have failed, the last failure kept.
  expect(retried.body).toMatchObject({
    state: 'SENT',
    failure: { reason: 'ACCOUNT_DISCONNECTED' },
    nextTryAt: null,
  });
  expect(retried.body.takedownRequestedAt).not.toBeNull();
  expect(await queuedTakedowns()).toEqual([sent[0].id]);
  // Asked once more while on its way: refused, nothing queued twice.
  expect((await pio.post(`/api/reach/social/posts/${sent[0].id}/retry`)).status).toBe(409);
  expect(await queuedTakedowns()).toEqual([sent[0].id]);
  await posting.takeDown(sent[0].id);
  expect((await posts(missing.id))[0].state).toBe('TAKEN_DOWN');
  // Taken down: no longer counted; its sibling still is.
  expect(await attentionCount()).toBe(before + 1);
  expect(await noteStatus(sent[0].remote_id!)).toBe(410);
  const { rows: retriedAudit } = await t.db.query(
    `SELECT count(*)::int AS n FROM audit_event WHERE action = 'reach.social_takedown_retried' AND entity_id = $1`,
    [sent[0].id],
  );
  expect(retriedAudit[0].n).toBe(1);
  // A post taken down is not retried.
  expect((await pio.post(`/api/reach/social/posts/${sent[0].id}/retry`)).status).toBe(409);
});
