// The inbox at one million tips: first page with common filters (target p95 <= 50 ms) and
// full-text search (target p95 <= 200 ms), a tip found by its spoken code (<= 50 ms), measured over HTTP as the desk calls them. The query
// plans are written to bench/plans/ and checked in, so a regression shows in review.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, signIn, startApi, writeResult } from '../lib.mjs';
import { seedTips } from '../seed-tips.mjs';

export const name = 'inbox';
export const description =
  'GET /api/tips at 1,000,000 tips: first pages with filters, search, a deep page; with EXPLAIN plans';
export const byDefault = false; // several minutes: run it by name

const TIPS = Number(process.env.INBOX_TIPS ?? 1_000_000);
const SAMPLES = 100;

const QUERIES = {
  firstPage: { path: '/api/tips', target: 50 },
  newTab: { path: '/api/tips?status=NEW', target: 50 },
  newUnassignedWithMedia: { path: '/api/tips?status=NEW&assignee=unassigned&hasMedia=true', target: 50 },
  urgentWithLocation: { path: '/api/tips?priority=URGENT&hasLocation=true', target: 50 },
  searchFrench: { path: `/api/tips?q=${encodeURIComponent('temoin voiture')}`, target: 200 },
  searchEnglish: { path: `/api/tips?q=${encodeURIComponent('witness running')}`, target: 200 },
};

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export async function run() {
  const api = await startApi({ WORKERS: '0', TIP_CHALLENGE: 'off' });
  const db = await api.db();
  try {
    const [{ id: agencyId }] = (await db.query(`SELECT id FROM agency WHERE slug = 'demo'`)).rows;
    const seedStart = Date.now();
    await seedTips(db, { agencyId, count: TIPS });
    const seedSeconds = (Date.now() - seedStart) / 1000;
    console.log(`seeded ${TIPS} tips in ${seedSeconds.toFixed(0)} s`);

    // A code as a tipster reads it over the phone (lower case, a space for the dash): one index probe.
    const [{ code }] = (await db.query(`SELECT code FROM tip WHERE agency_id = $1 LIMIT 1`, [agencyId])).rows;
    QUERIES.spokenCode = {
      path: `/api/tips?q=${encodeURIComponent(code.toLowerCase().replace('-', ' '))}`,
      target: 50,
    };

    const session = await signIn(api.url, 'investigator@demo.test');
    const headers = { cookie: session.cookie };
    const results = {};
    for (const [label, q] of Object.entries(QUERIES)) {
      const times = [];
      let body;
      for (let i = 0; i < SAMPLES + 5; i++) {
        const start = performance.now();
        const res = await fetch(api.url + q.path, { headers });
        body = await res.json();
        if (!res.ok) throw new Error(`${q.path}: ${res.status} ${JSON.stringify(body)}`);
        if (i >= 5) times.push(performance.now() - start); // the first few warm caches
      }
      times.sort((a, b) => a - b);
      results[label] = {
        path: q.path,
        items: body.items.length,
        p50Ms: Math.round(percentile(times, 50) * 10) / 10,
        p95Ms: Math.round(percentile(times, 95) * 10) / 10,
        targetP95Ms: q.target,
        met: percentile(times, 95) <= q.target,
      };
      console.log(
        `${label.padEnd(24)} p50 ${results[label].p50Ms} ms  p95 ${results[label].p95Ms} ms  (target ${q.target})`,
      );

      // The plan of the page query exactly as the API builds it.
      const { InboxService } = await import(join(ROOT, 'apps/api/dist/desk/inbox.service.js'));
      const query = Object.fromEntries(new URL(q.path, 'http://x').searchParams);
      const actor = { agencyId, userId: '00000000-0000-4000-8000-000000000000' };
      const service = new InboxService(null);
      const { sql, params } =
        label === 'spokenCode' ? service.codeQuery(actor, code) : service.pageQuery(actor, query);
      const plan = (await db.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF) ${sql}`, params)).rows
        .map((r) => r['QUERY PLAN'])
        .join('\n');
      await writeFile(
        join(ROOT, 'bench/plans', `inbox-${label}.txt`),
        `-- GET ${q.path} at ${TIPS} tips\n${plan}\n`,
      );
    }
    const deep = await fetch(`${api.url}/api/tips?status=NEW&limit=100`, { headers }).then((r) => r.json());
    const start = performance.now();
    await fetch(`${api.url}/api/tips?status=NEW&limit=100&cursor=${deep.nextCursor}`, { headers });
    results.secondPage = { ms: Math.round((performance.now() - start) * 10) / 10 };
    return writeResult(name, {
      tips: TIPS,
      seedSeconds,
      results,
      met: Object.values(results).every((r) => r.met !== false),
    });
  } finally {
    await db.end();
    await api.stop();
  }
}
