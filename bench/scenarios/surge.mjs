// The viral night, everything at once, against one API process (workers in it, as `npm start`):
// public reads of the appeal at 2,000 req/s, tips at 20/s (70 % text, 25 % a 2–4 MB photo, 5 % a
// 20–60 s phone video) with the proof-of-work on (solved before the window) and the per-client
// limit on (each tip from its own address, through one trusted proxy hop), 20 desks' event
// streams open, and 5 triage actions a second. SURGE_SECONDS sets the window (default 600).
// What a person feels: the time from a tip's 201 to its live event on a desk, to its media being
// ready, to its first duplicate suggestions and to those including what its files show; the
// backlog and how long it takes to drain; public p99.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { bareServer, random, ROOT, signIn, startApi, writeResult } from '../lib.mjs';
import { multipartBody } from '../multipart.mjs';
import { benchKeys, mintedSolutions } from '../proof-of-work.mjs';
import { photos, texts, videos } from '../surge/samples.mjs';
import { openStreams } from '../surge/event-streams.mjs';
import { percentile, perMinute } from '../surge/figures.mjs';

export const name = 'surge';
export const byDefault = false; // ten minutes and more by default: run it by name
export const description =
  'a viral night at once: public reads 2,000/s, tips 20/s (text, photo, video) with proof-of-work, 20 event streams, 5 triage/s';

const SECONDS = Number(process.env.SURGE_SECONDS ?? 600);
const TIPS_PER_SECOND = 20;
const READS_PER_SECOND = 2000;
const STREAMS = 20;
const TRIAGE_PER_SECOND = 5;
/** How long the backlog may take to drain after the window before the run gives up waiting. */
const DRAIN_LIMIT_MS = 15 * 60_000;
const TARGETS = {
  errors: 0,
  lost: 0,
  intakeP99Ms: 300,
  liveEventP95Ms: 2_000,
  duplicatesP95Ms: 30_000,
  drainMs: 120_000,
  publicP99Ms: 50,
  rssMb: 512,
};

