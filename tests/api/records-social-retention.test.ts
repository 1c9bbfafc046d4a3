import { createHash } from 'node:crypto';
import { verifyAuditLog } from '../../apps/api/src/audit/audit-verifier';
import { MediaStore } from '../../apps/api/src/media/media-store';
import { RetentionService } from '../../apps/api/src/records/retention/retention.service';
import { ApiClient } from '../support/api-client';
import { connectFediverseAccount } from '../support/fediverse-account';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The social archive (what the agency's accounts sent and received, and what its ActivityPub inbox
 * kept) follows the agency's retention policy like the other records: purged after its period,
 * audited with a tombstone that holds no content, its sealed files removed once no message refers
 * to them; another agency's policy is its own.
 */

let t: TestApp;
let admin: ApiClient;
let demoAccount: string;
let secondAccount: string;
let actorId: string;

const count = async (sql: string, params: unknown[] = []) =>
  (await t.db.query(sql, params)).rows[0].n as number;

/** A sealed file as the archive keeps it (social/sealed/<sha256>). */
async function sealed(content: string) {
  const bytes = Buffer.from(content);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const key = `social/sealed/${sha256}`;
  await t.app.get(MediaStore).putBuffer(key, bytes);
  return {
    url: `https://example.social/${sha256}`,
    state: 'SEALED',
    key,
    sha256,
    mime: 'image/jpeg',
    size: 4,
  };
}

/** A message of the archive, `ageDays` old. */
async function message(
  accountId: string,
  ageDays: number,
  extra: { direction?: 'SENT' | 'RECEIVED'; media?: unknown[]; tipId?: string } = {},
): Promise<string> {
  const { rows } = await t.db.query(
    `INSERT INTO social_message (agency_id, account_id, direction, kind, remote_id, url, author_handle, text, at, media, tip_id, archived_at)
     SELECT agency_id, id, $2::text, CASE WHEN $2::text = 'SENT' THEN 'POST' ELSE 'REPLY' END, gen_random_uuid()::text, NULL,
            '@someone@example.social', 'Je l’ai vue près du parc', now() - make_interval(days => $3::int), $4::jsonb, $5::uuid, now()
       FROM social_account WHERE id = $1
     RETURNING id`,
    [
      accountId,
      extra.direction ?? 'RECEIVED',
      ageDays,
      JSON.stringify(extra.media ?? []),
      extra.tipId ?? null,
    ],
  );
  return rows[0].id;
}

beforeAll(async () => {
  t = await startTestApp({ SOCIAL_ALLOW_INSECURE_SERVICE: 'true' });
  admin = await ApiClient.signedIn(t.baseUrl, 'admin@demo.test');
  // The agency's fediverse actor, connected as its MASTODON account (the real connect path).
  const connected = await connectFediverseAccount(admin);
  actorId = connected.actor.accountId;
  demoAccount = connected.accountId;
  const { rows } = await t.db.query(
    // Disconnected since (its secret erased): its archive stays, under its agency's policy.
    `INSERT INTO social_account (agency_id, network, service_url, handle, account_id, secret_enc, connected_by, connected_at, disconnected_at)
     SELECT u.agency_id, 'BLUESKY', 'https://bsky.social', 'second.bsky.social', 'did:plc:second', '', u.id, now(), now()
       FROM staff_user u WHERE u.email = 'pio@second.test' RETURNING id`,
  );
  secondAccount = rows[0].id;
});
afterAll(() => t.close());

it('takes the social period in the policy from an administrator, refusing a bad one and changing nothing', async () => {
  for (const socialDays of [0, -3, 1.5, 'thirty', 36_501])
    expect(
      (
        await admin.request('PUT', '/api/records/retention-policy', {
          notActionableDays: null,
          closedDays: null,
          socialDays,
        })
      ).status,
    ).toBe(400);
  expect((await admin.get('/api/records/retention-policy')).body).toMatchObject({
    socialDays: 1825,
    agency: { socialDays: null },
    defaults: { socialDays: 1825 },
  });
  const saved = await admin.request('PUT', '/api/records/retention-policy', {
    notActionableDays: null,
    closedDays: null,
    socialDays: 30,
  });
  expect(saved.status).toBe(200);
  expect(saved.body).toMatchObject({ socialDays: 30, agency: { socialDays: 30 } });
  // A client that does not know the archive's period leaves it as it is.
  const older = await admin.request('PUT', '/api/records/retention-policy', {
    notActionableDays: null,
    closedDays: null,
  });
  expect(older.status).toBe(200);
  expect(older.body).toMatchObject({ socialDays: 30, agency: { socialDays: 30 } });
});

