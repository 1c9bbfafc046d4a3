// The viral night: many phones asking for the published appeals at once.
// Target (DESIGN.md): >= 5,000 req/s, p99 <= 100 ms, 0 errors, on 2 cores.
import { bareServer, load, ratio, startApi, writeResult } from '../lib.mjs';

export const name = 'public-appeals';
export const description =
  'GET /api/public/appeals under autocannon vs a bare node:http server returning the same bytes';

export async function run() {
  const api = await startApi();
  try {
    const path = '/api/public/appeals';
    const sample = await fetch(api.url + path);
    const bytes = Buffer.from(await sample.arrayBuffer());
    if (!sample.ok) throw new Error(`${path} answered ${sample.status}`);

    const bare = await bareServer(bytes);
    const baseline = await load({ url: bare.url + path, duration: 10 });
    await bare.close();

    await load({ url: api.url + path, duration: 3 }); // warm-up: JIT and connection pool
    const measured = await load({ url: api.url + path, duration: 10 });
    const rss = await api.rss();
    return writeResult(name, {
      target: { requestsPerSecond: 5000, p99Ms: 100, errors: 0 },
      responseBytes: bytes.length,
      api: measured,
      baseline,
      ratioToBaseline: { requestsPerSecond: ratio(measured.requestsPerSecond, baseline.requestsPerSecond) },
      apiPeakRssMb: Math.round(rss.peakMb),
      met:
        measured.requestsPerSecond >= 5000 &&
        measured.latencyMs.p99 <= 100 &&
        measured.errors === 0 &&
        measured.non2xx === 0,
    });
  } finally {
    await api.stop();
  }
}
