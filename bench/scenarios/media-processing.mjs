// Boston's 113,000 photos in two hours means >= 16 photos/s through the whole job (decode,
// renditions, perceptual hash, evidence, then duplicate scoring) on 2 cores. Photos are received
// with no worker running, then the API restarts with its workers and the time to drain the queue
// is measured. Two kinds of 2 MB JPEG:
//  - a phone photo: 12 MP (4032 x 3024), sky, facades and windows under sensor grain; what the
//    target is about;
//  - noise: 4.3 MP of pseudo-random pixels, the worst case for every codec (no smooth area to
//    predict, nothing for WebP to save), reported beside it.
// The baseline is the bare processing (decode, two WebP stills, pHash) of the same photo in this
// process, two at a time: what the job costs beyond it is the job's own overhead.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { cpuSecondsOf, random, ROOT, startApi, writeResult } from '../lib.mjs';
import { multipartBody } from '../multipart.mjs';
import { twoMegabyteJpeg } from './tip-intake.mjs';

export const name = 'media-processing';
export const description =
  'photos/s through the full media job (2 MB JPEGs: 12 MP phone photo, and noise), workers in the API process';

const PHOTOS = 120;

/** A 12 MP street photo as far as the codecs can tell, about 2 MB at quality 88. */
export async function phonePhoto(width = 4032, height = 3024) {
  const r = random(2026);
  const horizon = Math.round(height * 0.45);
  let svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs>` +
    `<linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#5d86c4"/>` +
    `<stop offset="1" stop-color="#dfe7f2"/></linearGradient></defs>` +
    `<rect width="100%" height="${horizon}" fill="url(#s)"/>` +
    `<rect y="${horizon}" width="100%" height="${height - horizon}" fill="#55524d"/>`;
  for (let x = 0; x < width; x += 200 + r() * 300) {
    const h = height * (0.2 + r() * 0.3);
    const w = 180 + r() * 320;
    const c = () => 60 + Math.floor(r() * 150);
    svg += `<rect x="${x}" y="${horizon - h}" width="${w}" height="${h}" fill="rgb(${c()},${c()},${c()})"/>`;
    for (let wy = horizon - h + 30; wy < horizon - 60; wy += 90)
      for (let wx = x + 20; wx < x + w - 50; wx += 70)
        svg += `<rect x="${wx}" y="${wy}" width="40" height="55" fill="#2b3440"/>`;
  }
  svg += '</svg>';
  const grain = Buffer.alloc(width * height * 3);
  for (let i = 0; i < grain.length; i++) grain[i] = 128 + Math.round((r() - 0.5) * 26);
  const grainPng = await sharp(grain, { raw: { width, height, channels: 3 } })
    .png({ compressionLevel: 1 })
    .toBuffer();
  return sharp(Buffer.from(svg))
    .composite([{ input: grainPng, blend: 'overlay' }])
    .jpeg({ quality: 88 })
    .toBuffer();
}

