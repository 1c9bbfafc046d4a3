// The viral night: many phones asking for published appeals at once.
// Target (DESIGN.md): >= 5,000 req/s, p99 <= 100 ms, 0 errors, on 2 cores, for each public read.
import { bareServer, load, ratio, startApi, writeResult } from '../lib.mjs';

export const name = 'public-appeals';
export const description =
  'the appeals list (JSON), one appeal (JSON) and its share page (HTML) under autocannon, each vs a bare node:http server returning the same bytes';

const TARGET = { requestsPerSecond: 5000, p99Ms: 100, errors: 0 };

export async function run() {
  // Default configuration (LOG_LEVEL=info): what an agency would actually run.
  const api = await startApi();
  try {
    const list = await (await fetch(`${api.url}/api/public/appeals`)).json();
    const slug = list.items[0].slug;
    const targets = {
      list: '/api/public/appeals',
      appealJson: `/api/public/appeals/${slug}`,
      appealPage: `/appeals/${slug}`,
    };
    const results = {};
    for (const [label, path] of Object.entries(targets)) {
      const sample = await fetch(api.url + path);
      if (!sample.ok) throw new Error(`${path} answered ${sample.status}`);
      const bytes = Buffer.from(await sample.arrayBuffer());
      const bare = await bareServer(bytes, { 'content-type': sample.headers.get('content-type') });
      const baseline = await load({ url: bare.url + path, duration: 8 });
      await bare.close();
      await load({ url: api.url + path, duration: 2 }); // warm-up: JIT, caches
      const measured = await load({ url: api.url + path, duration: 10 });
      results[label] = {
        path,
        responseBytes: bytes.length,
        api: measured,
        baseline,
        ratioToBaseline: ratio(measured.requestsPerSecond, baseline.requestsPerSecond),
        met:
          measured.requestsPerSecond >= TARGET.requestsPerSecond &&
          measured.latencyMs.p99 <= TARGET.p99Ms &&
          measured.errors === 0 &&
          measured.non2xx === 0,
      };
      console.log(
        `${label.padEnd(11)} ${String(measured.requestsPerSecond).padStart(6)} req/s  p99 ${measured.latencyMs.p99} ms  (bare: ${baseline.requestsPerSecond} req/s, ratio ${results[label].ratioToBaseline})`,
      );
    }
    const rss = await api.rss();
    return writeResult(name, {
      target: TARGET,
      results,
      apiPeakRssMb: Math.round(rss.peakMb),
      apiRssAfterMb: Math.round(rss.currentMb),
      met: Object.values(results).every((r) => r.met),
    });
  } finally {
    await api.stop();
  }
}
