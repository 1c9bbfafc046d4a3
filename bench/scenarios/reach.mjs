// 100,000 people subscribed to an agency's AMBER alerts (95,000 browsers by Web Push, 5,000 by
// e-mail, a fifth of them around a point rather than the whole region); a supervisor approves one
// AMBER alert; the figure is the time from the approval's request until the last of them was
// received by a local push service and SMTP sink (bench/baselines/alert-receivers.mjs, its own
// process: it answers 201 and decrypts one push in a hundred with the subscriber's key). The API
// runs its workers, and one `npm run worker` process beside it (the way to add cores to a fan-out).
// Baseline, same run, same receivers: a plain loop in one process that encrypts and POSTs the same
// 95,000 pushes (web-push, 64 at a time over kept-alive connections) and sends the 5,000 e-mails
// over four pooled SMTP connections, nothing else (no database, no queue, no per-subscriber record).
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import webpush from 'web-push';
import { KEYS, keyPair } from '../baselines/alert-receivers.mjs';
import { cpuSecondsOf, ROOT, signIn, startApi, writeResult } from '../lib.mjs';

export const name = 'reach';
export const description =
  '100,000 alert subscribers (95,000 push, 5,000 e-mail) notified after one AMBER approval, against a plain send loop';

// REACH_SUBSCRIBERS=10000 runs the same mix at another size (a profile need not take 100,000).
const SUBSCRIBERS = Number(process.env.REACH_SUBSCRIBERS ?? 100_000);
const MAIL = Math.round(SUBSCRIBERS / 20);
const PUSH = SUBSCRIBERS - MAIL;
const TARGET_SECONDS = 60;
const IDLE_SECONDS = 10;
const LAVAL = { latitude: 45.5697, longitude: -73.692 };
const MONTREAL = { latitude: 45.5017, longitude: -73.5673 };

