import type { TipDetail } from '@vigie/common';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JobQueue } from '../../apps/api/src/jobs/job-queue';
import { TIP_MEDIA_JOB } from '../../apps/api/src/jobs/job-registry';
import { iphoneHevcMov } from '../../apps/api/src/media/processing/processing.fixtures';
import { ApiClient } from '../support/api-client';
import { jpegWithGps } from '../support/media-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { tipForm } from '../support/tip-client';

/**
 * Staff watch a tipster's video in the desk: an iPhone's HEVC recording (which Chromium and Firefox
 * cannot play) becomes an H.264/AAC MP4 with no tag left, served to staff only, by byte range so
 * the player seeks; the evidence arrives as typed fields the desk labels.
 */
let t: TestApp;
let investigator: ApiClient;
let tip: TipDetail;
const scratch = mkdtempSync(join(tmpdir(), 'vigie-playback-'));

beforeAll(async () => {
  t = await startTestApp({ TIP_CHALLENGE: 'off', TIP_RATE_LIMIT: '0' });
  investigator = await ApiClient.signedIn(t.baseUrl, 'investigator@demo.test');
  const video = readFileSync(iphoneHevcMov(scratch));
  const receipt = await new ApiClient(t.baseUrl).post(
    '/api/public/tips',
    tipForm({ description: 'Vidéo du stationnement, hier soir.' }, [
      { data: video, name: 'IMG_0420.MOV', type: 'video/quicktime' },
      { data: await jpegWithGps(), name: 'IMG_0421.JPG', type: 'image/jpeg' },
    ]),
  );
  expect(receipt.status).toBe(201);
  await t.app.get(JobQueue).drain(TIP_MEDIA_JOB);
  const { rows } = await t.db.query(`SELECT id FROM tip WHERE code = $1`, [receipt.body.code]);
  tip = (await investigator.get(`/api/tips/${rows[0].id}`)).body;
});
afterAll(() => t.close());

const video = () => tip.media.find((m) => m.kind === 'video')!;
const playable = () => video().renditions.find((r) => r.playable)!;

