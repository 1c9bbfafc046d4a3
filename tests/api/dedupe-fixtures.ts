import sharp from 'sharp';
import { ApiClient } from '../support/api-client';
import type { TestApp } from '../support/test-app';
import { tipForm, TipFields } from '../support/tip-client';
import { JobQueue } from '../../apps/api/src/jobs/job-queue';
import { DEDUPE_SCORE_JOB, TIP_MEDIA_JOB } from '../../apps/api/src/jobs/job-registry';

/** A small deterministic generator, so a scene is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/**
 * A street photo, as far as a perceptual hash can tell: sky, a row of facades with windows, a
 * car and a person, laid out by `seed`, with sensor-like grain. Two seeds are two different
 * photos of the same kind of scene: the hard negatives of near-duplicate detection.
 */
export async function streetPhoto(seed: number, width = 1200, height = 900): Promise<Buffer> {
  const r = random(seed);
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)];
  const colour = () => `rgb(${[0, 0, 0].map(() => 40 + Math.floor(r() * 180)).join(',')})`;
  const horizon = Math.round(height * (0.35 + r() * 0.25));
  let svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs>` +
    `<linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${pick(['#6a8fc7', '#3d5a80', '#c9a36b'])}"/>` +
    `<stop offset="1" stop-color="${pick(['#dfe7f2', '#f2d9b1', '#8aa2c8'])}"/></linearGradient></defs>` +
    `<rect width="100%" height="${horizon}" fill="url(#s)"/>` +
    `<rect y="${horizon}" width="100%" height="${height - horizon}" fill="${pick(['#555', '#4a4a48', '#5b5750'])}"/>`;
  for (let x = -r() * 80; x < width;) {
    const w = 90 + r() * 200;
    const h = horizon * (0.4 + r() * 0.55);
    svg += `<rect x="${x}" y="${horizon - h}" width="${w}" height="${h}" fill="${colour()}"/>`;
    for (let wy = horizon - h + 15; wy < horizon - 30; wy += 34)
      for (let wx = x + 10; wx < x + w - 22; wx += 30)
        if (r() < 0.8)
          svg += `<rect x="${wx}" y="${wy}" width="16" height="21" fill="${r() < 0.3 ? '#f5e9a8' : '#2b3440'}"/>`;
    x += w + r() * 25;
  }
  const cx = r() * width * 0.7;
  const cy = horizon + (height - horizon) * (0.3 + r() * 0.4);
  const cw = width * (0.2 + r() * 0.15);
  svg +=
    `<rect x="${cx}" y="${cy}" width="${cw}" height="${cw * 0.3}" rx="24" fill="${colour()}"/>` +
    `<circle cx="${cx + cw * 0.2}" cy="${cy + cw * 0.3}" r="${cw * 0.08}" fill="#111"/>` +
    `<circle cx="${cx + cw * 0.8}" cy="${cy + cw * 0.3}" r="${cw * 0.08}" fill="#111"/>`;
  const px = r() * width;
  const py = horizon + r() * (height - horizon) * 0.5;
  const ph = height * (0.2 + r() * 0.2);
  svg +=
    `<rect x="${px}" y="${py}" width="${ph * 0.3}" height="${ph}" rx="16" fill="${colour()}"/>` +
    `<circle cx="${px + ph * 0.15}" cy="${py - ph * 0.12}" r="${ph * 0.12}" fill="#d9b38c"/></svg>`;
  const grain = Buffer.alloc(width * height * 3);
  for (let i = 0; i < grain.length; i++) grain[i] = 128 + Math.round((r() - 0.5) * 50);
  const grainPng = await sharp(grain, { raw: { width, height, channels: 3 } })
    .blur(0.8)
    .png()
    .toBuffer();
  return sharp(Buffer.from(svg))
    .composite([{ input: grainPng, blend: 'soft-light' }])
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** What happens to a photo on its way from one phone to another, through apps. */
export const reshared = {
  recompressed: (photo: Buffer) => sharp(photo).resize(640).jpeg({ quality: 35 }).toBuffer(),
  webp: (photo: Buffer) => sharp(photo).resize(900).webp({ quality: 55 }).toBuffer(),
  /** 3 % off each side. */
  cropped: async (photo: Buffer) => {
    const { width = 0, height = 0 } = await sharp(photo).metadata();
    const [dx, dy] = [Math.round(width * 0.03), Math.round(height * 0.03)];
    return sharp(photo)
      .extract({ left: dx, top: dy, width: width - 2 * dx, height: height - 2 * dy })
      .jpeg({ quality: 85 })
      .toBuffer();
  },
  /** A full-screen screenshot on a portrait phone: the photo letterboxed in black, as PNG. */
  screenshot: async (photo: Buffer) =>
    sharp({ create: { width: 1179, height: 2556, channels: 3, background: '#000' } })
      .composite([{ input: await sharp(photo).resize(1179).toBuffer(), top: 836, left: 0 }])
      .png()
      .toBuffer(),
  /** The same with the phone's status bar: the time and the battery, in white. */
  screenshotWithStatusBar: async (photo: Buffer) =>
    sharp({ create: { width: 1179, height: 2556, channels: 3, background: '#000' } })
      .composite([
        { input: await sharp(photo).resize(1179).toBuffer(), top: 836, left: 0 },
        {
          input: Buffer.from(
            '<svg width="1179" height="120"><text x="60" y="84" font-size="60" fill="#fff">9:41</text>' +
              '<rect x="1019" y="36" width="90" height="48" fill="#fff"/></svg>',
          ),
          top: 0,
          left: 0,
        },
      ])
      .png()
      .toBuffer(),
};

