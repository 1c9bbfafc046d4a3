import { randomUUID } from 'node:crypto';
import { access, mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import * as tus from 'tus-js-client';
import { main as sweepCli } from '../../apps/api/src/cli/uploads-sweep';
import { JobQueue } from '../../apps/api/src/jobs/job-queue';
import { MediaStore } from '../../apps/api/src/media/media-store';
import { TIP_MEDIA_JOB, UPLOAD_SWEEP_JOB } from '../../apps/api/src/jobs/job-registry';
import { UploadSweepService } from '../../apps/api/src/tips/uploads/upload-sweep.service';
import { ApiClient } from '../support/api-client';
import { jpegWithGps } from '../support/media-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { sha256, tipForm } from '../support/tip-client';

let t: TestApp;
let token: string;
/** The tip sent through the real intake, with one photo: its files have a row. */
let tip: { id: string; code: string; keys: string[] };

const inMedia = (...parts: string[]) => join(t.dataDir, 'media', ...parts);
const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);
const age = (path: string, hours: number) => utimes(path, hoursAgo(hours), hoursAgo(hours));

/** A file in the media folder, `hours` old. */
async function plant(relative: string, hours: number): Promise<string> {
  const path = inMedia(relative);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, 'left behind');
  await age(path, hours);
  return path;
}