/** The rendition's bytes as a browser gets them, with the investigator's cookies. */
async function fetchBytes(client: ApiClient | null, url: string, headers: Record<string, string> = {}) {
  const cookie = client ? [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') : '';
  const res = await fetch(t.baseUrl + url, { headers: { ...headers, ...(cookie ? { cookie } : {}) } });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

function ffprobe(data: Buffer) {
  const path = join(scratch, `probe-${Math.random().toString(36).slice(2)}`);
  writeFileSync(path, data);
  const out = execFileSync('ffprobe', [
    '-v',
    'error',
    '-print_format',
    'json',
    '-show_format',
    '-show_streams',
    path,
  ]);
  return JSON.parse(out.toString()) as {
    format: { tags?: Record<string, string>; duration: string };
    streams: { codec_type: string; codec_name: string; tags?: Record<string, string> }[];
  };
}

describe('a tipster’s video in the desk', () => {
  it('has a poster and a playable copy beside the clean one', () => {
    expect(video().state).toBe('READY');
    expect(video().renditions.map((r) => `${r.name}.${r.format}${r.playable ? ' ▶' : ''}`)).toEqual([
      'poster.webp',
      'clean.mov',
      'play.mp4 ▶',
    ]);
    expect(playable()).toMatchObject({ width: 360, height: 640 });
  });

  it('plays as H.264 and AAC in MP4, with no tag saying where, when or with what', async () => {
    const res = await fetchBytes(investigator, playable().url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('video/mp4');
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(Number(res.headers.get('content-length'))).toBe(res.body.length);
    const probe = ffprobe(res.body);
    expect(probe.streams.map((s) => `${s.codec_type}:${s.codec_name}`).sort()).toEqual([
      'audio:aac',
      'video:h264',
    ]);
    expect(Math.abs(Number(probe.format.duration) - 3)).toBeLessThan(0.2);
    const tags = [probe.format.tags ?? {}, ...probe.streams.map((s) => s.tags ?? {})].flatMap(Object.keys);
    expect(
      tags.filter((k) => /location|creation_time|make|model|software|iso6709|date|author|title/i.test(k)),
    ).toEqual([]);
    expect(res.body.includes(Buffer.from('+45.5088'))).toBe(false);
    expect(res.body.includes(Buffer.from('iPhone'))).toBe(false);
  });

  it('answers byte ranges with 206, so the player seeks; a range past the end gets 416', async () => {
    const whole = (await fetchBytes(investigator, playable().url)).body;
    const part = await fetchBytes(investigator, playable().url, { range: 'bytes=100-1099' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-1099/${whole.length}`);
    expect(part.headers.get('content-length')).toBe('1000');
    expect(part.body.equals(whole.subarray(100, 1100))).toBe(true);

    const tail = await fetchBytes(investigator, playable().url, { range: 'bytes=-500' });
    expect(tail.status).toBe(206);
    expect(tail.body.equals(whole.subarray(whole.length - 500))).toBe(true);

    const open = await fetchBytes(investigator, playable().url, { range: `bytes=${whole.length - 10}-` });
    expect(open.headers.get('content-range')).toBe(
      `bytes ${whole.length - 10}-${whole.length - 1}/${whole.length}`,
    );

    const past = await fetchBytes(investigator, playable().url, { range: `bytes=${whole.length + 5}-` });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${whole.length}`);
    expect(past.body.length).toBe(0);

    // A malformed header or several ranges: the whole file, as RFC 9110 allows.
    for (const range of ['bytes=abc', 'items=0-10', 'bytes=0-10,20-30'])
      expect((await fetchBytes(investigator, playable().url, { range })).status).toBe(200);
  });

  it('serves the poster frame as a webp', async () => {
    const poster = video().renditions.find((r) => r.name === 'poster')!;
    const res = await fetchBytes(investigator, poster.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/webp');
    expect(res.body.subarray(8, 12).toString()).toBe('WEBP');
  });

  it('is for this agency’s readers only: 401 signed out, 403 for a PIO, 404 for another agency', async () => {
    const url = playable().url;
    expect((await fetchBytes(null, url, { range: 'bytes=0-10' })).status).toBe(401);
    const pio = await ApiClient.signedIn(t.baseUrl, 'pio@demo.test');
    expect((await fetchBytes(pio, url)).status).toBe(403);
    const other = await ApiClient.signedIn(t.baseUrl, 'investigator@second.test');
    const elsewhere = await fetchBytes(other, url, { range: 'bytes=0-10' });
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.includes(Buffer.from('ftyp'))).toBe(false);
    const analyst = await ApiClient.signedIn(t.baseUrl, 'analyst@demo.test');
    expect((await fetchBytes(analyst, url, { range: 'bytes=0-10' })).status).toBe(206);
  });

  it('answers 404 for a file the media does not have, and 400 for ids that are not ids', async () => {
    const base = `/api/tips/${tip.id}/media/${video().id}`;
    for (const file of ['original', 'play.mov', '..%2F..%2Fsealed', 'clean.mp4'])
      expect((await fetchBytes(investigator, `${base}/${file}`)).status).toBe(404);
    expect((await fetchBytes(investigator, `/api/tips/${tip.id}/media/nope/play.mp4`)).status).toBe(400);
  });
});

describe('evidence fields', () => {
  it('are shown on the agency’s clock: the staff profile carries its time zone', async () => {
    expect((await investigator.get('/api/auth/me')).body.agency).toMatchObject({
      timeZone: 'America/Toronto',
    });
  });

  it('arrive typed: capture time with its zone, position with accuracy, device, duration, size', () => {
    expect(video().evidence).toEqual({
      capturedAt: '2026-11-20T18:42:07-05:00',
      latitude: 45.5088,
      longitude: -73.5878,
      altitudeM: 30,
      accuracyM: 14.8,
      device: { make: 'Apple', model: 'iPhone 16' },
      durationS: 3,
      width: 360,
      height: 640,
    });
    const photo = tip.media.find((m) => m.kind === 'image')!;
    expect(Object.keys(photo.evidence ?? {}).sort()).toEqual(
      expect.arrayContaining(['capturedAt', 'device', 'latitude', 'longitude']),
    );
  });

  it('never carry a field the contract does not name, whatever the stored row holds', async () => {
    await t.db.query(
      `UPDATE tip_media SET evidence = evidence || '{"GPSLatitude":[45,30,0],"note":{"x":1}}'::jsonb WHERE id = $1`,
      [video().id],
    );
    const again: TipDetail = (await investigator.get(`/api/tips/${tip.id}`)).body;
    const evidence = again.media.find((m) => m.id === video().id)!.evidence!;
    expect(Object.keys(evidence).sort()).toEqual([
      'accuracyM',
      'altitudeM',
      'capturedAt',
      'device',
      'durationS',
      'height',
      'latitude',
      'longitude',
      'width',
    ]);
  });
});
