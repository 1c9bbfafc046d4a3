import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/app.factory';
import { AppConfig } from '../../apps/api/src/config/app-config';
import { loadEnvironment } from '../../apps/api/src/config/environment';
import { LiveEvent, LiveEvents } from '../../apps/api/src/events/live-events';
import { SessionService } from '../../apps/api/src/identity/session.service';
import { ApiClient } from '../support/api-client';
import { DEMO_PASSWORD } from '../support/constants';
import { startTestApp, TestApp } from '../support/test-app';
import { tipForm } from '../support/tip-client';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ TIP_CHALLENGE: 'off', TIP_RATE_LIMIT: '0' });
});
afterAll(() => t.close());

/** Polls until `check` holds (a generous ceiling: a hang detector, not a timing check). */
async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not met in 10 s');
}

/** Opens the event stream as a browser's EventSource would, and collects events as they arrive. */
async function openStream(client: ApiClient, lastEventId?: string, baseUrl = t.baseUrl) {
  const controller = new AbortController();
  const res = await fetch(`${baseUrl}/api/events`, {
    headers: {
      cookie: `vigie_session=${client.sessionToken}`,
      ...(lastEventId ? { 'last-event-id': lastEventId } : {}),
    },
    signal: controller.signal,
  });
  const events: { id: string; type: string; data: any }[] = [];
  const reader = res.body!.getReader();
  let buffer = '';
  let ended = false;
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return void (ended = true);
        buffer += Buffer.from(value).toString('utf8');
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const field = (name: string) =>
            block
              .split('\n')
              .find((l) => l.startsWith(`${name}: `))
              ?.slice(name.length + 2);
          if (field('id'))
            events.push({ id: field('id')!, type: field('event')!, data: JSON.parse(field('data')!) });
        }
      }
    } catch {
      /* aborted */
    }
  })();
  const waitFor = async (predicate: (e: (typeof events)[number]) => boolean) => {
    for (let i = 0; i < 100; i++) {
      const found = events.find(predicate);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`event not received; got ${JSON.stringify(events)}`);
  };
  /** Whether the server ended the stream within ten seconds (its heartbeat comes every 25). */
  const endsSoon = async () => {
    for (let i = 0; i < 100 && !ended; i++) await new Promise((r) => setTimeout(r, 100));
    return ended;
  };
  return { status: res.status, events, waitFor, endsSoon, close: () => controller.abort() };
}

/** An investigator's open stream once it has been told of a new tip: the tip and its agency. */
async function streamThatSawATip(description: string) {
  const investigator = await ApiClient.signedIn(t.baseUrl, 'investigator@demo.test');
  const stream = await openStream(investigator);
  const receipt = (await new ApiClient(t.baseUrl).post('/api/public/tips', tipForm({ description }))).body;
  const tipId: string = (await t.db.query(`SELECT id FROM tip WHERE code = $1`, [receipt.code])).rows[0].id;
  const seen = await stream.waitFor((e) => e.type === 'tip.received' && e.data.tipId === tipId);
  const agencyId: string = (await t.db.query(`SELECT agency_id FROM live_event WHERE id = $1`, [seen.id]))
    .rows[0].agency_id;
  return { stream, tipId, agencyId };
}