/** Starts a resumable upload through the tus protocol with the follow-up token, and drops it half-way. */
function unfinishedUpload(data: Buffer, uploadUrl?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const u = new tus.Upload(data, {
      endpoint: `${t.baseUrl}/api/public/tips/follow-up/uploads`,
      uploadUrl,
      headers: { authorization: `Bearer ${token}` },
      chunkSize: 16 * 1024,
      retryDelays: [],
      metadata: { filename: 'photo.jpg', filetype: 'image/jpeg' },
      onError: reject,
      onSuccess: () => resolve(u.url!),
      onProgress: (sent) => {
        if (!uploadUrl && sent >= 32 * 1024) void u.abort().then(() => resolve(u.url!));
      },
    });
    u.start();
  });
}
const uploadId = (url: string) => url.split('/').pop()!;
/** Noise, so that the photo is far larger than the 32 KiB sent before the connection drops. */
const noisyPhoto = () =>
  sharp({
    create: {
      width: 800,
      height: 600,
      channels: 3,
      background: '#789',
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
    .jpeg()
    .toBuffer();

beforeAll(async () => {
  t = await startTestApp({ TIP_CHALLENGE: 'off', TIP_RATE_LIMIT: '0' });
  const anon = new ApiClient(t.baseUrl);
  const receipt = (
    await anon.post(
      '/api/public/tips',
      tipForm({ description: 'Photo prise hier soir.' }, [
        { data: await jpegWithGps(640, 480), name: 'a.jpg', type: 'image/jpeg' },
      ]),
    )
  ).body;
  await t.app.get(JobQueue).drain(TIP_MEDIA_JOB);
  const { rows } = await t.db.query(
    `SELECT t.id, m.id AS media_id, m.renditions FROM tip t JOIN tip_media m ON m.tip_id = t.id WHERE t.code = $1`,
    [receipt.code],
  );
  tip = {
    id: rows[0].id,
    code: receipt.code,
    keys: [
      `sealed/tips/${rows[0].id}/${rows[0].media_id}`,
      ...rows[0].renditions.map((r: { key: string }) => r.key),
    ],
  };
  expect(tip.keys.length).toBeGreaterThan(1);
  token = (await anon.post('/api/public/tips/follow-up', { code: receipt.code, password: receipt.password }))
    .body.token;
});
afterAll(() => t.close());

describe('the upload sweep', () => {
  it('removes what failed uploads left behind, and nothing a tip refers to or that may still be in use', async () => {
    // Kept: the tip's own original and renditions, however old.
    for (const key of tip.keys) await age(inMedia(key), 30);
    // Kept: an appeal's image and its rendition, which no tip_media row refers to either.
    const store = t.app.get(MediaStore);
    const appealImage = randomUUID();
    const others = [
      `sealed/appeal-images/${appealImage}`,
      `renditions/appeal-images/${appealImage}/card.webp`,
    ];
    for (const key of others) await plant(key, 30);

    // Sealed by an intake that crashed before its commit, two hours ago: removed, with a rendition.
    const [lostTip, lostMedia] = [randomUUID(), randomUUID()];
    const removed = [
      await plant(`sealed/tips/${lostTip}/${lostMedia}`, 2),
      await plant(`renditions/tips/${lostTip}/${lostMedia}/thumb.webp`, 2),
      // The tip exists, this file of it does not (a follow-up whose transaction failed).
      await plant(`sealed/tips/${tip.id}/${randomUUID()}`, 2),
    ];
    const kept = [
      // An intake between sealing and commit right now.
      await plant(`sealed/tips/${randomUUID()}/${randomUUID()}`, 0.5),
      // Not a key the sweep knows: left alone, whatever its age.
      await plant(`sealed/tips/${randomUUID()}/not-a-media-id`, 30),
    ];

    // Scratch: an upload of a request that died two hours ago, and a crashed job's folder, go;
    // an upload arriving now, and a job's folder where a file was just written, stay.
    const scratch = store.tempFolder();
    removed.push(await plant('.tmp/died-mid-request', 2));
    await plant('.tmp/crashed-job/original', 3);
    await age(join(scratch, 'crashed-job'), 3);
    removed.push(join(scratch, 'crashed-job'));
    kept.push(await plant('.tmp/arriving-now', 0));
    await plant('.tmp/running-job/original', 3);
    kept.push(await plant('.tmp/running-job/out/poster.webp', 0));
    await age(join(scratch, 'running-job'), 3);

    // Resumable uploads: one begun 25 hours ago and abandoned goes; one begun now stays.
    const photo = await noisyPhoto();
    expect(photo.length).toBeGreaterThan(128 * 1024);
    const abandoned = uploadId(await unfinishedUpload(photo));
    const info = JSON.parse(await readFile(inMedia('.tus', `${abandoned}.json`), 'utf8'));
    info.creation_date = hoursAgo(25).toISOString();
    await writeFile(inMedia('.tus', `${abandoned}.json`), JSON.stringify(info));
    removed.push(inMedia('.tus', abandoned), inMedia('.tus', `${abandoned}.json`));
    const inProgressUrl = await unfinishedUpload(photo);
    const inProgress = uploadId(inProgressUrl);
    kept.push(inMedia('.tus', inProgress), inMedia('.tus', `${inProgress}.json`));

    const sweep = t.app.get(UploadSweepService);
    const expected = {
      expiredUploads: 1,
      scratchFiles: 2,
      orphanedOriginals: 2,
      orphanedRenditions: 1,
      failures: 0,
    };
    // A dry run counts and changes nothing.
    expect(await sweep.run({ dryRun: true })).toEqual({ dryRun: true, scope: 'all', ...expected });
    for (const path of [...removed, ...kept])
      expect({ path, there: await exists(path) }).toEqual({ path, there: true });

    // The scheduled job does it.
    const jobs = t.app.get(JobQueue);
    await jobs.send(UPLOAD_SWEEP_JOB, {});
    await jobs.drain(UPLOAD_SWEEP_JOB);
    for (const path of removed) expect({ path, there: await exists(path) }).toEqual({ path, there: false });
    for (const path of kept) expect({ path, there: await exists(path) }).toEqual({ path, there: true });
    for (const key of [...tip.keys, ...others])
      expect({ key, there: await store.exists(key) }).toEqual({ key, there: true });
    expect(await readdir(inMedia('.tus'))).toEqual([inProgress, `${inProgress}.json`].sort());

    // Idempotent: a second run finds nothing more.
    expect(await sweep.run({ dryRun: false })).toEqual({
      dryRun: false,
      scope: 'all',
      expiredUploads: 0,
      scratchFiles: 0,
      orphanedOriginals: 0,
      orphanedRenditions: 0,
      failures: 0,
    });

    // The tipster's upload in progress was not disturbed: it resumes and becomes the tip's file.
    await unfinishedUpload(photo, inProgressUrl);
    const { rows } = await t.db.query(`SELECT sha256 FROM tip_media WHERE tip_id = $1`, [tip.id]);
    expect(rows.map((r) => r.sha256)).toContain(sha256(photo));
  });

  it('leaves an expired upload alone while a request holds its lease (writing or finishing it)', async () => {
    const photo = await noisyPhoto();
    const id = uploadId(await unfinishedUpload(photo));
    const infoPath = inMedia('.tus', `${id}.json`);
    const info = JSON.parse(await readFile(infoPath, 'utf8'));
    await writeFile(infoPath, JSON.stringify({ ...info, creation_date: hoursAgo(25).toISOString() }));
    await t.db.query(
      `INSERT INTO upload_lock (upload_id, holder, expires_at) VALUES ($1, gen_random_uuid(), now() + interval '30 seconds')`,
      [id],
    );
    const sweep = t.app.get(UploadSweepService);
    expect(await sweep.run({ dryRun: false, scope: 'local' })).toMatchObject({ expiredUploads: 0 });
    expect(await exists(infoPath)).toBe(true);
    await t.db.query(`DELETE FROM upload_lock WHERE upload_id = $1`, [id]);
    expect(await sweep.run({ dryRun: false, scope: 'local' })).toMatchObject({ expiredUploads: 1 });
    expect(await exists(infoPath)).toBe(false);
  });

  it('sweeps only its own folders when run as each process does, without the media store', async () => {
    const orphan = await plant(`sealed/tips/${randomUUID()}/${randomUUID()}`, 2);
    const stale = await plant('.tmp/stale', 2);
    const report = await t.app.get(UploadSweepService).run({ dryRun: false, scope: 'local' });
    expect(report).toMatchObject({ scratchFiles: 1, orphanedOriginals: 0 });
    expect(await exists(stale)).toBe(false);
    expect(await exists(orphan)).toBe(true);
    await t.app.get(MediaStore).remove(orphan.slice(inMedia('').length));
  });

  it('runs hourly on a pg-boss schedule', async () => {
    const { rows } = await t.db.query(`SELECT cron, timezone FROM pgboss.schedule WHERE name = $1`, [
      UPLOAD_SWEEP_JOB,
    ]);
    expect(rows).toEqual([{ cron: '23 * * * *', timezone: 'UTC' }]);
  });

  it('runs from the command line: --dry-run counts, then a run removes', async () => {
    const orphan = await plant(`renditions/tips/${randomUUID()}/${randomUUID()}/card.webp`, 2);
    const saved = { DATABASE_URL: process.env.DATABASE_URL, DATA_DIR: process.env.DATA_DIR };
    Object.assign(process.env, { DATABASE_URL: t.databaseUrl, DATA_DIR: t.dataDir });
    const cli = async (...args: string[]) => {
      const lines: string[] = [];
      const code = await sweepCli(args, (l) => lines.push(l));
      return { code, output: lines.join('\n') };
    };
    try {
      const dry = await cli('--dry-run');
      expect(dry.code).toBe(0);
      expect(dry.output).toMatch(/dry run: nothing was changed/);
      expect(dry.output).toMatch(/Would remove 0 sealed original\(s\) and 1 rendition\(s\)/);
      expect(await exists(orphan)).toBe(true);

      const run = await cli();
      expect(run.code).toBe(0);
      expect(run.output).toMatch(/Removed 0 sealed original\(s\) and 1 rendition\(s\)/);
      expect(await exists(orphan)).toBe(false);

      expect((await cli('--now')).code).toBe(1);
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });
});
