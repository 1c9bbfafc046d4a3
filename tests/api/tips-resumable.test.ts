import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import * as tus from 'tus-js-client';
import { ApiClient } from '../support/api-client';
import { startTestApp, TestApp } from '../support/test-app';
import { TipFollowUpService } from '../../apps/api/src/tips/follow-up/tip-follow-up.service';
import { sha256, tipForm } from '../support/tip-client';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

let t: TestApp;
let anon: ApiClient;
let token: string;
let tipCode: string;

/** A real, small MP4 (2 s test pattern) made with ffmpeg. */
function smallVideo(): Buffer {
  const file = join(mkdtempSync(join(tmpdir(), 'vigie-video-')), 'clip.mp4');
  execFileSync('ffmpeg', [
    '-loglevel',
    'error',
    '-f',
    'lavfi',
    '-i',
    'testsrc=duration=2:size=640x360:rate=25',
    '-pix_fmt',
    'yuv420p',
    '-metadata',
    'location=+45.5017-073.5673/',
    file,
  ]);
  return readFileSync(file);
}

function upload(
  data: Buffer,
  options: Partial<tus.UploadOptions> & { stopAfter?: number } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const u = new tus.Upload(data, {
      endpoint: `${t.baseUrl}/api/public/tips/follow-up/uploads`,
      headers: { authorization: `Bearer ${token}` },
      chunkSize: 64 * 1024,
      retryDelays: [],
      metadata: { filename: 'VID.mp4', filetype: 'video/mp4' },
      onError: reject,
      onSuccess: () => resolve(u.url!),
      onProgress: (sent) => {
        if (options.stopAfter && sent >= options.stopAfter) {
          void u.abort().then(() => resolve(u.url!));
        }
      },
      ...options,
    });
    u.start();
  });
}

beforeAll(async () => {
  t = await startTestApp({ TIP_CHALLENGE: 'off', TIP_RATE_LIMIT: '0' });
  anon = new ApiClient(t.baseUrl);
  const receipt = (await anon.post('/api/public/tips', tipForm({ description: 'Vidéo à suivre.' }))).body;
  tipCode = receipt.code;
  token = (await anon.post('/api/public/tips/follow-up', { code: receipt.code, password: receipt.password }))
    .body.token;
});
afterAll(() => t.close());

describe('resumable uploads (tus)', () => {
  it('resumes an interrupted video upload and attaches it to the tip, sealed like any file', async () => {
    const video = smallVideo();
    const url = await upload(video, { stopAfter: Math.floor(video.length / 2) });
    // The connection dropped half-way; the client resumes from where the server got to.
    await upload(video, { uploadUrl: url });

    const { rows } = await t.db.query(
      `SELECT m.kind, m.mime, m.sha256, m.bytes FROM tip_media m JOIN tip t ON t.id = m.tip_id WHERE t.code = $1`,
      [tipCode],
    );
    expect(rows).toEqual([
      { kind: 'video', mime: 'video/mp4', sha256: sha256(video), bytes: String(video.length) },
    ]);
    expect(
      (await anon.get('/api/public/tips/follow-up', { authorization: `Bearer ${token}` })).body.files,
    ).toEqual([{ kind: 'video', receivedAt: expect.any(String) }]);
    // Nothing left in the upload area.
    expect(await readdir(join(t.dataDir, 'media', '.tus'))).toEqual([]);
  });

  it('refuses an upload without a valid token, before storing anything', async () => {
    const res = await fetch(`${t.baseUrl}/api/public/tips/follow-up/uploads`, {
      method: 'POST',
      headers: { 'tus-resumable': '1.0.0', 'upload-length': '100' },
    });
    expect(res.status).toBe(401);
  });

  it('inspects a finished upload like any other file: an executable is refused', async () => {
    const exe = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(100_000, 1)]);
    await expect(upload(exe)).rejects.toThrow(/415/);
    expect(await readdir(join(t.dataDir, 'media', '.tus'))).toEqual([]);
  });

  it('lets the token that started an upload finish it after expiring, and no other expired token', async () => {
    const { rows } = await t.db.query(`SELECT id FROM tip WHERE code = $1`, [tipCode]);
    const tokens = t.app.get(TipFollowUpService).tokens;
    const files = async () =>
      (await t.db.query(`SELECT count(*)::int AS n FROM tip_media WHERE tip_id = $1`, [rows[0].id])).rows[0]
        .n;
    const before = await files();
    const otherExpired = tokens.issue(rows[0].id, Date.now() - 31 * 60_000).token;
    const as = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
    const video = smallVideo();
    // A token with five seconds left, as on a slow connection near its end.
    const issuedAt = Date.now() - 30 * 60_000 + 5_000;
    const ending = tokens.issue(rows[0].id, issuedAt).token;
    const url = await upload(video, { ...as(ending), stopAfter: Math.floor(video.length / 2) });
    await new Promise((r) => setTimeout(r, Math.max(0, issuedAt + 30 * 60_000 - Date.now()) + 500));
    // Another expired token of the same tip does not go on with it...
    await expect(upload(video, { uploadUrl: url, ...as(otherExpired) })).rejects.toThrow(/401/);
    // ...the one that started it does, now expired.
    await upload(video, { uploadUrl: url, ...as(ending) });
    expect(await files()).toBe(before + 1);
    // Nor does an expired token start anything, or go on beyond the upload's life.
    await expect(upload(video, as(ending))).rejects.toThrow(/401/);
    const ancientlyStarted = await upload(video, { stopAfter: Math.floor(video.length / 2) });
    const ancient = tokens.issue(rows[0].id, Date.now() - 25 * 3_600_000).token;
    await expect(upload(video, { uploadUrl: ancientlyStarted, ...as(ancient) })).rejects.toThrow(/401/);
  });
});