/** The bare processing of `photo`, two at a time, in this process: photos/s. */
async function bareProcessing(photo) {
  await import('reflect-metadata'); // the API's code expects it loaded, as main.js does
  const { processMedia } = await import(
    pathToFileURL(join(ROOT, 'apps/api/dist/media/processing/index.js')).href
  );
  const dir = await mkdtemp(join(tmpdir(), 'vigie-bare-media-'));
  try {
    const input = join(dir, 'photo.jpg');
    await writeFile(input, photo);
    const n = 20;
    let next = 0;
    const started = Date.now();
    const cpuBefore = await cpuSecondsOf();
    await Promise.all(
      [0, 1].map(async () => {
        while (next++ < n) await processMedia(input, 'image/jpeg', await mkdtemp(join(dir, 'out-')));
      }),
    );
    return {
      photosPerSecond: Math.round((n / ((Date.now() - started) / 1000)) * 10) / 10,
      cpuSecondsPerPhoto: Math.round((((await cpuSecondsOf()) - cpuBefore) / n) * 1000) / 1000,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Receives PHOTOS tips with `photo` with no worker running, then drains them with workers. */
async function drain(photo) {
  const intake = await startApi({ TIP_CHALLENGE: 'off', TIP_RATE_LIMIT: '0', WORKERS: '0' });
  const { body, contentType } = multipartBody(
    { agency: 'demo', description: 'photo' },
    { name: 'p.jpg', type: 'image/jpeg', data: photo },
  );
  for (let i = 0; i < PHOTOS; i += 10) {
    await Promise.all(
      Array.from({ length: 10 }, () =>
        fetch(`${intake.url}/api/public/tips`, {
          method: 'POST',
          body,
          headers: { 'content-type': contentType },
        }),
      ),
    );
  }
  // Each tip is also scored at intake, on its words, by a job sent with it (the surge scenario
  // measures that). Here nothing ran them, so they would share the drain below with the media jobs
  // and count against them: they are withdrawn, and each tip is scored once, by the job its
  // processed photo sends, as in the job this scenario measures.
  const intakeDb = await intake.db();
  await intakeDb.query(`DELETE FROM pgboss.job WHERE name = 'dedupe.score' AND state = 'created'`);
  await intakeDb.end();
  await intake.stop({ keepData: true });

  // The API's own default (cores + 1) unless WORKERS says otherwise.
  const api = await startApi(process.env.WORKERS ? { WORKERS: process.env.WORKERS } : {}, {
    dataDir: intake.dataDir,
    pgPort: intake.pgPort,
  });
  const db = await api.db();
  try {
    const started = Date.now();
    const cpuBefore = await api.cpuSeconds();
    let ready = 0;
    for (;;) {
      const { rows } = await db.query(
        `SELECT count(*) FILTER (WHERE state <> 'PENDING')::int AS done, count(*) FILTER (WHERE state = 'FAILED')::int AS failed FROM tip_media`,
      );
      ready = rows[0].done;
      if (ready >= PHOTOS || Date.now() - started > 300_000) {
        if (rows[0].failed) throw new Error(`${rows[0].failed} photos failed processing`);
        break;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    const seconds = (Date.now() - started) / 1000;
    const cpu = (await api.cpuSeconds()) - cpuBefore;
    const rss = await api.rss();
    return {
      photos: ready,
      seconds,
      photosPerSecond: Math.round((ready / seconds) * 10) / 10,
      // The API process only: the job's queries run in Postgres, outside it.
      cpuSecondsPerPhoto: Math.round((cpu / ready) * 1000) / 1000,
      apiPeakRssMb: Math.round(rss.peakMb),
    };
  } finally {
    await db.end();
    await api.stop();
  }
}

export async function run() {
  const results = {};
  for (const [label, photo] of [
    ['phonePhoto', await phonePhoto()],
    ['noise', await twoMegabyteJpeg()],
  ]) {
    const job = await drain(photo);
    const bare = await bareProcessing(photo);
    const cpuRatio = Math.round((bare.cpuSecondsPerPhoto / job.cpuSecondsPerPhoto) * 100) / 100;
    results[label] = {
      bytesPerPhoto: photo.length,
      ...job,
      bareProcessingPhotosPerSecond: bare.photosPerSecond,
      bareCpuSecondsPerPhoto: bare.cpuSecondsPerPhoto,
      ratioToBaseline: Math.round((job.photosPerSecond / bare.photosPerSecond) * 100) / 100,
      cpuRatioToBaseline: cpuRatio,
      // What this machine's cores would reach if the job had them to itself (Postgres's share left out).
      photosPerSecondOnIdleCores: Math.round((availableParallelism() / job.cpuSecondsPerPhoto) * 10) / 10,
    };
    console.log(
      `${label.padEnd(10)} ${(photo.length / 1e6).toFixed(1)} MB: ${job.photos} photos in ${job.seconds.toFixed(1)} s, ${job.photosPerSecond} photos/s (bare processing ${bare.photosPerSecond}/s, ratio ${results[label].ratioToBaseline}; peak RSS ${job.apiPeakRssMb} MB)`,
    );
    console.log(
      `${''.padEnd(10)} CPU per photo: job ${job.cpuSecondsPerPhoto} s (API process), bare ${bare.cpuSecondsPerPhoto} s (ratio ${cpuRatio}); ${results[label].photosPerSecondOnIdleCores} photos/s on ${availableParallelism()} idle cores`,
    );
  }
  return writeResult(name, {
    results,
    workers: Number(process.env.WORKERS ?? availableParallelism() + 1),
    target: { photosPerSecond: 16, ratioToBaseline: 0.95, of: 'phonePhoto' },
    met: results.phonePhoto.photosPerSecond >= 16 && results.phonePhoto.ratioToBaseline >= 0.95,
  });
}
