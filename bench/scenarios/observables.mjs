// "Which tips and cases mention this plate" at one million tips (target p95 <= 20 ms, DESIGN.md),
// over HTTP as the desk's chip asks it (GET /api/observables/mentions, the plate typed with a
// space), beside the bare lookup measured in the same run: the same index probe sent straight to
// Postgres, no HTTP and no API. Also a plate every tip of an appeal repeats (2,000 tips), and the
// inbox search typed as a plate. The query plans go to bench/plans/.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ratio, ROOT, signIn, startApi, writeResult } from '../lib.mjs';
import { seedTips } from '../seed-tips.mjs';

export const name = 'observables';
export const description =
  'GET /api/observables/mentions at 1,000,000 tips (a plate: its tips and cases), beside the bare index probe';
export const byDefault = false; // several minutes: run it by name

const TIPS = Number(process.env.OBSERVABLES_TIPS ?? 1_000_000);
const SAMPLES = 200;
const PLATES = 250_000; // distinct plates: each mentioned by 2 tips on average
const HOT_PLATE = 'FXK482';
const HOT_TIPS = 2_000;

/** The k-th plate, as QC writes them: three letters, three digits ("ABC014"). */
const plateSql = (k) =>
  `chr((65 + (${k}) % 26)::int) || chr((65 + ((${k}) / 26) % 26)::int) || chr((65 + ((${k}) / 676) % 26)::int) || lpad((((${k}) / 17576) % 1000)::text, 3, '0')`;
const plateOf = (k) =>
  String.fromCharCode(65 + (k % 26), 65 + (Math.floor(k / 26) % 26), 65 + (Math.floor(k / 676) % 26)) +
  String(Math.floor(k / 17576) % 1000).padStart(3, '0');

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function timed(samples, fn) {
  const times = [];
  for (let i = 0; i < samples.length + 5; i++) {
    const start = performance.now();
    await fn(samples[i % samples.length]);
    if (i >= 5) times.push(performance.now() - start); // the first few warm caches
  }
  times.sort((a, b) => a - b);
  const round = (v) => Math.round(v * 100) / 100;
  return { p50Ms: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)) };
}

/** Observables as scoring would have recorded them: a plate in every other tip, a phone in one in five, an address in one in three. */
async function seedObservables(db, agencyId) {
  const numbered = `SELECT id, received_at, row_number() OVER (ORDER BY id) AS n FROM tip WHERE agency_id = $1`;
  await db.query(
    `INSERT INTO tip_observable (agency_id, tip_id, tip_received_at, kind, value, source, span_start, span_end)
     SELECT $1, id, received_at, 'PLATE', ${plateSql('(n * 7919) % ' + PLATES)}, 'DESCRIPTION', 10, 17 FROM (${numbered}) t WHERE n % 2 = 0
     UNION ALL
     SELECT $1, id, received_at, 'PHONE', '+1514' || (2000000 + (n * 104729) % 100000)::text, 'DESCRIPTION', 20, 32 FROM (${numbered}) t WHERE n % 5 = 0
     UNION ALL
     SELECT $1, id, received_at, 'ADDRESS', ((n * 31) % 9000 + 1)::text || ' ontario st e', 'PLACE', 0, 20 FROM (${numbered}) t WHERE n % 3 = 0`,
    [agencyId],
  );
  // An AMBER alert's plate: every one of its tips repeats it.
  await db.query(
    `INSERT INTO tip_observable (agency_id, tip_id, tip_received_at, kind, value, source, span_start, span_end)
     SELECT $1, id, received_at, 'PLATE', $2, 'MESSAGE', 0, 7 FROM (${numbered}) t WHERE n % 500 = 1 LIMIT ${HOT_TIPS}
     ON CONFLICT DO NOTHING`,
    [agencyId, HOT_PLATE],
  );
  // Cases: 2,000, each with 10 tips.
  const [{ id: staffId }] = (
    await db.query(`SELECT id FROM staff_user WHERE agency_id = $1 AND email = 'investigator@demo.test'`, [
      agencyId,
    ])
  ).rows;
  await db.query(
    `INSERT INTO investigation_case (agency_id, number, title)
     SELECT $1, '2026-B' || lpad(g::text, 5, '0'), 'Bench case ' || g FROM generate_series(1, 2000) g`,
    [agencyId],
  );
  await db.query(
    `INSERT INTO case_tip (case_id, tip_id, agency_id, linked_by)
     SELECT c.id, t.id, $1, $2
       FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM investigation_case WHERE agency_id = $1 AND number LIKE '2026-B%') c
       JOIN (SELECT id, row_number() OVER (ORDER BY id) AS n FROM tip WHERE agency_id = $1) t ON t.n % 50 = 0 AND (t.n / 50) % 2000 + 1 = c.n`,
    [agencyId, staffId],
  );
  await db.query('VACUUM (ANALYZE) tip_observable, case_tip, investigation_case');
}

