// Boston's 113,000 photos in two hours means >= 16 photos/s through the whole job (decode,
// renditions, perceptual hash, evidence) on 2 cores. Photos are received with no worker running,
// then the API restarts with its workers and the time to drain the queue is measured.
import { startApi, writeResult } from '../lib.mjs';
import { multipartBody } from '../multipart.mjs';
import { twoMegabyteJpeg } from './tip-intake.mjs';

export const name = 'media-processing';
export const description = 'photos/s through the full media job (2 MB JPEGs), workers in the API process';

const PHOTOS = 120;

export async function run() {
  const photo = await twoMegabyteJpeg();
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
  await intake.stop({ keepData: true });

  const api = await startApi(
    { WORKERS: process.env.WORKERS ?? '2' },
    { dataDir: intake.dataDir, pgPort: intake.pgPort },
  );
  const db = await api.db();
  try {
    const started = Date.now();
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
    const photosPerSecond = Math.round((ready / seconds) * 10) / 10;
    const rss = await api.rss();
    console.log(
      `${ready} photos in ${seconds.toFixed(1)} s: ${photosPerSecond} photos/s (peak RSS ${Math.round(rss.peakMb)} MB)`,
    );
    return writeResult(name, {
      photos: ready,
      seconds,
      photosPerSecond,
      bytesPerPhoto: photo.length,
      workers: Number(process.env.WORKERS ?? 2),
      apiPeakRssMb: Math.round(rss.peakMb),
      target: { photosPerSecond: 16 },
      met: photosPerSecond >= 16,
    });
  } finally {
    await db.end();
    await api.stop();
  }
}