export async function run() {
  const keys = benchKeys();
  const api = await startApi({ TRUST_PROXY_HOPS: '1', ENCRYPTION_KEY: keys.ENCRYPTION_KEY });
  const db = await api.db();
  try {
    const { items } = await (await fetch(`${api.url}/api/public/appeals`)).json();
    const slug = items.find((a) => a.agency.slug === 'demo').slug;
    const reads = [`/appeals/${slug}`, `/api/public/appeals/${slug}`];

    console.log(
      `surge: preparing ${SECONDS} s (media, ${TIPS_PER_SECOND * SECONDS} proof-of-work solutions)…`,
    );
    const [photoSet, videoSet] = [await photos(), await videos()];
    const count = Math.ceil(TIPS_PER_SECOND * SECONDS * 1.02);
    // Challenges the API verifies as its own, at a low difficulty (bench/proof-of-work.mjs).
    const solutions = await mintedSolutions(keys.altchaKey, count);
    const page = Buffer.from(await (await fetch(api.url + reads[0])).arrayBuffer());
    const bare = await bareServer(page, { 'content-type': 'text/html; charset=utf-8' });
    const bareReads = await publicReads(bare.url, 10, ['/']);
    await bare.close();

    const staff = await signIn(api.url, 'investigator@demo.test');
    const streams = await openStreams(api.url, staff.cookie, STREAMS);
    const backlog = sampleBacklog(db);
    const started = Date.now();
    const publicLoad = publicReads(api.url, SECONDS, reads);
    const sent = await sendTips(api.url, slug, solutions, photoSet, videoSet, started);
    const triage = await triageWhile(api.url, staff, streams, started);
    await Promise.all([sent.done, triage.done]);
    const windowEnd = Date.now();
    const publicFigures = await publicLoad;
    const drainMs = await backlog.drained(DRAIN_LIMIT_MS);
    const backlogFigures = backlog.stop();
    const jobs = await jobTimes(db, started);
    // Late live events (a drain) still count: wait a moment for the last ones.
    await new Promise((r) => setTimeout(r, 2_000));
    streams.close();

    const tips = await outcomes(db, sent.tips, streams.firstSeen);
    const acknowledged = tips.filter((t) => t.status === 201);
    const lost = acknowledged.filter((t) => !t.tipId).length;
    const intake = acknowledged.map((t) => t.latencyMs);
    const live = acknowledged.filter((t) => t.liveAt).map((t) => Math.max(0, t.liveAt - t.ackAt));
    const media = acknowledged
      .filter((t) => t.kind !== 'text' && t.mediaReadyAt)
      .map((t) => t.mediaReadyAt - t.ackAt);
    // A tip is scored at once on what is known at intake (its first suggestions), and a photo or
    // video tip again once its file is processed (suggestions including what the file shows: the
    // only scoring of such a tip before 2026-12-07, when "201 → duplicate suggestions" meant this).
    const since = (field, tips = acknowledged) =>
      tips.filter((t) => t[field]).map((t) => Math.max(0, t[field] - t.ackAt));
    const withFiles = acknowledged.filter((t) => t.kind !== 'text');
    const rss = await api.rss();
    const overall = {
      seconds: (windowEnd - started) / 1000,
      tips: {
        sent: tips.length,
        acknowledged: acknowledged.length,
        errors: tips.length - acknowledged.length,
        lost,
      },
      failures: tally(
        tips
          .filter((t) => t.status !== 201)
          .map((t) => t.error ?? `HTTP ${t.status} ${t.refusal ?? ''}`.trim()),
      ),
      byKind: Object.fromEntries(
        ['text', 'photo', 'video'].map((k) => [k, acknowledged.filter((t) => t.kind === k).length]),
      ),
      intakeMs: {
        p50: percentile(intake, 50),
        p99: percentile(intake, 99),
        // A photo's inspection decodes it; a text tip is the multipart parse, the hash and the insert.
        p99ByKind: Object.fromEntries(
          ['text', 'photo', 'video'].map((k) => [
            k,
            percentile(
              acknowledged.filter((t) => t.kind === k).map((t) => t.latencyMs),
              99,
            ),
          ]),
        ),
      },
      liveEventMs: { p95: percentile(live, 95), missing: acknowledged.length - live.length },
      mediaReadyMs: {
        p95: percentile(media, 95),
        notReady: acknowledged.filter((t) => t.kind !== 'text' && !t.mediaReadyAt).length,
      },
      duplicatesMs: {
        firstP95: percentile(since('firstScoredAt'), 95),
        completeP95: percentile(since('completeScoredAt'), 95),
        withFiles: {
          firstP95: percentile(since('firstScoredAt', withFiles), 95),
          completeP95: percentile(since('completeScoredAt', withFiles), 95),
        },
        notScored: acknowledged.filter((t) => !t.firstScoredAt).length,
        notComplete: acknowledged.filter((t) => !t.completeScoredAt).length,
      },
      backlog: { peakJobs: backlogFigures.peak, drainedAfterMs: drainMs },
      jobs,
      triage: triage.figures(),
      public: publicFigures,
      publicBaseline: bareReads,
      publicP99RatioToBaseline: bareReads.latencyMs.p99
        ? publicFigures.latencyMs.p99 / bareReads.latencyMs.p99
        : null,
      apiPeakRssMb: Math.round(rss.peakMb),
    };
    const met =
      overall.tips.errors === TARGETS.errors &&
      lost === TARGETS.lost &&
      overall.intakeMs.p99 <= TARGETS.intakeP99Ms &&
      overall.liveEventMs.p95 <= TARGETS.liveEventP95Ms &&
      overall.liveEventMs.missing === 0 &&
      overall.duplicatesMs.firstP95 <= TARGETS.duplicatesP95Ms &&
      overall.duplicatesMs.notScored === 0 &&
      drainMs !== null &&
      drainMs <= TARGETS.drainMs &&
      publicFigures.latencyMs.p99 <= TARGETS.publicP99Ms &&
      publicFigures.errors + publicFigures.non2xx === 0 &&
      overall.apiPeakRssMb <= TARGETS.rssMb;
    const minutes = perMinute(acknowledged, tips, backlogFigures.samples, started);
    for (const m of minutes) console.log(`  minute ${m.minute}: ${JSON.stringify(m)}`);
    console.log(`surge overall: ${JSON.stringify(overall)}`);
    console.log(
      `  duplicates: first suggestions p95 ${overall.duplicatesMs.firstP95} ms (the target's figure);` +
        ` including what photos and videos show p95 ${overall.duplicatesMs.completeP95} ms` +
        ` (tips with files: ${overall.duplicatesMs.withFiles.firstP95} / ${overall.duplicatesMs.withFiles.completeP95} ms)`,
    );
    return writeResult(name, { surgeSeconds: SECONDS, targets: TARGETS, overall, minutes, met });
  } finally {
    await db.end();
    await api.stop();
  }
}

