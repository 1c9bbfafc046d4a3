import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { randomUUID } from 'node:crypto';
import { ApiClient } from '../support/api-client';
import { carriesNoMetadata, jpegWithGps } from '../support/media-fixtures';
import { startS3 } from '../support/s3-server';
import { startTestApp, TestApp } from '../support/test-app';
import { sha256, tipForm } from '../support/tip-client';
import { JobQueue } from '../../apps/api/src/jobs/job-queue';
import { TIP_MEDIA_JOB } from '../../apps/api/src/jobs/job-registry';
import { UploadSweepService } from '../../apps/api/src/tips/uploads/upload-sweep.service';

let s3: Awaited<ReturnType<typeof startS3>>;
let t: TestApp;
let client: S3Client;

beforeAll(async () => {
  s3 = await startS3();
  t = await startTestApp({ ...s3.env, TIP_CHALLENGE: 'off', TIP_RATE_LIMIT: '0' });
  client = new S3Client({
    endpoint: s3.env.S3_ENDPOINT,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
});
afterAll(async () => {
  await t.close();
  await s3.stop();
});

const object = async (key: string) =>
  Buffer.from(
    await (
      await client.send(new GetObjectCommand({ Bucket: s3.env.S3_BUCKET, Key: key }))
    ).Body!.transformToByteArray(),
  );

it('seals tip photos in S3 before the 201, and processes them from there', async () => {
  const photo = await jpegWithGps();
  const res = await new ApiClient(t.baseUrl).post(
    '/api/public/tips',
    tipForm({ description: 'Sur S3' }, [{ data: photo, name: 'a.jpg', type: 'image/jpeg' }]),
  );
  expect(res.status).toBe(201);
  const { rows } = await t.db.query(
    `SELECT m.id, m.tip_id FROM tip_media m JOIN tip t ON t.id = m.tip_id WHERE t.code = $1`,
    [res.body.code],
  );
  const sealedKey = `sealed/tips/${rows[0].tip_id}/${rows[0].id}`;
  expect(
    sha256(
      await object(sealedKey).catch((e) => {
        throw new Error(`sealed ${sealedKey}: ${e}`);
      }),
    ),
  ).toBe(sha256(photo));

  await t.app.get(JobQueue).drain(TIP_MEDIA_JOB);
  const { rows: done } = await t.db.query(`SELECT state, renditions FROM tip_media WHERE id = $1`, [
    rows[0].id,
  ]);
  expect(done[0].state).toBe('READY');
  for (const r of done[0].renditions)
    expect(
      carriesNoMetadata(
        await object(r.key).catch((e) => {
          throw new Error(`rendition ${r.key}: ${e}`);
        }),
      ),
    ).toBe(true);
});

it('sweeps sealed files no tip refers to out of S3, and keeps every file a tip refers to', async () => {
  const res = await new ApiClient(t.baseUrl).post(
    '/api/public/tips',
    tipForm({ description: 'Sur S3, encore' }, [
      { data: await jpegWithGps(), name: 'b.jpg', type: 'image/jpeg' },
    ]),
  );
  await t.app.get(JobQueue).drain(TIP_MEDIA_JOB);
  const { rows } = await t.db.query(
    `SELECT m.id, m.tip_id, m.renditions FROM tip_media m JOIN tip t ON t.id = m.tip_id WHERE t.code = $1`,
    [res.body.code],
  );
  const referenced = [
    `sealed/tips/${rows[0].tip_id}/${rows[0].id}`,
    ...rows[0].renditions.map((r: { key: string }) => r.key),
  ];
  const [lostTip, lostMedia] = [randomUUID(), randomUUID()];
  const orphans = [
    `sealed/tips/${lostTip}/${lostMedia}`,
    `renditions/tips/${lostTip}/${lostMedia}/thumb.webp`,
  ];
  const young = `sealed/tips/${randomUUID()}/${randomUUID()}`;
  for (const key of [...orphans, young])
    await client.send(new PutObjectCommand({ Bucket: s3.env.S3_BUCKET, Key: key, Body: 'left behind' }));
  const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
  for (const key of [...referenced, ...orphans]) await s3.backdate(key, twoHoursAgo);

  const report = await t.app.get(UploadSweepService).run({ dryRun: false });
  expect(report).toMatchObject({ orphanedOriginals: 1, orphanedRenditions: 1, failures: 0 });
  const stored = async (key: string) =>
    object(key).then(
      () => true,
      () => false,
    );
  for (const key of orphans) expect({ key, stored: await stored(key) }).toEqual({ key, stored: false });
  for (const key of [...referenced, young])
    expect({ key, stored: await stored(key) }).toEqual({ key, stored: true });
});
