import { Clock } from '../../apps/api/src/common/clock';
import { DedupeScoreJob } from '../../apps/api/src/dedupe/dedupe-score.job';
import type { TipProfile } from '../../apps/api/src/dedupe/signals/tip-profile';
import { TipMediaJob } from '../../apps/api/src/tips/uploads/tip-media.job';
import { ApiClient } from '../support/api-client';
import { startTestApp, TestApp } from '../support/test-app';
import { reshared, sendTip, streetPhoto, suggestion } from './dedupe-fixtures';

/*
 * A photo tip is scored for duplicates as soon as it arrives, on what is known then (its words,
 * place, time, contact, its files' SHA-256), and again once its photo is processed, when the
 * photo's likeness joins the same suggestion. No worker runs here (WORKERS=0): the test runs each
 * queued job itself, in the order a surge may run them, and checks the queue in between.
 */
let t: TestApp;
let investigator: ApiClient;
let photo: Buffer;
let first: string;

const ARRIVAL = '2026-11-20T20:30:00.000Z'; // 15:30 in Montréal: "hier soir vers 22 h" is yesterday
const SIGHTING =
  'Hier soir vers 22 h, un camion blanc sans plaque arrière stationnait derrière l’entrepôt de la rue Chabanel, deux hommes chargeaient des boîtes de téléviseurs.';
const RESENT =
  'Hier soir vers 22h un camion blanc, sans plaque arrière, était stationné derrière l’entrepôt rue Chabanel. Deux hommes y chargeaient des boîtes de téléviseurs!';

/** The jobs waiting in the queue for this tip or its files, by name (the payload names one or the other). */
async function queued(name: string, data: Record<string, string>): Promise<number> {
  const { rows } = await t.db.query(
    `SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND data @> $2::jsonb AND state = 'created'`,
    [name, JSON.stringify(data)],
  );
  return rows[0].n;
}

/** Runs what a worker would run for these queued jobs, and marks them done as pg-boss would. */
async function runQueued(name: 'dedupe.score' | 'tip-media.process', data: Record<string, string>) {
  const { rows } = await t.db.query(
    `UPDATE pgboss.job SET state = 'completed', completed_on = now()
      WHERE name = $1 AND data @> $2::jsonb AND state = 'created' RETURNING id`,
    [name, JSON.stringify(data)],
  );
  expect(rows.length).toBeGreaterThan(0);
  if (name === 'tip-media.process') return t.app.get(TipMediaJob).process(data.mediaId);
  return t.app.get(DedupeScoreJob).score(data.tipId);
}

async function mediaOf(tipId: string): Promise<{ id: string; state: string }> {
  const { rows } = await t.db.query(`SELECT id, state FROM tip_media WHERE tip_id = $1`, [tipId]);
  return rows[0];
}

/** Sends a photo tip and runs everything it queued, as a quiet machine would. */
async function settledPhotoTip(description: string, data: Buffer): Promise<string> {
  const id = await sendTip(t, { description }, [{ data }]);
  await runQueued('dedupe.score', { tipId: id });
  await runQueued('tip-media.process', { mediaId: (await mediaOf(id)).id });
  await runQueued('dedupe.score', { tipId: id });
  return id;
}

beforeAll(async () => {
  t = await startTestApp({ TIP_CHALLENGE: 'off', TIP_RATE_LIMIT: '0', WORKERS: '0' });
  t.app.get(Clock).set(ARRIVAL);
  investigator = await ApiClient.signedIn(t.baseUrl, 'investigator@demo.test');
  photo = await streetPhoto(303);
  first = await settledPhotoTip(SIGHTING, photo);
});

afterAll(() => t?.close());

describe('a photo tip during a surge', () => {
  let second: string;

  it('is scored on its words as it arrives, before its photo is processed', async () => {
    second = await sendTip(t, { description: RESENT }, [{ data: await reshared.recompressed(photo) }]);
    const media = await mediaOf(second);
    expect(media.state).toBe('PENDING');
    expect(await queued('tip-media.process', { mediaId: media.id })).toBe(1);
    expect(await queued('dedupe.score', { tipId: second })).toBe(1);

    await runQueued('dedupe.score', { tipId: second });

    expect((await mediaOf(second)).state).toBe('PENDING');
    const found = await suggestion(investigator, second, first);
    expect(found?.reasons.map((r) => r.signal)).toEqual(['TEXT']);
  });

  it('gains the photo reason on the same suggestion once processed, with no other event or audit line', async () => {
    const before = await suggestion(investigator, second, first);
    const { rows: audit } = await t.db.query(`SELECT count(*)::int AS n FROM audit_event`);

    await runQueued('tip-media.process', { mediaId: (await mediaOf(second)).id });
    expect(await queued('dedupe.score', { tipId: second })).toBe(1);
    await runQueued('dedupe.score', { tipId: second });

    const after = await suggestion(investigator, second, first);
    expect(after?.reasons.map((r) => r.signal).sort()).toEqual(['NEAR_MEDIA', 'TEXT']);
    expect(after!.score).toBeGreaterThan(before!.score);
    const pair = [first, second].sort();
    const { rows: pairs } = await t.db.query(
      `SELECT count(*)::int AS n FROM duplicate_suggestion WHERE tip_a = $1 AND tip_b = $2`,
      pair,
    );
    expect(pairs[0].n).toBe(1);
    const { rows: events } = await t.db.query(
      `SELECT type FROM live_event WHERE data->>'tipId' = $1 ORDER BY id`,
      [second],
    );
    expect(events.map((e) => e.type)).toEqual(['tip.received', 'tip.media_ready']);
    const { rows: auditAfter } = await t.db.query(`SELECT count(*)::int AS n FROM audit_event`);
    expect(auditAfter[0].n).toBe(audit[0].n);
  });

  it('keeps the photo reason when the run that read the tip before its photo writes last', async () => {
    const third = await sendTip(t, { description: RESENT }, [{ data: await reshared.cropped(photo) }]);
    const job = t.app.get(DedupeScoreJob);
    // The intake's run records what it knows (no photo yet); before it searches, the photo is
    // processed and a second run scores the tip with it. The first run then comes back to write.
    const steps = job as unknown as { recordScreenshotHashes(tip: TipProfile): Promise<void> };
    const between = steps.recordScreenshotHashes.bind(job);
    const spy = jest.spyOn(steps, 'recordScreenshotHashes').mockImplementationOnce(async (tip) => {
      expect(tip.media[0].phash).toBeNull();
      await runQueued('tip-media.process', { mediaId: (await mediaOf(third)).id });
      const later = await runQueued('dedupe.score', { tipId: third });
      expect(later).toMatchObject({ outcome: 'SCORED' });
      return between(tip);
    });

    const stale = await runQueued('dedupe.score', { tipId: third });

    spy.mockRestore();
    expect(stale).toMatchObject({ outcome: 'SUPERSEDED' });
    const found = await suggestion(investigator, third, first);
    expect(found?.reasons.map((r) => r.signal).sort()).toEqual(['NEAR_MEDIA', 'TEXT']);
  });
});