export async function run() {
  const api = await startApi({ WORKERS: '0', TIP_CHALLENGE: 'off' });
  const db = await api.db();
  try {
    const [{ id: agencyId }] = (await db.query(`SELECT id FROM agency WHERE slug = 'demo'`)).rows;
    const seedStart = Date.now();
    await seedTips(db, { agencyId, count: TIPS });
    await seedObservables(db, agencyId);
    const seedSeconds = (Date.now() - seedStart) / 1000;
    const [{ count: rows }] = (await db.query(`SELECT count(*)::int FROM tip_observable`)).rows;
    console.log(`seeded ${TIPS} tips and ${rows} observables in ${seedSeconds.toFixed(0)} s`);

    // Plates that some tip mentions, spread over the pool, typed as people do ("ABC 014").
    const plates = Array.from({ length: SAMPLES }, (_, i) => plateOf(((i * 2 + 2) * 7919 * 37) % PLATES));
    const session = await signIn(api.url, 'investigator@demo.test');
    const headers = { cookie: session.cookie };
    let tipsFound = 0;
    const ask = async (path) => {
      const res = await fetch(api.url + path, { headers });
      const body = await res.json();
      if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
      return body;
    };
    const typed = (p) => encodeURIComponent(`${p.slice(0, 3)} ${p.slice(3)}`);
    const mentions = await timed(plates, async (p) => {
      tipsFound += (await ask(`/api/observables/mentions?kind=PLATE&value=${typed(p)}`)).tips.length;
    });
    const bare = await timed(plates, (p) =>
      db.query(
        `SELECT DISTINCT tip_received_at, tip_id FROM tip_observable
          WHERE agency_id = $1 AND kind = 'PLATE' AND value = $2 AND retracted_at IS NULL
          ORDER BY tip_received_at DESC, tip_id DESC LIMIT 51`,
        [agencyId, p],
      ),
    );
    const hot = await timed(Array(50).fill(HOT_PLATE), () =>
      ask(`/api/observables/mentions?kind=PLATE&value=fxk-482`),
    );
    const inboxSearch = await timed(plates.slice(0, 100), (p) => ask(`/api/tips?q=${typed(p)}`));

    const { MENTIONS_SQL } = await import(join(ROOT, 'apps/api/dist/desk/observable-mentions.view.js'));
    for (const [label, value] of [
      ['mentions', plates[0]],
      ['mentions-hot', HOT_PLATE],
    ]) {
      const explain = async (sql) =>
        (
          await db.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF) ${sql}`, [
            agencyId,
            'PLATE',
            value,
          ])
        ).rows
          .map((r) => r['QUERY PLAN'])
          .join('\n');
      await writeFile(
        join(ROOT, 'bench/plans', `observables-${label}.txt`),
        `-- tips mentioning plate ${value}, at ${TIPS} tips\n${await explain(MENTIONS_SQL.tips)}\n\n-- cases\n${await explain(MENTIONS_SQL.cases)}\n`,
      );
    }

    const target = 20;
    const results = {
      mentions: {
        ...mentions,
        targetP95Ms: target,
        met: mentions.p95Ms <= target,
        meanTips: tipsFound / (SAMPLES + 5),
      },
      bareIndexProbe: bare,
      // How many times the bare probe's p95 the whole answer costs (HTTP, session, both queries, JSON).
      p95RatioToBare: ratio(mentions.p95Ms, bare.p95Ms),
      hotPlate: { ...hot, tips: HOT_TIPS, targetP95Ms: target, met: hot.p95Ms <= target },
      inboxSearchByPlate: { ...inboxSearch, targetP95Ms: 200, met: inboxSearch.p95Ms <= 200 },
    };
    for (const [label, r] of Object.entries(results))
      if (typeof r === 'object') console.log(`${label.padEnd(20)} p50 ${r.p50Ms} ms  p95 ${r.p95Ms} ms`);
    console.log(`ratio (p95, whole answer / bare probe): ${results.p95RatioToBare}`);
    return writeResult(name, {
      tips: TIPS,
      observables: rows,
      seedSeconds,
      results,
      met: results.mentions.met && results.hotPlate.met && results.inboxSearchByPlate.met,
    });
  } finally {
    await db.end();
    await api.stop();
  }
}
