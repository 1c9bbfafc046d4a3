// The viral night: many phones asking for published appeals at once.
// Target (DESIGN.md): >= 5,000 req/s, p99 <= 100 ms, 0 errors, on 2 cores, for each public read.
import { bareServer, load, ratio, startApi, writeResult } from '../lib.mjs';

export const name = 'public-appeals';
export const description =
  'the appeals list (JSON), one appeal (JSON) and its share page (HTML) under autocannon, each vs a bare node:http server returning the same bytes';

const TARGET = { requestsPerSecond: 5000, p99Ms: 100, errors: 0 };
const ROUNDS = 4;

/** Rounds of the same load as one: requests per second over them all, the worst round's percentiles. */
function combined(runs) {
  const worst = (key) => Math.max(...runs.map((r) => r.latencyMs[key]));
  return {
    requestsPerSecond: Math.round(runs.reduce((n, r) => n + r.requestsPerSecond, 0) / runs.length),
    latencyMs: { p50: worst('p50'), p90: worst('p90'), p99: worst('p99'), max: worst('max') },
    requests: runs.reduce((n, r) => n + r.requests, 0),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
    rounds: runs.map((r) => r.requestsPerSecond),
  };
}

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
      await load({ url: api.url + path, duration: 2 }); // warm-up: JIT, caches
      // Turn and turn about, in short rounds: on a machine shared with other work, the load swings
      // within seconds, and one long run of each would compare two different machines.
      const rounds = { baseline: [], api: [] };
      const cpu = { baseline: 0, api: 0 };
      const timed = async (side, server, url) => {
        const before = await server.cpuSeconds();
        rounds[side].push(await load({ url, duration: 3 }));
        cpu[side] += (await server.cpuSeconds()) - before;
      };
      for (let round = 0; round < ROUNDS; round++) {
        await timed('baseline', bare, bare.url + path);
        await timed('api', api, api.url + path);
      }
      await bare.close();
      const baseline = combined(rounds.baseline);
      const measured = combined(rounds.api);
      results[label] = {
        path,
        responseBytes: bytes.length,
        api: measured,
        baseline,
        ratioToBaseline: ratio(measured.requestsPerSecond, baseline.requestsPerSecond),
        // CPU per request of each process: what an answer costs, whatever the machine's other work.
        cpuMicrosecondsPerRequest: {
          api: Math.round((cpu.api / measured.requests) * 1e6),
          baseline: Math.round((cpu.baseline / baseline.requests) * 1e6),
        },
        cpuRatioToBaseline: ratio(cpu.baseline / baseline.requests, cpu.api / measured.requests),
        met:
          measured.requestsPerSecond >= TARGET.requestsPerSecond &&
          measured.latencyMs.p99 <= TARGET.p99Ms &&
          measured.errors === 0 &&
          measured.non2xx === 0,
      };
      console.log(
        `${label.padEnd(11)} ${String(measured.requestsPerSecond).padStart(6)} req/s  p99 ${measured.latencyMs.p99} ms  (bare: ${baseline.requestsPerSecond} req/s, ratio ${results[label].ratioToBaseline}); CPU per request ${results[label].cpuMicrosecondsPerRequest.api} µs (bare ${results[label].cpuMicrosecondsPerRequest.baseline} µs, ratio ${results[label].cpuRatioToBaseline})`,
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