export interface Photo {
  data: Buffer;
  type?: string;
}

/** Sends a tip as a citizen would, and returns its id. */
export async function sendTip(t: TestApp, fields: TipFields, photos: Photo[] = []): Promise<string> {
  const form = tipForm(
    fields,
    photos.map((p, i) => ({ data: p.data, name: `photo-${i}`, type: p.type ?? 'image/jpeg' })),
  );
  const res = await new ApiClient(t.baseUrl).post('/api/public/tips', form);
  if (res.status !== 201) throw new Error(`tip: ${res.status} ${JSON.stringify(res.body)}`);
  const { rows } = await t.db.query(`SELECT id FROM tip WHERE code = $1`, [res.body.code]);
  return rows[0].id;
}

/** Waits until every file is processed and every tip scored. */
export async function settle(t: TestApp): Promise<void> {
  const jobs = t.app.get(JobQueue);
  await jobs.drain(TIP_MEDIA_JOB);
  await jobs.drain(DEDUPE_SCORE_JOB);
}

export interface SuggestionBody {
  tip: { id: string; code: string; excerpt: string; media: { id: string; renditions: { name: string }[] }[] };
  score: number;
  reasons: { signal: string; text: string; bits?: number; similarity?: number }[];
}

export async function duplicatesOf(staff: ApiClient, tipId: string): Promise<SuggestionBody[]> {
  const res = await staff.get(`/api/tips/${tipId}/duplicates`);
  if (res.status !== 200) throw new Error(`duplicates: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.suggestions;
}

/** The suggestion of `otherId` among a tip's, or undefined. */
export async function suggestion(staff: ApiClient, tipId: string, otherId: string) {
  return (await duplicatesOf(staff, tipId)).find((s) => s.tip.id === otherId);
}

/** Everything a duplicate decision could write: a refused request must leave all of it as it was. */
export async function decisionFootprint(t: TestApp) {
  const { rows } = await t.db.query(`SELECT
      (SELECT count(*) FROM tip_cluster)::int AS clusters,
      (SELECT count(*) FROM tip_cluster WHERE closed_at IS NOT NULL)::int AS closed,
      (SELECT coalesce(string_agg(tip_id || ':' || cluster_id, ',' ORDER BY tip_id), '') FROM tip_cluster_member) AS members,
      (SELECT count(*) FROM duplicate_rejection)::int AS rejections,
      (SELECT count(*) FROM audit_event)::int AS audit,
      (SELECT md5(string_agg(t::text, ',' ORDER BY id)) FROM tip t) AS tips`);
  return rows[0];
}
