import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tus from 'tus-js-client';
import { ApiClient } from '../support/api-client';
import { appealBody } from '../support/appeal-factory';
import { jpegWithGps, upload } from '../support/media-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { tipForm } from '../support/tip-client';

/*
 * Media that is not what it says is refused at once, on every upload route, with the same rule
 * (media/upload-inspection.ts): a 422 with a code the form can act on, naming the file, and
 * nothing stored. Before, polyglots passed everywhere, and a truncated JPEG or a broken MP4 passed
 * the tip and follow-up routes, to fail later in processing.
 */

let t: TestApp;
let anon: ApiClient;
let photo: Buffer;
let video: Buffer;

const ZIP_END = Buffer.concat([Buffer.from([0x50, 0x4b, 0x05, 0x06]), Buffer.alloc(18)]);
const HTML = Buffer.from('<html><body><script>alert(document.domain)</script></body></html>');

function smallVideo(): Buffer {
  const file = join(mkdtempSync(join(tmpdir(), 'vigie-video-')), 'clip.mp4');
  execFileSync('ffmpeg', [
    ...['-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc=duration=2:size=320x240:rate=25'],
    ...['-pix_fmt', 'yuv420p', file],
  ]);
  return readFileSync(file);
}

beforeAll(async () => {
  t = await startTestApp({ TIP_CHALLENGE: 'off', TIP_RATE_LIMIT: '0' });
  anon = new ApiClient(t.baseUrl);
  photo = await jpegWithGps(800, 600);
  video = smallVideo();
});
afterAll(() => t.close());

const bad: [string, () => Buffer, string, string][] = [
  ['a JPEG+ZIP polyglot', () => Buffer.concat([photo, ZIP_END]), 'photo.jpg', 'HIDDEN_DATA'],
  ['a JPEG+HTML polyglot', () => Buffer.concat([photo, HTML]), 'photo.jpg', 'HIDDEN_DATA'],
  ['a truncated JPEG', () => photo.subarray(0, Math.floor(photo.length * 0.6)), 'photo.jpg', 'DAMAGED'],
  ['an MP4 cut short', () => video.subarray(0, Math.floor(video.length * 0.7)), 'clip.mp4', 'DAMAGED'],
  [
    'an MP4 whose index is zeroed',
    () => {
      const broken = Buffer.from(video);
      const moov = broken.indexOf(Buffer.from('moov'));
      return broken.fill(0, moov + 4, moov + 300);
    },
    'clip.mp4',
    'DAMAGED',
  ],
];

const counts = async () =>
  (
    await t.db.query(
      `SELECT (SELECT count(*) FROM tip)::int AS tips, (SELECT count(*) FROM tip_media)::int AS media`,
    )
  ).rows[0];
/** Upload scratch files left behind (processing jobs' work folders, of earlier tips, are not uploads). */
const scratch = async (folder: '.tmp' | '.tus') =>
  (await readdir(join(t.dataDir, 'media', folder), { withFileTypes: true }).catch(() => []))
    .filter((f) => f.isFile())
    .map((f) => f.name);

async function receipt() {
  const sent = await anon.post('/api/public/tips', tipForm({ description: 'Suivi avec des fichiers.' }));
  const { code, password } = sent.body as { code: string; password: string };
  const signedIn = await anon.post('/api/public/tips/follow-up', { code, password });
  return { authorization: `Bearer ${signedIn.body.token as string}` };
}

describe('the tip form', () => {
  it.each(bad)('refuses %s with 422, naming the file, and stores no tip', async (_name, make, name, code) => {
    const before = await counts();
    const res = await anon.post(
      '/api/public/tips',
      tipForm({ description: 'Avec deux fichiers.' }, [
        { data: photo, name: 'good.jpg', type: 'image/jpeg' },
        { data: make(), name, type: 'application/octet-stream' },
      ]),
    );
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code, file: 1 });
    expect(await counts()).toEqual(before);
    expect(await scratch('.tmp')).toEqual([]);
  });

  it('still takes a sound photo and video', async () => {
    const res = await anon.post(
      '/api/public/tips',
      tipForm({ description: 'Tout va bien.' }, [
        { data: photo, name: 'a.jpg' },
        { data: video, name: 'b.mp4' },
      ]),
    );
    expect(res.status).toBe(201);
  });
});

describe('the follow-up page', () => {
  it.each(bad)('refuses %s with 422 and records nothing', async (_name, make, name, code) => {
    const auth = await receipt();
    const before = await counts();
    const form = new FormData();
    form.append('files', new Blob([new Uint8Array(make())]), name);
    const res = await anon.post('/api/public/tips/follow-up/media', form, auth);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code, file: 0 });
    expect(await counts()).toEqual(before);
    expect(await scratch('.tmp')).toEqual([]);
  });
});

describe('resumable uploads', () => {
  it.each(bad)('refuse %s with 422 when it finishes, and keep nothing', async (_name, make, _file, code) => {
    const auth = await receipt();
    const before = await counts();
    const failure = await new Promise<Error>((resolve, reject) => {
      const u = new tus.Upload(make(), {
        endpoint: `${t.baseUrl}/api/public/tips/follow-up/uploads`,
        headers: auth,
        chunkSize: 64 * 1024,
        retryDelays: [],
        onError: resolve,
        onSuccess: () => reject(new Error('accepted')),
      });
      u.start();
    });
    expect(failure.message).toMatch(/response code: 422/);
    expect(failure.message).toContain(code);
    expect(await counts()).toEqual(before);
    expect(await scratch('.tus')).toEqual([]);
  });
});

describe('appeal images', () => {
  it.each(bad.slice(0, 3))('refuse %s with 422', async (_name, make, name, code) => {
    const pio = await ApiClient.signedIn(t.baseUrl, 'pio@demo.test');
    const draftId = (await pio.post('/api/appeals', appealBody())).body.id;
    const images = async () => (await t.db.query(`SELECT count(*)::int AS n FROM appeal_image`)).rows[0].n;
    const before = await images();
    const res = await pio.post(
      `/api/appeals/${draftId}/images`,
      upload('file', make(), name, 'image/jpeg', { isComposite: 'false' }),
    );
    expect(res.status).toBe(422);
    expect(res.body.code).toBe(code);
    expect(await images()).toBe(before);
  });
});
