import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tus from 'tus-js-client';
import { ApiClient } from '../support/api-client';
import { jpegWithGps } from '../support/media-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { tipForm } from '../support/tip-client';

/*
 * Every upload path is bounded, per tip, over the tip form, the follow-up page and resumable
 * uploads together: a file count and a total size, refused before anything past them is written,
 * with concurrent uploads unable to pass them together; and the follow-up routes are rate limited
 * per tip. Before, one follow-up token took 40 uploads of 10 MB in 8.7 s.
 */

const MB = 1024 * 1024;
let t: TestApp;
let anon: ApiClient;
let photo: Buffer;
let video: Buffer;

beforeAll(async () => {
  t = await startTestApp({
    TIP_CHALLENGE: 'off',
    TIP_RATE_LIMIT: '0',
    TIP_MAX_FILES: '3',
    TIP_FILE_MAX_MB: '1',
    TIP_TOTAL_MAX_MB: '2',
    TIP_FOLLOW_UP_RATE_LIMIT: '8',
    TIP_UPLOAD_RATE_LIMIT: '40',
    // No processing: the scratch folder then holds only what uploads write, which must not stay.
    WORKERS: '0',
  });
  anon = new ApiClient(t.baseUrl);
  photo = await jpegWithGps(300, 200);
  const file = join(mkdtempSync(join(tmpdir(), 'vigie-video-')), 'clip.mp4');
  execFileSync('ffmpeg', [
    ...['-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc=duration=1:size=160x120:rate=10'],
    ...['-pix_fmt', 'yuv420p', file],
  ]);
  video = readFileSync(file);
});
afterAll(() => t.close());

/** A tip sent with `files`, and its follow-up session's Authorization header. */
async function tipWith(files: Buffer[] = []) {
  const sent = await anon.post(
    '/api/public/tips',
    tipForm(
      { description: 'Des fichiers.' },
      files.map((data, i) => ({ data, name: `f${i}.jpg` })),
    ),
  );
  expect(sent.status).toBe(201);
  const { code, password } = sent.body as { code: string; password: string };
  const session = await anon.post('/api/public/tips/follow-up', { code, password });
  expect(session.status).toBe(200);
  return { code, password, auth: { authorization: `Bearer ${session.body.token as string}` } };
}

function media(files: Buffer[]): FormData {
  const form = new FormData();
  files.forEach((data, i) => form.append('files', new Blob([new Uint8Array(data)]), `f${i}.jpg`));
  return form;
}

function tusUpload(data: Buffer, auth: Record<string, string>): Promise<string> {
  return new Promise((resolve) => {
    const u = new tus.Upload(data, {
      endpoint: `${t.baseUrl}/api/public/tips/follow-up/uploads`,
      headers: auth,
      chunkSize: 256 * 1024,
      retryDelays: [],
      onError: (e) => resolve(e.message),
      onSuccess: () => resolve('done'),
    });
    u.start();
  });
}

/** A tus creation alone: what the server answers to a declared length. */
const createUpload = (length: number, auth: Record<string, string>) =>
  fetch(`${t.baseUrl}/api/public/tips/follow-up/uploads`, {
    method: 'POST',
    headers: { ...auth, 'tus-resumable': '1.0.0', 'upload-length': String(length) },
  });

const files = async (folder: '.tmp' | '.tus') =>
  (await readdir(join(t.dataDir, 'media', folder), { withFileTypes: true }).catch(() => []))
    .filter((f) => f.isFile() && !f.name.endsWith('.json'))
    .map((f) => f.name);
const mediaOf = async (code: string) =>
  (
    await t.db.query(
      `SELECT count(*)::int AS n FROM tip_media m JOIN tip t ON t.id = m.tip_id WHERE t.code = $1`,
      [code],
    )
  ).rows[0].n;
const junk = (bytes: number) => Buffer.alloc(bytes, 0x5a);

