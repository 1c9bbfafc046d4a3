import { AppealKind } from '@vigie/common';
import { noteHtml } from '../../apps/api/src/reach/social/networks/mastodon/activity-documents';
import { SocialPosting } from '../../apps/api/src/reach/social/posting/social-posting.service';
import { ApiClient } from '../support/api-client';
import { connectFediverseAccount } from '../support/fediverse-account';
import { approvedWithPostsQueued } from '../support/social-posting';
import { freePort } from '../support/free-port';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * What a supervisor approves for an update, and what resolving will post, is what the network then
 * gets: the preview (GET …/updates/:id/preview, …/resolution/preview) against the notes the agency's
 * fediverse actor serves to followers' servers (a real network client; its notes are what Mastodon
 * fetches). The app runs without workers, so the publication's listener and send job run when the
 * test says, as in reach-takedowns.
 */

let t: TestApp;
let pio: ApiClient;
let supervisor: ApiClient;
let otherSupervisor: ApiClient;
let investigator: ApiClient;
let posting: SocialPosting;
let accountId: string;

interface PreviewPost {
  language: 'fr' | 'en';
  text: string;
  length: number;
  link: string;
  image: unknown;
  shortened: boolean;
  problem: string | null;
}

beforeAll(async () => {
  const port = await freePort();
  t = await startTestApp(
    { PUBLIC_URL: `http://127.0.0.1:${port}`, SOCIAL_ALLOW_INSECURE_SERVICE: 'true', WORKERS: '0' },
    { port },
  );
  pio = await ApiClient.signedIn(t.baseUrl, 'pio@demo.test');
  supervisor = await ApiClient.signedIn(t.baseUrl, 'supervisor@demo.test');
  otherSupervisor = await ApiClient.signedIn(t.baseUrl, 'supervisor@second.test');
  investigator = await ApiClient.signedIn(t.baseUrl, 'investigator@demo.test');
  const admin = await ApiClient.signedIn(t.baseUrl, 'admin@demo.test');
  posting = t.app.get(SocialPosting);
  ({ accountId } = await connectFediverseAccount(admin));
});
afterAll(() => t.close());

/** Published, and its first posts sent (French, English under it). */
async function posted(kind: AppealKind) {
  const appeal = await approvedWithPostsQueued(t, pio, supervisor, kind);
  await posting.send({ accountId, appealId: appeal.id, publication: 'APPROVED' });
  return appeal;
}

const sentPosts = async (appealId: string, publication: string) =>
  (
    await t.db.query(
      `SELECT text, link, state, remote_id, url FROM social_post
        WHERE appeal_id = $1 AND publication = $2 ORDER BY position`,
      [appealId, publication],
    )
  ).rows as { text: string; link: string; state: string; remote_id: string; url: string }[];

