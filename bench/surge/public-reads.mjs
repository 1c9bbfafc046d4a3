// The public side of a surge, in its own process so it does not share the load generator's thread:
// an appeal's page and its JSON at a fixed overall rate. Prints autocannon's figures as JSON.
// Usage: node public-reads.mjs <baseUrl> <seconds> <requests per second> <path> [<path> ...]
import autocannon from 'autocannon';

const [url, seconds, rate, ...paths] = process.argv.slice(2);
const result = await autocannon({
  url,
  connections: 64,
  duration: Number(seconds),
  overallRate: Number(rate),
  requests: paths.map((path) => ({ method: 'GET', path })),
});
process.stdout.write(
  JSON.stringify({
    requestsPerSecond: Math.round(result.requests.average),
    requests: result.requests.total,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  }),
);
