// Tip intake during a surge: text tips, and tips with one 2 MB JPEG, each against the bare
// node:http + busboy + insert + fsync baseline in the same run. Targets (DESIGN.md):
// >= 300 text tips/s with p99 <= 100 ms; >= 50 photo tips/s with p99 <= 500 ms; RSS <= 512 MB.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { load, ratio, startApi, startBaselineProcess, writeResult } from '../lib.mjs';
import { multipartBody } from '../multipart.mjs';

export const name = 'tip-intake';
export const description =
  'POST /api/public/tips, text only and with a 2 MB JPEG, vs node:http + busboy + the same fsync and insert';

/** A photo-like 2 MB JPEG (noise keeps it from compressing to nothing). */
export async function twoMegabyteJpeg() {
  const width = 2400;
  const height = 1800;
  const noise = Buffer.alloc(width * height * 3);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
  let quality = 90;
  for (;;) {
    const jpeg = await sharp(noise, { raw: { width, height, channels: 3 } })
      .jpeg({ quality })
      .toBuffer();
    if (jpeg.length <= 2.2 * 1024 * 1024 || quality < 20) return jpeg;
    quality -= 10;
  }
}

export async function run() {
  const api = await startApi({ TIP_CHALLENGE: 'off', TIP_RATE_LIMIT: '0', WORKERS: '0' });
  const scratch = await mkdtemp(join(tmpdir(), 'vigie-baseline-'));
  const baseline = await startBaselineProcess('tip-intake-baseline.mjs', [await api.dbUrl(), scratch]);
  try {
    const photo = await twoMegabyteJpeg();
    const scenarios = {
      text: {
        body: multipartBody({
          agency: 'demo',
          description: 'I saw a grey sedan leaving the parking lot at high speed around 9 p.m.',
        }),
        targetRps: 300,
        targetP99: 100,
        connections: 20,
      },
      photo: {
        body: multipartBody(
          { agency: 'demo', description: 'Photo of the car.' },
          { name: 'IMG_0001.JPG', type: 'image/jpeg', data: photo },
        ),
        targetRps: 50,
        targetP99: 500,
        connections: 10,
      },
    };
    const results = {};
    for (const [label, s] of Object.entries(scenarios)) {
      const request = { method: 'POST', body: s.body.body, headers: { 'content-type': s.body.contentType } };
      const bare = await load({
        url: `${baseline.url}/`,
        connections: s.connections,
        duration: 8,
        ...request,
      });
      await load({ url: `${api.url}/api/public/tips`, connections: s.connections, duration: 2, ...request });
      const measured = await load({
        url: `${api.url}/api/public/tips`,
        connections: s.connections,
        duration: 10,
        ...request,
      });
      results[label] = {
        bytesPerRequest: s.body.body.length,
        api: measured,
        baseline: bare,
        ratioToBaseline: ratio(measured.requestsPerSecond, bare.requestsPerSecond),
        target: { requestsPerSecond: s.targetRps, p99Ms: s.targetP99 },
        met:
          measured.requestsPerSecond >= s.targetRps &&
          measured.latencyMs.p99 <= s.targetP99 &&
          measured.errors === 0 &&
          measured.non2xx === 0,
      };
      console.log(
        `${label.padEnd(6)} ${measured.requestsPerSecond} tips/s  p99 ${measured.latencyMs.p99} ms  non-2xx ${measured.non2xx}  (bare: ${bare.requestsPerSecond}/s, ratio ${results[label].ratioToBaseline})`,
      );
    }
    const rss = await api.rss();
    return writeResult(name, {
      results,
      apiPeakRssMb: Math.round(rss.peakMb),
      rssTargetMb: 512,
      met: Object.values(results).every((r) => r.met) && rss.peakMb <= 512,
    });
  } finally {
    await baseline.close();
    await api.stop();
    await rm(scratch, { recursive: true, force: true });
  }
}