it('purges the messages and inbox copies past the period, and the files only they refer to, with a tombstone', async () => {
  const shared = await sealed('shared photo');
  const alone = await sealed('photo of the old reply only');
  const oldSent = await message(demoAccount, 60, { direction: 'SENT' });
  const oldReply = await message(demoAccount, 60, { media: [alone, shared] });
  const youngReply = await message(demoAccount, 5, { media: [shared] });
  // Being made a tip at this moment (social-archive.service.ts): left to it.
  const beingTip = await message(demoAccount, 60, { tipId: '00000000-0000-0000-0000-000000000000' });
  // The second agency follows the five-year default.
  const otherAgency = await message(secondAccount, 60);
  for (const [uri, age] of [
    ['https://example.social/notes/old', 60],
    ['https://example.social/notes/young', 5],
  ] as const)
    await t.db.query(
      `INSERT INTO activitypub_received (actor_id, object_uri, kind, author, text, received_at)
       VALUES ($1, $2, 'DIRECT_MESSAGE', '@someone@example.social', 'Un message privé', now() - make_interval(days => $3))`,
      [actorId, uri, age],
    );

  // The preview changes nothing.
  const preview = await admin.get('/api/records/retention/preview');
  expect(preview.body.socialArchive).toEqual({
    due: { messages: 2, inbox: 1 },
    purged: { messages: 0, inbox: 0 },
  });
  expect(await count(`SELECT count(*)::int AS n FROM social_message`)).toBe(5);

  const report = await t.app.get(RetentionService).run({ dryRun: false, trigger: 'cli' });
  expect(report.socialArchive).toEqual({
    due: { messages: 2, inbox: 1 },
    purged: { messages: 2, inbox: 1 },
  });
  const left = (await t.db.query(`SELECT id FROM social_message ORDER BY id`)).rows.map((r) => r.id);
  expect(left.sort()).toEqual([youngReply, beingTip, otherAgency].sort());
  expect(left).not.toContain(oldSent);
  expect(left).not.toContain(oldReply);
  expect(
    (await t.db.query(`SELECT object_uri FROM activitypub_received`)).rows.map((r) => r.object_uri),
  ).toEqual(['https://example.social/notes/young']);

  const store = t.app.get(MediaStore);
  expect(await store.exists(alone.key)).toBe(false);
  expect(await store.exists(shared.key)).toBe(true);
  expect(report.filesRemoved).toBe(1);
  expect(report.fileErrors).toEqual([]);

  const { rows: tombstones } = await t.db.query(
    `SELECT actor_id, entity_type, data FROM audit_event WHERE action = 'retention.purged' ORDER BY id`,
  );
  const month = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 7);
  expect(tombstones).toEqual([
    {
      actor_id: null,
      entity_type: 'social_archive',
      data: {
        record: 'social_message',
        count: 2,
        sent: 1,
        received: 1,
        fromMonth: expect.any(String),
        toMonth: expect.any(String),
        policy: { days: 30, source: 'agency' },
        trigger: 'cli',
      },
    },
    {
      actor_id: null,
      entity_type: 'social_archive',
      data: {
        record: 'activitypub_received',
        count: 1,
        fromMonth: expect.any(String),
        toMonth: expect.any(String),
        trigger: 'cli',
      },
    },
  ]);
  expect([month(61), month(60), month(59)]).toContain(tombstones[0].data.fromMonth);
  // No text, author or file name in the log.
  expect(JSON.stringify(tombstones)).not.toMatch(/parc|someone|privé|sealed/);
  expect((await verifyAuditLog(t.db)).breaks).toEqual([]);

  // Run again: nothing more is due.
  const again = await t.app.get(RetentionService).run({ dryRun: false, trigger: 'cli' });
  expect(again.socialArchive.purged).toEqual({ messages: 0, inbox: 0 });
});