async function startReceivers() {
  const child = spawn(process.execPath, [join(ROOT, 'bench/baselines/alert-receivers.mjs'), 'serve'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const urls = await new Promise((resolve, reject) => {
    child.stdout.once('data', (d) => resolve(JSON.parse(String(d))));
    child.once('exit', (code) => reject(new Error(`receivers exited with ${code}`)));
  });
  return {
    ...urls,
    cpuSeconds: () => cpuSecondsOf(child.pid),
    count: async () => (await fetch(`${urls.pushUrl}/count`)).json(),
    reset: async () => (await fetch(`${urls.pushUrl}/reset`, { method: 'POST' })).json(),
    close: () =>
      new Promise((r) => {
        child.once('exit', r);
        child.kill('SIGTERM');
      }),
  };
}

/** An `npm run worker` process on the API's embedded database. */
async function startWorker(api, env) {
  // BENCH_NODE_ARGS (e.g. --cpu-prof) applies to the worker as it does to the API (lib.mjs).
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, join(ROOT, 'apps/api/dist/worker.js')], {
    env: {
      ...process.env,
      ...env,
      DATA_DIR: api.dataDir,
      EMBEDDED_PG_PORT: String(api.pgPort),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (d) => (output = (output + d).slice(-5000)));
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => String(d).includes('worker running') && resolve());
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}: ${output}`)));
  });
  return {
    cpuSeconds: () => cpuSecondsOf(child.pid),
    stop: () =>
      new Promise((r) => {
        child.once('exit', r);
        child.kill('SIGTERM');
      }),
  };
}

/**
 * CPU seconds of the API's embedded Postgres: the postmaster, the backends it has reaped, and those
 * still running (pg-boss's and the pools' connections stay open through a run).
 */
async function postgresCpuSeconds(dataDir) {
  const postmaster = Number(
    (await readFile(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0],
  );
  let total = await cpuSecondsOf(postmaster, { children: true });
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid === postmaster) total += await cpuSecondsOf(entry).catch(() => 0);
  }
  return total;
}

async function seedSubscribers(db, pushUrl) {
  const keys = Array.from({ length: KEYS }, (_, i) => keyPair(i));
  const params = [keys.map((k) => k.p256dh), keys.map((k) => k.auth), MONTREAL.latitude, MONTREAL.longitude];
  // Subscriber n: key pair n % KEYS; language French two times in three; every fifth around Montréal.
  const area = (
    lat,
    lng,
  ) => `CASE WHEN n % 5 = 0 THEN ${lat}::float8 END, CASE WHEN n % 5 = 0 THEN ${lng}::float8 END,
                CASE WHEN n % 5 = 0 THEN 50 END, CASE WHEN n % 3 = 0 THEN 'en' ELSE 'fr' END`;
  await db.query(
    `INSERT INTO alert_subscription (agency_id, channel, endpoint, p256dh, auth, kinds, latitude, longitude, radius_km, language)
     SELECT (SELECT id FROM agency WHERE slug = 'demo'), 'PUSH', $5 || '/push/' || n, k.p256dh, k.auth,
            '{AMBER_ALERT,MISSING_PERSON}', ${area('$3', '$4')}
       FROM generate_series(1, ${PUSH}) n
       JOIN unnest($1::text[], $2::text[]) WITH ORDINALITY AS k(p256dh, auth, i) ON k.i = n % ${KEYS} + 1`,
    [...params, pushUrl],
  );
  await db.query(
    `INSERT INTO alert_subscription (agency_id, channel, email, kinds, latitude, longitude, radius_km, language)
     SELECT (SELECT id FROM agency WHERE slug = 'demo'), 'EMAIL', 'subscriber' || n || '@example.org',
            '{AMBER_ALERT}', ${area('$1', '$2')}
       FROM generate_series(1, ${MAIL}) n`,
    params.slice(2),
  );
  await db.query('ANALYZE alert_subscription');
}

async function staffPost(url, session, path, body) {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function untilReceived(receivers, push, mail, timeoutMs = 1_500_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const count = await receivers.count();
    // The last of a run: everything expected, and nothing more for a second (retries, duplicates).
    if (count.push >= push && count.mail >= mail && Date.now() - count.lastAt > 1000) return count;
    if (Date.now() > deadline)
      throw new Error(`only ${count.push} pushes and ${count.mail} e-mails received`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Reads `url` ten times a second, one at a time, until stopped; the latencies' p50, p99 and max. */
function readWhileSending(url) {
  const latencies = [];
  let errors = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const started = performance.now();
      try {
        const res = await fetch(url);
        await res.arrayBuffer();
        if (res.ok) latencies.push(performance.now() - started);
        else errors++;
      } catch {
        errors++;
      }
      await new Promise((r) => setTimeout(r, Math.max(0, 100 - (performance.now() - started))));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      latencies.sort((a, b) => a - b);
      const at = (q) =>
        Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
      return { reads: latencies.length, errors, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: at(1) };
    },
  };
}

/** The bare sending: encrypt and POST every push, send every e-mail, nothing else. */
async function plainLoop(receivers) {
  const vapid = webpush.generateVAPIDKeys();
  const authorization = webpush.getVapidHeaders(
    receivers.pushUrl,
    'mailto:bench@example.org',
    vapid.publicKey,
    vapid.privateKey,
    'aes128gcm',
  ).Authorization;
  const keys = Array.from({ length: KEYS }, (_, i) => keyPair(i));
  const payload = JSON.stringify({
    title: 'Alerte AMBER : Léa Tremblay, 6 ans',
    body: 'Enlevée à Laval vers 15 h. Berline grise, plaque partielle FXB. Composez le 911.',
    url: 'https://vigie.example/appeals/alerte-amber-lea-tremblay-6-ans-1a2b3c?lang=fr',
    unsubscribeUrl: `https://vigie.example/basic/alerts/unsubscribe?token=${'x'.repeat(69)}&lang=fr`,
    tag: 'vigie-alerte-amber-lea-tremblay-6-ans-1a2b3c',
    lang: 'fr',
  });
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  await receivers.reset();
  const cpuBefore = process.cpuUsage();
  const receiversBefore = await receivers.cpuSeconds();
  const started = Date.now();
  let next = 1;
  const pushes = Promise.all(
    Array.from({ length: 64 }, async () => {
      while (next <= PUSH) {
        const n = next++;
        const k = keys[n % KEYS];
        const details = webpush.generateRequestDetails(
          { endpoint: `${receivers.pushUrl}/push/${n}`, keys: { p256dh: k.p256dh, auth: k.auth } },
          payload,
          {
            TTL: 86400,
            urgency: 'high',
            contentEncoding: 'aes128gcm',
            headers: { Authorization: authorization },
          },
        );
        await new Promise((resolve, reject) => {
          const req = request(
            details.endpoint,
            { method: 'POST', headers: details.headers, agent },
            (res) => {
              res.resume();
              res.on('end', resolve);
            },
          );
          req.on('error', reject);
          req.end(details.body);
        });
      }
    }),
  );
  const transport = createTransport({
    url: receivers.smtpUrl,
    pool: true,
    maxConnections: 4,
    maxMessages: 1000,
  });
  const mails = Promise.all(
    Array.from({ length: MAIL }, (_, i) =>
      transport.sendMail({
        from: 'Vigie <alertes@police.example>',
        to: `subscriber${i}@example.org`,
        subject: 'Alerte AMBER : Léa Tremblay, 6 ans',
        text: payload,
      }),
    ),
  );
  await Promise.all([pushes, mails]);
  const after = await untilReceived(receivers, PUSH, MAIL);
  const used = process.cpuUsage(cpuBefore);
  const cpuSeconds = {
    sender: (used.user + used.system) / 1e6,
    receivers: (await receivers.cpuSeconds()) - receiversBefore,
  };
  transport.close();
  agent.destroy();
  return { seconds: (after.lastAt - started) / 1000, received: after, cpuSeconds };
}