describe('live inbox (server-sent events)', () => {
  it('pushes a new tip and a status change to the agency, and nothing to another agency', async () => {
    const investigator = await ApiClient.signedIn(t.baseUrl, 'investigator@demo.test');
    const other = await ApiClient.signedIn(t.baseUrl, 'investigator@second.test');
    const mine = await openStream(investigator);
    const theirs = await openStream(other);
    expect(mine.status).toBe(200);

    const receipt = (
      await new ApiClient(t.baseUrl).post('/api/public/tips', tipForm({ description: 'En direct' }))
    ).body;
    const tipId = (await t.db.query(`SELECT id FROM tip WHERE code = $1`, [receipt.code])).rows[0].id;
    await mine.waitFor((e) => e.type === 'tip.received' && e.data.tipId === tipId);
    await investigator.patch(`/api/tips/${tipId}`, { version: 1, status: 'IN_REVIEW' });
    await mine.waitFor((e) => e.type === 'tip.updated' && e.data.status === 'IN_REVIEW');
    expect(theirs.events).toEqual([]);
    mine.close();
    theirs.close();
  });

  it('resumes after a disconnect without losing what happened in between (Last-Event-ID)', async () => {
    const investigator = await ApiClient.signedIn(t.baseUrl, 'investigator@demo.test');
    const first = await openStream(investigator);
    const anon = new ApiClient(t.baseUrl);
    await anon.post('/api/public/tips', tipForm({ description: 'avant' }));
    const seen = await first.waitFor((e) => e.type === 'tip.received');
    first.close();
    // While disconnected:
    const missed = (await anon.post('/api/public/tips', tipForm({ description: 'pendant la coupure' }))).body;
    const missedId = (await t.db.query(`SELECT id FROM tip WHERE code = $1`, [missed.code])).rows[0].id;
    const again = await openStream(investigator, seen.id);
    await again.waitFor((e) => e.type === 'tip.received' && e.data.tipId === missedId);
    expect(again.events.every((e) => BigInt(e.id) > BigInt(seen.id))).toBe(true);
    again.close();
  });

  it('replays in id order across a power of ten (999, then 1000), skipping none', async () => {
    // The replay sorted ids as text ("1000" before "999"): the stream sent 1000 first and then
    // dropped 999 as already seen.
    const investigator = await ApiClient.signedIn(t.baseUrl, 'investigator@demo.test');
    const first = await openStream(investigator);
    const anon = new ApiClient(t.baseUrl);
    await anon.post('/api/public/tips', tipForm({ description: 'avant' }));
    const seen = await first.waitFor((e) => e.type === 'tip.received');
    first.close();
    // The ids about to cross the next power of ten (a fixture: the sequence only moves forward).
    const [{ last }] = (await t.db.query(`SELECT last_value::text AS last FROM live_event_id_seq`)).rows;
    let power = 10n;
    while (power <= BigInt(last) + 1n) power *= 10n;
    await t.db.query(`SELECT setval('live_event_id_seq', $1)`, [String(power - 3n)]);
    const missed: string[] = [];
    for (const description of ['un', 'deux', 'trois', 'quatre']) {
      const { code } = (await anon.post('/api/public/tips', tipForm({ description }))).body;
      missed.push((await t.db.query(`SELECT id FROM tip WHERE code = $1`, [code])).rows[0].id);
    }
    const again = await openStream(investigator, seen.id);
    await again.waitFor((e) => e.type === 'tip.received' && e.data.tipId === missed[3]);
    const received = again.events.filter((e) => e.type === 'tip.received');
    expect(received.map((e) => e.data.tipId)).toEqual(missed);
    expect(BigInt(received[0].id)).toBeLessThan(power);
    expect(BigInt(received[3].id)).toBeGreaterThanOrEqual(power);
    again.close();
  });

  it('after its LISTEN connection was lost, replays the table without skipping what is older than an event announced meanwhile', async () => {
    // Seen after a database restart under load: the stream read the table from its last id, an
    // event committed during that read was announced and sent first, and the older events the read
    // then returned fell below the stream's last id and were dropped for good.
    const { stream, tipId, agencyId } = await streamThatSawATip('avant');
    // An event recorded while no one listened: its announcement is lost, only the table has it.
    const unheard = (
      await t.db.query(
        `INSERT INTO live_event (agency_id, type, data) VALUES ($1, 'tip.updated', $2) RETURNING id::text`,
        [agencyId, JSON.stringify({ tipId, status: 'IN_REVIEW' })],
      )
    ).rows[0].id as string;
    // The table held, so that the stream's read after the reconnection waits (as a slow one would).
    const holder = new Client({ connectionString: t.databaseUrl });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('LOCK TABLE live_event IN ACCESS EXCLUSIVE MODE');
    const heard: LiveEvent[] = [];
    const unsubscribe = t.app
      .get(LiveEvents)
      .subscribe({ event: (e) => heard.push(e), gap: () => undefined, shutdown: () => undefined });
    try {
      await t.db.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE application_name = 'vigie-listener' AND datname = current_database()`,
      );
      await until(async () => {
        const { rows } = await t.db.query(
          `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'
              AND query LIKE '%FROM live_event%WHERE agency_id = $1 AND id > $2%'`,
        );
        return rows.length > 0;
      });
      // Meanwhile a newer event is committed elsewhere and announced, before the read returns.
      const newer = (await t.db.query(`SELECT nextval('live_event_id_seq')::text AS id`)).rows[0]
        .id as string;
      await t.db.query(`SELECT pg_notify('vigie_live', $1)`, [
        JSON.stringify({ id: newer, agencyId, type: 'tip.updated', data: { tipId, status: 'NEW' } }),
      ]);
      await until(async () => heard.some((e) => e.id === newer));
      await holder.query('COMMIT');
      await stream.waitFor((e) => e.id === newer);
      const ids = stream.events.map((e) => e.id);
      expect(ids).toContain(unheard);
      expect(ids.indexOf(unheard)).toBeLessThan(ids.indexOf(newer));
    } finally {
      unsubscribe();
      await holder.end();
      stream.close();
    }
  });

  it('delivers every event, none skipped, across reconnections of its LISTEN connection while events keep coming', async () => {
    // Seen after database restarts under load: an event announced on the new connection before the
    // stream was told to catch up was sent first, and the events missed meanwhile were skipped.
    const { stream, tipId, agencyId } = await streamThatSawATip('flux');
    const live = t.app.get(LiveEvents);
    const dataSource = t.app.get(DataSource);
    const emitted: string[] = [];
    let flooding = true;
    const flood = (async () => {
      for (let n = 0; flooding; n++) {
        const id = await dataSource.transaction(async (tx) => {
          await live.emit(tx, agencyId, 'tip.updated', { tipId, flood: n });
          return ((await tx.query(`SELECT currval('live_event_id_seq')::text AS id`)) as { id: string }[])[0]
            .id;
        });
        emitted.push(id);
      }
    })();
    const listenerPid = async () =>
      (
        await t.db.query(
          `SELECT pid FROM pg_stat_activity WHERE application_name = 'vigie-listener' AND datname = current_database()`,
        )
      ).rows[0]?.pid as number | undefined;
    try {
      for (let cut = 0; cut < 5; cut++) {
        const before = await listenerPid();
        await t.db.query('SELECT pg_terminate_backend($1)', [before]);
        await until(async () => ![undefined, before].includes(await listenerPid()));
        await until(async () => emitted.length > (cut + 1) * 20);
      }
    } finally {
      flooding = false;
      await flood;
    }
    const last = emitted[emitted.length - 1];
    await stream.waitFor((e) => e.id === last);
    const delivered = stream.events.filter((e) => e.data.flood !== undefined).map((e) => e.id);
    expect(delivered).toEqual(emitted);
    stream.close();
  });

  it('is for staff only, and not for the PIO', async () => {
    expect((await fetch(`${t.baseUrl}/api/events`)).status).toBe(401);
    const pio = await ApiClient.signedIn(t.baseUrl, 'pio@demo.test');
    expect(
      (await fetch(`${t.baseUrl}/api/events`, { headers: { cookie: `vigie_session=${pio.sessionToken}` } }))
        .status,
    ).toBe(403);
  });
});

describe('a stream ends with its session', () => {
  it('closes at logout, not at the next heartbeat', async () => {
    const investigator = await ApiClient.signedIn(t.baseUrl, 'investigator@demo.test');
    const stream = await openStream(investigator);
    const colleague = await openStream(await ApiClient.signedIn(t.baseUrl, 'investigator@demo.test'));
    expect(stream.status).toBe(200);
    expect((await investigator.post('/api/auth/logout')).status).toBe(204);
    expect(await stream.endsSoon()).toBe(true);
    // Another session of the same person is not this one.
    const receipt = (
      await new ApiClient(t.baseUrl).post('/api/public/tips', tipForm({ description: 'Après' }))
    ).body;
    const tipId = (await t.db.query(`SELECT id FROM tip WHERE code = $1`, [receipt.code])).rows[0].id;
    await colleague.waitFor((e) => e.type === 'tip.received' && e.data.tipId === tipId);
    colleague.close();
  });

  it("closes in another API process when a person's sessions are revoked", async () => {
    // A second process of the same deployment: the same database, its own LISTEN connection.
    const env = loadEnvironment({ DATA_DIR: t.dataDir, DEMO_PASSWORD, LOG_LEVEL: 'silent', WORKERS: '0' });
    const other = await createApp(new AppConfig(env, t.databaseUrl, Buffer.alloc(32, 7)));
    await other.listen(0, '127.0.0.1');
    try {
      const otherUrl = `http://127.0.0.1:${(other.getHttpServer().address() as { port: number }).port}`;
      const investigator = await ApiClient.signedIn(t.baseUrl, 'investigator@demo.test');
      const stream = await openStream(investigator, undefined, otherUrl);
      expect(stream.status).toBe(200);
      const { rows } = await t.db.query(`SELECT id FROM staff_user WHERE email = 'investigator@demo.test'`);
      const revoked = await t.app
        .get(DataSource)
        .transaction((tx) => t.app.get(SessionService).revokeAllOf(tx, rows[0].id));
      expect(revoked).toBeGreaterThan(0);
      expect(await stream.endsSoon()).toBe(true);
    } finally {
      await other.close();
    }
  });
});