/** The note as a follower's server fetches it from the agency's actor. */
async function note(remoteId: string) {
  const res = await fetch(`${t.baseUrl}${new URL(remoteId).pathname}`, {
    headers: { accept: 'application/activity+json' },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as {
    content: string;
    contentMap: Record<string, string>;
    inReplyTo: string | null;
  };
}

/** Each previewed post is the note the network serves: same words, link, language and place in the thread. */
async function expectReceived(
  previewed: PreviewPost[],
  sent: { remote_id: string }[],
  parent: string | null,
) {
  expect(sent).toHaveLength(previewed.length);
  for (const [i, post] of previewed.entries()) {
    const served = await note(sent[i].remote_id);
    expect(served.content).toBe(noteHtml(post.text, post.link));
    expect(Object.keys(served.contentMap)).toEqual([post.language]);
    // French under the thread's last post, English under the French.
    expect(served.inReplyTo).toBe(i === 0 ? parent : sent[0].remote_id);
  }
}

it('shows the supervisor the posts an update will make, and posts exactly those under the appeal', async () => {
  const wanted = await posted(AppealKind.WANTED);
  const [, firstEn] = await sentPosts(wanted.id, 'APPROVED');
  expect(firstEn.state).toBe('SENT');

  // Long enough that the fediverse's 500 characters shorten it.
  const long = {
    fr: 'Nouvelle photo du suspect. '.repeat(30).trim(),
    en: 'New photo of the suspect. '.repeat(30).trim(),
  };
  const filed = await pio.post(`/api/appeals/${wanted.id}/updates`, { kind: 'UPDATE', text: long });
  expect(filed.status).toBe(201);
  const updateId: string = filed.body.updates.find((u: { state: string }) => u.state === 'IN_REVIEW').id;
  const path = `/api/reach/social/appeals/${wanted.id}/updates/${updateId}/preview`;

  const preview = await supervisor.get(path);
  expect(preview.status).toBe(200);
  expect(preview.body.publication).toBe(`UPDATE:${updateId}`);
  const [account] = preview.body.accounts;
  expect(account).toMatchObject({
    accountId,
    network: 'MASTODON',
    maxTextLength: 500,
    takesDown: 0,
    replyTo: { language: 'en', url: firstEn.url, state: 'SENT' },
  });
  const [fr, en] = account.posts as PreviewPost[];
  expect(fr).toMatchObject({ language: 'fr', shortened: true, problem: null, image: null });
  expect(en).toMatchObject({ language: 'en', shortened: true, problem: null, image: null });
  expect(fr.text).toMatch(/^Mise à jour : /);
  expect(fr.text).toContain('#Recherché');
  expect(en.text).toContain('#Wanted');
  expect(en.link).toMatch(/\?lang=en$/);
  for (const post of [fr, en]) expect(post.length).toBeLessThanOrEqual(500);
  // The PIO who wrote it sees the same preview; reading it changes nothing.
  expect((await pio.get(path)).body).toEqual(preview.body);
  expect(await sentPosts(wanted.id, `UPDATE:${updateId}`)).toEqual([]);

  expect((await supervisor.post(`/api/appeals/${wanted.id}/updates/${updateId}/approve`)).status).toBe(200);
  await posting.onPublication({ appealId: wanted.id, agencyId: wanted.agencyId, event: 'UPDATE', updateId });
  await posting.send({ accountId, appealId: wanted.id, publication: `UPDATE:${updateId}` });
  const sent = await sentPosts(wanted.id, `UPDATE:${updateId}`);
  expect(sent.map((p) => [p.state, p.text])).toEqual([
    ['SENT', fr.text],
    ['SENT', en.text],
  ]);
  await expectReceived([fr, en], sent, firstEn.remote_id);

  // Approved: no longer a preview of anything (409); unknown, another agency's, or not a uuid: 404/400.
  expect((await supervisor.get(path)).body).toMatchObject({ code: 'UPDATE_NOT_PENDING' });
  expect((await supervisor.get(path)).status).toBe(409);
  const unknown = await supervisor.get(
    `/api/reach/social/appeals/${wanted.id}/updates/00000000-0000-4000-8000-000000000000/preview`,
  );
  expect(unknown.status).toBe(404);
  expect((await otherSupervisor.get(path)).status).toBe(404);
  expect((await supervisor.get(`/api/reach/social/appeals/${wanted.id}/updates/nope/preview`)).status).toBe(
    400,
  );
  expect((await investigator.get(path)).status).toBe(403);

  // --- The resolution: what confirming the outcome posts, under the update's English post.
  const resolutionPath = `/api/reach/social/appeals/${wanted.id}/resolution/preview`;
  for (const bad of ['', '?outcome=CAUGHT', '?outcome=arrested'])
    expect((await pio.get(`${resolutionPath}${bad}`)).status).toBe(400);
  expect((await otherSupervisor.get(`${resolutionPath}?outcome=ARRESTED`)).status).toBe(404);
  const outcome = await pio.get(`${resolutionPath}?outcome=ARRESTED`);
  expect(outcome.status).toBe(200);
  expect(outcome.body.publication).toBe('RESOLVED');
  expect(outcome.body.accounts[0]).toMatchObject({
    takesDown: 0,
    replyTo: { language: 'en', url: sent[1].url },
  });
  const [outcomeFr, outcomeEn] = outcome.body.accounts[0].posts as PreviewPost[];
  expect(outcomeFr.text).toMatch(/^Arrestation : /);
  expect(outcomeEn.text).toMatch(/^Arrested: /);

  expect((await pio.post(`/api/appeals/${wanted.id}/resolve`, { outcome: 'ARRESTED' })).status).toBe(200);
  await posting.onPublication({
    appealId: wanted.id,
    agencyId: wanted.agencyId,
    event: 'RESOLVED',
    versionNo: 2,
  });
  await posting.send({ accountId, appealId: wanted.id, publication: 'RESOLVED' });
  const resolved = await sentPosts(wanted.id, 'RESOLVED');
  expect(resolved.map((p) => p.text)).toEqual([outcomeFr.text, outcomeEn.text]);
  await expectReceived([outcomeFr, outcomeEn], resolved, sent[1].remote_id);

  // Resolved: nothing left to preview.
  expect((await pio.get(`${resolutionPath}?outcome=ARRESTED`)).body).toMatchObject({ code: 'NOT_PUBLISHED' });
});

it('says which posts come down before a found person’s outcome, which then starts a new thread', async () => {
  const missing = await posted(AppealKind.MISSING_PERSON);
  const first = await sentPosts(missing.id, 'APPROVED');
  const preview = await supervisor.get(
    `/api/reach/social/appeals/${missing.id}/resolution/preview?outcome=FOUND_SAFE`,
  );
  expect(preview.status).toBe(200);
  const [account] = preview.body.accounts;
  expect(account).toMatchObject({ takesDown: 2, replyTo: null });
  const posts = account.posts as PreviewPost[];
  // The outcome, not the person's name.
  for (const post of posts) expect(post.text).not.toContain('Marc Gagnon');

  expect((await pio.post(`/api/appeals/${missing.id}/resolve`, { outcome: 'FOUND_SAFE' })).status).toBe(200);
  await posting.onPublication({
    appealId: missing.id,
    agencyId: missing.agencyId,
    event: 'RESOLVED',
    versionNo: 2,
  });
  // Its takedowns are queued (the app runs no workers); the outcome does not answer a post coming down.
  await posting.send({ accountId, appealId: missing.id, publication: 'RESOLVED' });
  const outcome = await sentPosts(missing.id, 'RESOLVED');
  expect(outcome.map((p) => p.text)).toEqual(posts.map((p) => p.text));
  await expectReceived(posts, outcome, null);
  const { rows } = await t.db.query(
    `SELECT count(*)::int AS n FROM social_post WHERE appeal_id = $1 AND publication = 'APPROVED' AND takedown_requested_at IS NOT NULL`,
    [missing.id],
  );
  expect(rows[0].n).toBe(first.length);
});