export async function run() {
  const receivers = await startReceivers();
  const bare = await plainLoop(receivers);
  console.log(
    `plain loop: ${PUSH} pushes and ${MAIL} e-mails sent and received in ${bare.seconds.toFixed(1)} s; CPU seconds ${JSON.stringify(bare.cpuSeconds)}`,
  );
  await receivers.reset();
  const env = {
    SMTP_URL: receivers.smtpUrl,
    PUBLIC_URL: 'https://vigie.example',
    ALERT_PUSH_HOSTS: '127.0.0.1',
    ALERT_PUSH_ALLOW_LOOPBACK_HTTP: 'true',
    LOG_LEVEL: 'warn',
  };
  let api = await startApi(env);
  let db = await api.db();
  let worker;
  try {
    await seedSubscribers(db, receivers.pushUrl);
    worker = await startWorker(api, env);
    const pio = await signIn(api.url, 'pio@demo.test');
    const supervisor = await signIn(api.url, 'supervisor@demo.test');
    const appeal = await staffPost(api.url, pio, '/api/appeals', {
      kind: 'AMBER_ALERT',
      content: {
        title: { fr: 'Alerte AMBER : Léa Tremblay, 6 ans', en: 'AMBER Alert: Léa Tremblay, 6' },
        summary: {
          fr: 'Enlevée à Laval vers 15 h. Berline grise, plaque partielle FXB. Composez le 911.',
          en: 'Abducted in Laval around 3 p.m. Grey sedan, partial plate FXB. Call 911.',
        },
        subjects: [
          { role: 'CHILD', name: 'Léa Tremblay', sex: 'FEMALE', ageMin: 6, ageMax: 6, hair: 'BROWN' },
        ],
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        lastSeen: { ...LAVAL },
      },
    });
    await staffPost(api.url, pio, `/api/appeals/${appeal.id}/submit`);
    const cpu = async () => ({
      api: await api.cpuSeconds(),
      worker: await worker.cpuSeconds(),
      postgres: await postgresCpuSeconds(api.dataDir),
      receivers: await receivers.cpuSeconds(),
    });
    // What the processes spend doing nothing, for 10 s before the approval (pg-boss's workers poll
    // every queue twice a second, in each process): the fan-out's own cost is what is above it.
    const idleFrom = await cpu();
    await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
    const idleTo = await cpu();
    const idlePerSecond = Object.fromEntries(
      Object.keys(idleTo).map((k) => [
        k,
        Math.round(((idleTo[k] - idleFrom[k]) / IDLE_SECONDS) * 1000) / 1000,
      ]),
    );
    const cpuBefore = await cpu();
    const loadBefore = loadavg();
    const approvedAt = Date.now();
    await staffPost(api.url, supervisor, `/api/appeals/${appeal.id}/approve`);
    // The surge an AMBER alert brings: while the API sends, people open the appeal. Ten reads a
    // second, one at a time, say whether sending starves the API's other work.
    const { rows: slugs } = await db.query(`SELECT slug FROM appeal WHERE id = $1`, [appeal.id]);
    const reads = readWhileSending(`${api.url}/api/public/appeals/${slugs[0].slug}`);
    const received = await untilReceived(receivers, PUSH, MAIL);
    const publicReads = await reads.stop();
    const loadAfter = loadavg();
    const cpuAfter = await cpu();
    const cpuSeconds = Object.fromEntries(
      Object.keys(cpuAfter).map((k) => [k, Math.round((cpuAfter[k] - cpuBefore[k]) * 10) / 10]),
    );
    const seconds = (received.lastAt - approvedAt) / 1000;
    const { rows } = await db.query(`SELECT state, count(*)::int AS n FROM alert_delivery GROUP BY state`);
    // Batches run again for what a push service or the relay could not take at once: how many, and why.
    const { rows: retries } = await db.query(
      `SELECT count(*)::int AS batches, coalesce(sum(retry_count), 0)::int AS retries,
              array_remove(array_agg(DISTINCT output->>'message'), NULL) AS reasons
         FROM pgboss.job WHERE name = 'reach.alert-batch'`,
    );
    console.log(
      `CPU seconds during the fan-out: ${JSON.stringify(cpuSeconds)}; per second when idle: ${JSON.stringify(idlePerSecond)}`,
    );
    console.log(`Public appeal reads during the fan-out: ${JSON.stringify(publicReads)}`);
    console.log(
      `Vigie: ${received.push} pushes and ${received.mail} e-mails in ${seconds.toFixed(1)} s after approval (first after ${((received.firstAt - approvedAt) / 1000).toFixed(2)} s); ${received.decrypted} decrypted, ${received.undecryptable} not`,
    );
    await worker.stop();
    worker = undefined;
    await db.end();
    db = undefined;
    await api.stop();
    api = undefined;

    return writeResult(name, {
      subscribers: { push: PUSH, email: MAIL },
      vigie: {
        seconds,
        firstAfterSeconds: (received.firstAt - approvedAt) / 1000,
        perSecond: Math.round((PUSH + MAIL) / seconds),
        deliveries: Object.fromEntries(rows.map((r) => [r.state, r.n])),
        batches: retries[0],
        pushesReceived: received.push,
        emailsReceived: received.mail,
        decryptedSample: received.decrypted,
        undecryptable: received.undecryptable,
        sample: received.sample,
        processes: 'API (its workers) + 1 npm run worker',
        cpuSeconds,
        idleCpuSecondsPerSecond: idlePerSecond,
        publicReadsDuringFanOut: publicReads,
      },
      baseline: {
        seconds: bare.seconds,
        perSecond: Math.round((PUSH + MAIL) / bare.seconds),
        processes: 1,
        cpuSeconds: bare.cpuSeconds,
      },
      ratio: Math.round((bare.seconds / seconds) * 1000) / 1000,
      machine: {
        cores: availableParallelism(),
        loadAverageAtApproval: loadBefore,
        loadAverageAtEnd: loadAfter,
      },
      target: { seconds: TARGET_SECONDS },
      met: seconds <= TARGET_SECONDS,
    });
  } finally {
    await worker?.stop();
    await db?.end();
    await api?.stop();
    await receivers.close();
  }
}