/** Public reads at READS_PER_SECOND for `seconds`, in a child process (see surge/public-reads.mjs). */
function publicReads(url, seconds, paths) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'bench/surge/public-reads.mjs'), url, String(seconds), String(READS_PER_SECOND), ...paths],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.once('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`public reads: exit ${code}`)),
    );
  });
}

/** Sends the tips on a fixed schedule (never waiting for earlier answers), each from its own address. */
async function sendTips(url, slug, solutions, photoSet, videoSet, started) {
  const r = random(20);
  const text = texts(7);
  const tips = [];
  const inFlight = [];
  const total = Math.min(solutions.length, TIPS_PER_SECOND * SECONDS);
  const body = (kind) => {
    const fields = { agency: 'demo', appeal: slug, description: text() };
    if (kind === 'photo')
      return multipartBody(fields, { name: 'IMG.JPG', type: 'image/jpeg', data: r.pick(photoSet) });
    if (kind === 'video')
      return multipartBody(fields, { name: 'VID.MP4', type: 'video/mp4', data: r.pick(videoSet) });
    return multipartBody(fields);
  };
  const sendOne = async (i) => {
    const roll = r();
    const kind = roll < 0.7 ? 'text' : roll < 0.95 ? 'photo' : 'video';
    const { body: payload, contentType } = body(kind);
    const tip = { i, kind, sentAt: Date.now(), status: 0 };
    tips.push(tip);
    try {
      const res = await fetch(`${url}/api/public/tips`, {
        method: 'POST',
        body: payload,
        headers: {
          'content-type': contentType,
          'x-altcha': solutions[i],
          'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
        },
      });
      tip.status = res.status;
      tip.ackAt = Date.now();
      tip.latencyMs = tip.ackAt - tip.sentAt;
      const answer = await res.json().catch(() => ({}));
      if (res.status === 201) tip.code = answer.code;
      else tip.refusal = answer.code;
    } catch (err) {
      tip.error = String(err.cause?.code ?? err.message);
    }
  };
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / TIPS_PER_SECOND;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((res) => setTimeout(res, wait));
    inFlight.push(sendOne(i));
  }
  return { tips, done: Promise.all(inFlight) };
}

/** Investigators at work: open a recent tip and tag it, TRIAGE_PER_SECOND times a second. */
async function triageWhile(url, staff, streams, started) {
  const r = random(5);
  const counts = { actions: 0, ok: 0, conflicts: 0, errors: 0 };
  const refusals = [];
  const latencies = [];
  const headers = { cookie: staff.cookie, 'x-csrf-token': staff.csrf, 'content-type': 'application/json' };
  const act = async () => {
    const recent = streams.recentTipIds();
    if (!recent.length) return;
    const id = r.pick(recent);
    const t0 = Date.now();
    counts.actions++;
    try {
      const detail = await fetch(`${url}/api/tips/${id}`, { headers });
      if (!detail.ok) {
        refusals.push(`GET ${detail.status}`);
        return void counts.errors++;
      }
      const { version } = await detail.json();
      const res = await fetch(`${url}/api/tips/${id}`, {
        method: 'PATCH',
        headers,
        body: JSON.stringify({ version, tags: ['surge'] }),
      });
      const answer = await res.json().catch(() => ({}));
      if (!res.ok) refusals.push(`PATCH ${res.status} ${answer.code ?? ''}`.trim());
      if (res.ok) counts.ok++;
      else if (res.status === 409 || res.status === 412 || res.status === 423) counts.conflicts++;
      else counts.errors++;
      latencies.push(Date.now() - t0);
    } catch (err) {
      refusals.push(String(err.cause?.code ?? err.message));
      counts.errors++;
    }
  };
  const pending = [];
  for (let i = 0; i < SECONDS * TRIAGE_PER_SECOND; i++) {
    const wait = started + (i * 1000) / TRIAGE_PER_SECOND - Date.now();
    if (wait > 0) await new Promise((res) => setTimeout(res, wait));
    pending.push(act());
  }
  return {
    done: Promise.all(pending),
    figures: () => ({ ...counts, refusals: tally(refusals), p99Ms: percentile(latencies, 99) }),
  };
}