describe('per-tip limits over every route', () => {
  it('counts files sent with the tip, on the follow-up page and resumably, together', async () => {
    const { code, auth } = await tipWith([photo]);
    expect((await anon.post('/api/public/tips/follow-up/media', media([photo]), auth)).status).toBe(201);
    expect(await tusUpload(video, auth)).toBe('done');
    expect(await mediaOf(code)).toBe(3);

    const fourth = await anon.post('/api/public/tips/follow-up/media', media([photo]), auth);
    expect(fourth.status).toBe(400);
    expect(fourth.body).toMatchObject({ code: 'TOO_MANY_FILES', limits: { maxFiles: 3, usedFiles: 3 } });
    const resumable = await createUpload(video.length, auth);
    expect(resumable.status).toBe(400);
    expect(await resumable.text()).toContain('TOO_MANY_FILES');
    expect(await mediaOf(code)).toBe(3);

    const view = await anon.get('/api/public/tips/follow-up', auth);
    expect(view.body.uploads).toEqual({
      maxFiles: 3,
      maxBytes: 2 * MB,
      usedFiles: 3,
      usedBytes: 2 * photo.length + video.length,
    });
  });

  it('refuses a follow-up upload whose declared length passes the total, before reading it', async () => {
    const { code, auth } = await tipWith([photo]);
    const res = await anon.post(
      '/api/public/tips/follow-up/media',
      media([junk(0.9 * MB), junk(0.9 * MB), junk(0.9 * MB)]),
      auth,
    );
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'TOTAL_TOO_LARGE', limits: { maxBytes: 2 * MB } });
    const tooLong = await createUpload(2 * MB, auth);
    expect(tooLong.status).toBe(413);
    expect(await mediaOf(code)).toBe(1);
    expect(await files('.tmp')).toEqual([]);
    expect(await files('.tus')).toEqual([]);
  });

  it('stops a body of unknown length as soon as it passes the total, and removes what it wrote', async () => {
    const { code, auth } = await tipWith([photo]);
    const boundary = 'vigie-test-boundary';
    const part = (data: Buffer, i: number) =>
      Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="f${i}.jpg"\r\n` +
            `Content-Type: image/jpeg\r\n\r\n`,
        ),
        data,
        Buffer.from('\r\n'),
      ]);
    const body = Buffer.concat([
      // Two files (the tip may take two more), each under 1 MB, together past what the tip has left.
      ...[0, 1].map((i) => part(junk(MB - 1000), i)),
      Buffer.from(`--${boundary}--\r\n`),
    ]);
    // A stream: fetch sends it chunked, with no Content-Length to refuse it by.
    const stream = new ReadableStream({
      start(controller) {
        for (let at = 0; at < body.length; at += 64 * 1024)
          controller.enqueue(body.subarray(at, at + 64 * 1024));
        controller.close();
      },
    });
    const res = await fetch(`${t.baseUrl}/api/public/tips/follow-up/media`, {
      method: 'POST',
      headers: { ...auth, 'content-type': `multipart/form-data; boundary=${boundary}` },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect({ status: res.status, body: await res.json() }).toMatchObject({
      status: 413,
      body: { code: 'TOTAL_TOO_LARGE' },
    });
    expect(await mediaOf(code)).toBe(1);
    expect(await files('.tmp')).toEqual([]);
  });

  it('a resumable upload of deferred length holds one file’s limit, not all the tip has left', async () => {
    const { code, auth } = await tipWith();
    const created = await fetch(`${t.baseUrl}/api/public/tips/follow-up/uploads`, {
      method: 'POST',
      headers: { ...auth, 'tus-resumable': '1.0.0', 'upload-defer-length': '1' },
    });
    expect(created.status).toBe(201);
    const { rows } = await t.db.query(
      `SELECT r.bytes::int AS bytes FROM tip_upload_reservation r JOIN tip t ON t.id = r.tip_id WHERE t.code = $1`,
      [code],
    );
    expect(rows).toEqual([{ bytes: 1 * MB }]);
    // While it is under way (or abandoned), the rest of the tip's total still takes a photo.
    const res = await anon.post('/api/public/tips/follow-up/media', media([photo]), auth);
    expect(res.status).toBe(201);
    expect(await mediaOf(code)).toBe(1);
  });

  it('a new tip is bounded too: more than its total is refused, and no tip is stored', async () => {
    const before = (await t.db.query(`SELECT count(*)::int AS n FROM tip`)).rows[0].n;
    const res = await anon.post(
      '/api/public/tips',
      tipForm({ description: 'Trop de fichiers.' }, [
        { data: junk(0.9 * MB), name: 'a.jpg' },
        { data: junk(0.9 * MB), name: 'b.jpg' },
        { data: junk(0.9 * MB), name: 'c.jpg' },
      ]),
    );
    expect(res.status).toBe(413);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM tip`)).rows[0].n).toBe(before);
    expect(await files('.tmp')).toEqual([]);
  });

  it('concurrent uploads cannot pass the total together', async () => {
    const { auth } = await tipWith([photo]);
    // About 1.95 MB left: two resumable uploads of 1 MB each cannot both fit.
    const answers = await Promise.all([createUpload(MB, auth), createUpload(MB, auth)]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 413]);
    // An upload under way holds its share: a page upload that would need it is refused at once.
    const page = await anon.post('/api/public/tips/follow-up/media', media([junk(MB - 100)]), auth);
    expect(page.status).toBe(413);
    expect(await files('.tmp')).toEqual([]);
  });
});

describe('follow-up rate limits, per tip', () => {
  it('answers 429 with Retry-After past the limit on messages and media, whatever the token', async () => {
    const { code, password, auth } = await tipWith();
    for (let i = 0; i < 8; i++)
      expect((await anon.post('/api/public/tips/follow-up/messages', { body: `n° ${i}` }, auth)).status).toBe(
        201,
      );
    const ninth = await anon.post('/api/public/tips/follow-up/messages', { body: 'encore' }, auth);
    expect(ninth.status).toBe(429);
    expect(Number(ninth.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await anon.post('/api/public/tips/follow-up/media', media([photo]), auth)).status).toBe(429);
    // Signing in again does not start afresh; another tip is not held up.
    const token = (await anon.post('/api/public/tips/follow-up', { code, password })).body.token as string;
    const fresh = { authorization: `Bearer ${token}` };
    expect((await anon.post('/api/public/tips/follow-up/messages', { body: 'bis' }, fresh)).status).toBe(429);
    const other = await tipWith();
    expect((await anon.post('/api/public/tips/follow-up/messages', { body: 'moi' }, other.auth)).status).toBe(
      201,
    );
  });

  it('bounds resumable-upload requests per tip too', async () => {
    const { auth } = await tipWith();
    const head = () =>
      fetch(`${t.baseUrl}/api/public/tips/follow-up/uploads/no-such-upload`, {
        method: 'HEAD',
        headers: { ...auth, 'tus-resumable': '1.0.0' },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 41; i++) statuses.push((await head()).status);
    expect(statuses.slice(0, 40).every((s) => s === 404)).toBe(true);
    expect(statuses[40]).toBe(429);
  });
});
