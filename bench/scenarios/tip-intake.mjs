// Tip intake during a surge: text tips, and tips with one 2 MB JPEG, each against the bare
// baseline in the same run (bench/baselines/tip-intake-baseline.mjs: node:http + busboy, the
// proof-of-work check, the passphrase's argon2id hash, fsync, insert), with the proof-of-work on
// as in production (every request carries its own solution, solved before the window).
// Targets (DESIGN.md, issue 20): >= 300 text tips/s with p99 <= 100 ms and >= 0.5 of the baseline;
// >= 50 photo tips/s with p99 <= 500 ms and >= 0.6 of the baseline; RSS <= 512 MB.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { load, ratio, startApi, startBaselineProcess, writeResult } from '../lib.mjs';
import { multipartBody } from '../multipart.mjs';
import { benchKeys, mintedSolutions, withSolutions } from '../proof-of-work.mjs';

export const name = 'tip-intake';
export const description =
  'POST /api/public/tips with proof-of-work, text only and with a 2 MB JPEG, vs node:http + busboy + the same proof-of-work check, argon2id, fsync and insert';

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
  const keys = benchKeys();
  const api = await startApi({ ENCRYPTION_KEY: keys.ENCRYPTION_KEY, TIP_RATE_LIMIT: '0', WORKERS: '0' });
  const scratch = await mkdtemp(join(tmpdir(), 'vigie-baseline-'));
  const baseline = await startBaselineProcess('tip-intake-baseline.mjs', [
    await api.dbUrl(),
    scratch,
    keys.altchaKey,
  ]);
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
        targetRatio: 0.5,
        connections: 20,
        // Solutions for the baseline's 8 s and the API's 2 + 10 s, with room to spare.
        solutions: { baseline: 24_000, api: 10_000 },
      },
      photo: {
        body: multipartBody(
          { agency: 'demo', description: 'Photo of the car.' },
          { name: 'IMG_0001.JPG', type: 'image/jpeg', data: photo },
        ),
        targetRps: 50,
        targetP99: 500,
        targetRatio: 0.6,
        connections: 10,
        solutions: { baseline: 3_000, api: 2_000 },
      },
    };
    const results = {};
    for (const [label, s] of Object.entries(scenarios)) {
      const request = { method: 'POST', body: s.body.body, headers: { 'content-type': s.body.contentType } };
      const solved = {
        baseline: await mintedSolutions(keys.altchaKey, s.solutions.baseline),
        api: await mintedSolutions(keys.altchaKey, s.solutions.api),
      };
      const bareCpu = await baseline.cpuSeconds();
      const bare = await load({
        url: `${baseline.url}/`,
        connections: s.connections,
        duration: 8,
        requests: [withSolutions(request, solved.baseline)],
      });
      const apiRequests = [withSolutions(request, solved.api)];
      const warm = await load({
        url: `${api.url}/api/public/tips`,
        connections: s.connections,
        duration: 2,
        requests: apiRequests,
      });
      const bareCpuPerTip = ((await baseline.cpuSeconds()) - bareCpu) / bare.requests;
      const apiCpu = await api.cpuSeconds();
      const measured = await load({
        url: `${api.url}/api/public/tips`,
        connections: s.connections,
        duration: 10,
        requests: apiRequests,
      });
      if (bare.requests > solved.baseline.length || warm.requests + measured.requests > solved.api.length)
        console.log(`${label}: more requests than solutions; the repeats were refused (non-2xx)`);
      const apiCpuPerTip = ((await api.cpuSeconds()) - apiCpu) / measured.requests;
      results[label] = {
        bytesPerRequest: s.body.body.length,
        api: measured,
        baseline: bare,
        ratioToBaseline: ratio(measured.requestsPerSecond, bare.requestsPerSecond),
        // CPU per tip of each process (Postgres's share left out of both): comparable on a busy machine.
        cpuMsPerTip: {
          api: Math.round(apiCpuPerTip * 1e4) / 10,
          baseline: Math.round(bareCpuPerTip * 1e4) / 10,
        },
        cpuRatioToBaseline: ratio(bareCpuPerTip, apiCpuPerTip),
        target: { requestsPerSecond: s.targetRps, p99Ms: s.targetP99, ratioToBaseline: s.targetRatio },
        met:
          measured.requestsPerSecond >= s.targetRps &&
          measured.requestsPerSecond >= s.targetRatio * bare.requestsPerSecond &&
          measured.latencyMs.p99 <= s.targetP99 &&
          measured.errors === 0 &&
          measured.non2xx === 0,
      };
      console.log(
        `${label.padEnd(6)} ${measured.requestsPerSecond} tips/s  p99 ${measured.latencyMs.p99} ms  non-2xx ${measured.non2xx}  (bare: ${bare.requestsPerSecond}/s, ratio ${results[label].ratioToBaseline}); CPU per tip ${results[label].cpuMsPerTip.api} ms (bare ${results[label].cpuMsPerTip.baseline} ms, ratio ${results[label].cpuRatioToBaseline})`,
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