/** Samples the job queue's backlog every second; `drained` waits for it to be empty after the window. */
function sampleBacklog(db) {
  const samples = [];
  let peak = 0;
  const count = async () =>
    (await db.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE state < 'completed'`)).rows[0].n;
  const timer = setInterval(() => {
    count()
      .then((n) => {
        samples.push({ at: Date.now(), jobs: n });
        peak = Math.max(peak, n);
      })
      .catch(() => undefined);
  }, 1_000);
  return {
    async drained(limitMs) {
      const from = Date.now();
      while (Date.now() - from < limitMs) {
        if ((await count()) === 0) return Date.now() - from;
        await new Promise((r) => setTimeout(r, 500));
      }
      return null;
    },
    stop() {
      clearInterval(timer);
      return { peak, samples };
    },
  };
}

/**
 * What the media and scoring figures are made of: per job kind sent from the window's start, how
 * many ran, how long they waited in the queue and how long one took (its last attempt), p50/p95.
 */
async function jobTimes(db, started) {
  const { rows } = await db.query(
    `SELECT name, count(*)::int AS jobs,
            percentile_cont(ARRAY[0.5, 0.95]) WITHIN GROUP (ORDER BY extract(epoch FROM started_on - created_on) * 1000) AS wait,
            percentile_cont(ARRAY[0.5, 0.95]) WITHIN GROUP (ORDER BY extract(epoch FROM completed_on - started_on) * 1000) AS run
       FROM pgboss.job
      WHERE name IN ('tip-media.process', 'dedupe.score') AND state = 'completed' AND created_on >= to_timestamp($1 / 1000.0)
      GROUP BY name`,
    [started],
  );
  const ms = ([p50, p95]) => ({ p50: Math.round(p50), p95: Math.round(p95) });
  return Object.fromEntries(
    rows.map((r) => [r.name, { jobs: r.jobs, waitMs: ms(r.wait), runMs: ms(r.run) }]),
  );
}

/** Joins what the bench saw with what the database holds: tip ids, media ready and scoring times. */
async function outcomes(db, tips, firstSeen) {
  const codes = tips.filter((t) => t.code).map((t) => t.code);
  const { rows } = await db.query(
    `SELECT t.code, t.id,
            (SELECT extract(epoch FROM max(m.processed_at)) * 1000 FROM tip_media m WHERE m.tip_id = t.id
               HAVING bool_and(m.state = 'READY')) AS media_ready_at,
            f.first_scored_at, f.scored_at
       FROM tip t
       LEFT JOIN LATERAL (
         SELECT extract(epoch FROM f.first_scored_at) * 1000 AS first_scored_at,
                extract(epoch FROM f.scored_at) * 1000 AS scored_at
           FROM tip_fingerprint f WHERE f.tip_id = t.id
       ) f ON true
      WHERE t.code = ANY($1)`,
    [codes],
  );
  const byCode = new Map(rows.map((row) => [row.code, row]));
  return tips.map((t) => {
    const row = t.code ? byCode.get(t.code) : undefined;
    const mediaReadyAt = row?.media_ready_at ? Number(row.media_ready_at) : undefined;
    const scoredAt = row?.scored_at ? Number(row.scored_at) : undefined;
    return {
      ...t,
      tipId: row?.id,
      liveAt: row ? firstSeen.get(row.id) : undefined,
      mediaReadyAt,
      firstScoredAt: row?.first_scored_at ? Number(row.first_scored_at) : undefined,
      // Scored with everything: a text tip at its first scoring; a tip with files by a run that
      // began after its files were ready (the latest run's start is what scored_at keeps).
      completeScoredAt:
        t.kind === 'text' || (mediaReadyAt && scoredAt >= mediaReadyAt) ? scoredAt : undefined,
    };
  });
}

/** How many times each value occurs. */
function tally(values) {
  const counts = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}
