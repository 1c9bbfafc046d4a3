import { AppealKind } from '@vigie/common';
import { Clock } from '../../apps/api/src/common/clock';
import { JobQueue } from '../../apps/api/src/jobs/job-queue';
import { AlertSweepJob } from '../../apps/api/src/reach/alerts/alert-sweep.job';
import { ALERT_BATCH_JOB, APPEAL_PUBLISHED_JOB } from '../../apps/api/src/jobs/job-registry';
import { ApiClient } from '../support/api-client';
import { appealBody, publishedAppeal } from '../support/appeal-factory';
import { startPushService } from '../support/push-service';
import { ReceivedMail, startSmtpInbox } from '../support/smtp-inbox';
import { startTestApp, TestApp } from '../support/test-app';
import { DataSource } from 'typeorm';
import { AlertDeliverySentOnly1763704700000 } from '../../apps/api/src/database/migrations/1763704700000-alert-delivery-sent-only';

/**
 * Alerts to subscribers, end to end on real parts: the app on real Postgres and pg-boss, a push
 * service on loopback that checks the VAPID signature and decrypts each message with the browser's
 * private key (RFC 8291), and a real SMTP server receiving the e-mails.
 */
let t: TestApp;
let inbox: Awaited<ReturnType<typeof startSmtpInbox>>;
let push: Awaited<ReturnType<typeof startPushService>>;
let pio: ApiClient;
let supervisor: ApiClient;
let anon: ApiClient;
let vapidKey = '';

const PUBLIC_URL = 'https://vigie.police.example';
const LAVAL = { latitude: 45.5697, longitude: -73.692 };
const QUEBEC_CITY = { latitude: 46.8139, longitude: -71.208 };

beforeAll(async () => {
  inbox = await startSmtpInbox();
  push = await startPushService(() => vapidKey);
  t = await startTestApp({
    SMTP_URL: inbox.url,
    SMTP_FROM: 'Police de Démo <alertes@police.example>',
    PUBLIC_URL,
    ALERT_PUSH_HOSTS: '127.0.0.1',
    ALERT_PUSH_ALLOW_LOOPBACK_HTTP: 'true',
    ALERT_PUSH_TIMEOUT_MS: '300',
    ALERT_SUBSCRIBE_RATE_LIMIT: '40',
  });
  // The demo seed publishes its appeals at boot: their publications are handled (alerting no one,
  // nobody has subscribed yet) before the tests subscribe, or a slow queue would alert the tests'
  // subscribers of a seeded WANTED appeal.
  await alertsSent();
  anon = new ApiClient(t.baseUrl);
  pio = await ApiClient.signedIn(t.baseUrl, 'pio@demo.test');
  supervisor = await ApiClient.signedIn(t.baseUrl, 'supervisor@demo.test');
  vapidKey = (await anon.get('/api/public/alerts/setup')).body.publicKey;
});
afterAll(async () => {
  await t.close();
  await push.close();
  await inbox.close();
});

const subscriptions = async () =>
  Number((await t.db.query('SELECT count(*) FROM alert_subscription')).rows[0].count);

/** Waits until the publication's job and every batch it queued (retries included) are done. */
async function alertsSent() {
  const jobs = t.app.get(JobQueue);
  await jobs.drain(APPEAL_PUBLISHED_JOB, 30_000);
  await jobs.drain(ALERT_BATCH_JOB, 30_000);
}

function subscribePush(
  target: ReturnType<typeof push.subscribe>,
  choice: { language?: string; kinds?: string[]; area?: Record<string, unknown> } = {},
) {
  return anon.post('/api/public/alerts/push', {
    endpoint: target.endpoint,
    keys: target.keys,
    agency: 'demo',
    kinds: choice.kinds ?? ['AMBER_ALERT', 'MISSING_PERSON'],
    area: choice.area ?? { type: 'REGION' },
    language: choice.language ?? 'en',
  });
}

const header = (mail: ReceivedMail, name: string) =>
  new RegExp(`^${name}: (.*)$`, 'mi').exec(mail.raw.replace(/\r\n[ \t]+/g, ' '))?.[1];
/** A header's text, RFC 2047 encoded words decoded (nodemailer encodes a subject with accents). */
const decodedHeader = (mail: ReceivedMail, name: string) =>
  (header(mail, name) ?? '')
    .replace(/\?=\s+=\?UTF-8\?Q\?/gi, '')
    .replace(/=\?UTF-8\?Q\?(.*?)\?=/gi, (_, q: string) =>
      Buffer.from(
        q
          .replace(/_/g, ' ')
          .replace(/=([0-9A-F]{2})/g, (_h, hex: string) => String.fromCharCode(parseInt(hex, 16))),
        'latin1',
      ).toString('utf8'),
    );
const mailsTo = (address: string) => inbox.mails.filter((m) => m.to.includes(address));
const linkIn = (text: string, path: string) =>
  new RegExp(`${PUBLIC_URL.replace(/\./g, '\\.')}${path}\\?token=([A-Za-z0-9_.-]+)&lang=(fr|en)`).exec(text);

/** Subscribes by e-mail and follows the confirmation link, as its owner would. */
async function confirmedEmail(email: string, language: 'fr' | 'en', kinds = ['AMBER_ALERT']) {
  const res = await anon.post('/api/public/alerts/email', {
    email,
    agency: 'demo',
    kinds,
    area: { type: 'RADIUS', ...LAVAL, radiusKm: 25 },
    language,
  });
  expect(res.status).toBe(202);
  const token = linkIn(mailsTo(email).at(-1)!.text, '/basic/alerts/confirm')![1];
  const confirmed = await anon.post('/api/public/alerts/confirm', { token });
  expect(confirmed.status).toBe(200);
  return token;
}

describe('an approved AMBER alert', () => {
  it('reaches each matching push subscriber and confirmed e-mail subscriber once, in their language', async () => {
    const english = push.subscribe();
    const french = push.subscribe();
    const farAway = push.subscribe();
    const wantedOnly = push.subscribe();
    expect((await subscribePush(english)).status).toBe(201);
    expect(
      (await subscribePush(french, { language: 'fr', area: { type: 'RADIUS', ...LAVAL, radiusKm: 10 } }))
        .status,
    ).toBe(201);
    expect(
      (await subscribePush(farAway, { area: { type: 'RADIUS', ...QUEBEC_CITY, radiusKm: 20 } })).status,
    ).toBe(201);
    expect((await subscribePush(wantedOnly, { kinds: ['WANTED'] })).status).toBe(201);

    // Double opt-in: the address is stored only once its owner follows the link.
    const pending = await anon.post('/api/public/alerts/email', {
      email: 'Jamais.Confirme@example.org',
      agency: 'demo',
      kinds: ['AMBER_ALERT'],
      area: { type: 'REGION' },
      language: 'en',
    });
    expect(pending.status).toBe(202);
    expect(pending.body).toEqual({ channel: 'EMAIL', active: false });
    const confirmation = mailsTo('jamais.confirme@example.org')[0];
    expect(confirmation.text).toMatch(/To confirm, open this link within 72 hours/);
    expect(
      (await t.db.query(`SELECT count(*) FROM alert_subscription WHERE channel = 'EMAIL'`)).rows[0].count,
    ).toBe('0');
    // Opening the link shows a button: a mail scanner following links confirms nothing.
    const page = await fetch(
      `${t.baseUrl}/basic/alerts/confirm?token=${linkIn(confirmation.text, '/basic/alerts/confirm')![1]}&lang=en`,
    );
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Confirm my subscription');
    expect(
      (await t.db.query(`SELECT count(*) FROM alert_subscription WHERE channel = 'EMAIL'`)).rows[0].count,
    ).toBe('0');

    await confirmedEmail('lea.tremblay@example.org', 'fr');
    const stored = await t.db.query(`SELECT * FROM alert_subscription WHERE channel = 'EMAIL'`);
    expect(stored.rows).toHaveLength(1);
    // No more than sending needs.
    expect(Object.keys(stored.rows[0]).sort()).toEqual(
      [
        'agency_id',
        'auth',
        'channel',
        'created_at',
        'email',
        'endpoint',
        'id',
        'kinds',
        'language',
        'latitude',
        'longitude',
        'p256dh',
        'radius_km',
      ].sort(),
    );

    const appeal = await publishedAppeal(
      pio,
      supervisor,
      appealBody(AppealKind.AMBER_ALERT, {
        title: { fr: 'Alerte AMBER : Léa, 6 ans', en: 'AMBER Alert: Léa, 6' },
        summary: { fr: 'Enlevée à Laval, berline grise.', en: 'Abducted in Laval, grey sedan.' },
        lastSeen: { ...LAVAL },
      }),
    );
    await alertsSent();

    const to = (id: string) => push.received.filter((r) => r.id === id);
    expect(to(english.id)).toHaveLength(1);
    expect(to(english.id)[0].message).toMatchObject({
      title: 'AMBER Alert: Léa, 6',
      body: 'Abducted in Laval, grey sedan.',
      url: `${PUBLIC_URL}/appeals/${appeal.slug}?lang=en`,
      lang: 'en',
    });
    expect(to(english.id)[0].headers.urgency).toBe('high');
    expect(to(french.id)[0].message).toMatchObject({ title: 'Alerte AMBER : Léa, 6 ans', lang: 'fr' });
    expect(to(farAway.id)).toHaveLength(0);
    expect(to(wantedOnly.id)).toHaveLength(0);

    const alerts = mailsTo('lea.tremblay@example.org').slice(1);
    expect(alerts).toHaveLength(1);
    const mail = alerts[0];
    expect(decodedHeader(mail, 'Subject')).toBe('Alerte AMBER : Léa, 6 ans');
    expect(mail.text).toContain('Si vous voyez l’enfant');
    expect(header(mail, 'List-Unsubscribe')).toMatch(
      /^<https:\/\/vigie\.police\.example\/basic\/alerts\/unsubscribe\?token=/,
    );
    expect(header(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    // Plain text, no pixel, and every link is the real page (nothing to count who opened what).
    expect(mail.raw).not.toMatch(/<img|text\/html/i);
    const links = mail.text.match(/https?:\/\/[^\s>]+/g) ?? [];
    for (const link of links)
      expect(link).toMatch(/^https:\/\/vigie\.police\.example\/(appeals|tips|basic\/alerts\/unsubscribe)/);
    expect(mailsTo('jamais.confirme@example.org')).toHaveLength(1);

    // The same publication again (a retried job, a re-publication of this version): no one twice.
    const sentBefore = push.received.length;
    const mailsBefore = inbox.mails.length;
    await t.app.get(JobQueue).send(APPEAL_PUBLISHED_JOB, {
      appealId: appeal.id,
      agencyId: (await t.db.query('SELECT agency_id FROM appeal WHERE id = $1', [appeal.id])).rows[0]
        .agency_id,
      event: 'APPROVED',
      versionNo: 1,
    });
    await alertsSent();
    expect(push.received.length).toBe(sentBefore);
    expect(inbox.mails.length).toBe(mailsBefore);

    // An update, then the resolution: each once, to the same people (the resolution takes the
    // child's whereabouts off the page; the alert still reaches those around Laval).
    const update = await pio.post(`/api/appeals/${appeal.id}/updates`, {
      kind: 'UPDATE',
      text: { fr: 'La berline a été vue sur l’autoroute 15.', en: 'The sedan was seen on Highway 15.' },
    });
    await supervisor.post(`/api/appeals/${appeal.id}/updates/${update.body.updates[0].id}/approve`);
    await alertsSent();
    expect(to(english.id).map((r) => r.message.title)).toEqual([
      'AMBER Alert: Léa, 6',
      'Update: AMBER Alert: Léa, 6',
    ]);
    expect(to(english.id)[1].message.body).toBe('The sedan was seen on Highway 15.');

    const resolved = await pio.post(`/api/appeals/${appeal.id}/resolve`, { outcome: 'FOUND_SAFE' });
    expect(resolved.status).toBe(200);
    await alertsSent();
    expect(to(french.id).map((r) => r.message.title)).toEqual([
      'Alerte AMBER : Léa, 6 ans',
      'Mise à jour : Alerte AMBER : Léa, 6 ans',
      'Alerte AMBER terminée : l’enfant a été retrouvé sain et sauf',
    ]);
    expect(to(farAway.id)).toHaveLength(0);
    expect(mailsTo('lea.tremblay@example.org')).toHaveLength(4);
  });
});

describe('removing a subscription', () => {
  it('takes one click from the e-mail (RFC 8058), and a link for someone else removes nothing', async () => {
    await confirmedEmail('marc.gagnon@example.org', 'en', ['WANTED']);
    await confirmedEmail('sophie.roy@example.org', 'en', ['WANTED']);
    await publishedAppeal(pio, supervisor, appealBody(AppealKind.WANTED));
    await alertsSent();
    const alert = mailsTo('marc.gagnon@example.org').at(-1)!;
    const url = /^<(.*)>$/.exec(header(alert, 'List-Unsubscribe')!)![1];
    const token = new URL(url).searchParams.get('token')!;

    // Someone else's subscription with Marc's signature, or a token altered in any way: refused.
    const [sophie] = (
      await t.db.query(`SELECT id FROM alert_subscription WHERE email = 'sophie.roy@example.org'`)
    ).rows;
    const signature = token.split('.')[1];
    const before = await subscriptions();
    for (const forged of [
      `${sophie.id}.${signature}`,
      `${token.split('.')[0]}.${signature.slice(0, -2)}xx`,
      'not-a-token-at-all',
    ]) {
      const res = await anon.post('/api/public/alerts/unsubscribe', { token: forged });
      expect(res.status).toBe(400);
      const page = await fetch(`${t.baseUrl}/basic/alerts/unsubscribe?token=${forged}&lang=en`, {
        method: 'POST',
      });
      expect(page.status).toBe(400);
    }
    expect(await subscriptions()).toBe(before);

    // The mail client's one-click POST, as RFC 8058 says: no cookie, the URL from the header.
    const oneClick = await fetch(url.replace(PUBLIC_URL, t.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    expect(await subscriptions()).toBe(before - 1);
    expect(
      (await t.db.query(`SELECT count(*) FROM alert_subscription WHERE email = 'sophie.roy@example.org'`))
        .rows[0].count,
    ).toBe('1');
    // Again: already gone, still a calm answer.
    expect((await anon.post('/api/public/alerts/unsubscribe', { token })).status).toBe(204);
  });

  it('a push message carries its own unsubscribe link, which removes that browser only', async () => {
    const browser = push.subscribe();
    const receipt = await subscribePush(browser, { kinds: ['WITNESS_APPEAL'] });
    await publishedAppeal(pio, supervisor, appealBody(AppealKind.WITNESS_APPEAL));
    await alertsSent();
    const message = push.received.find((r) => r.id === browser.id)!.message;
    const token = new URL(String(message.unsubscribeUrl)).searchParams.get('token');
    expect(token).toBe(receipt.body.unsubscribeToken);
    const before = await subscriptions();
    expect((await anon.post('/api/public/alerts/unsubscribe', { token })).status).toBe(204);
    expect(await subscriptions()).toBe(before - 1);
  });
});

describe('push services that refuse, fail or say nothing', () => {
  it('removes gone subscriptions, retries 429, 5xx and timeouts, and sends each alert once', async () => {
    const gone = push.subscribe([410]);
    const notFound = push.subscribe([404]);
    const busy = push.subscribe([429, 201]);
    const failing = push.subscribe([503, 201]);
    const silent = push.subscribe(['hang', 201]);
    const refused = push.subscribe([400]);
    for (const target of [gone, notFound, busy, failing, silent, refused])
      expect((await subscribePush(target, { kinds: ['MISSING_PERSON'] })).status).toBe(201);
    const ids = async () =>
      (await t.db.query(`SELECT endpoint FROM alert_subscription WHERE kinds = '{MISSING_PERSON}'`)).rows.map(
        (r) => r.endpoint.split('/').pop(),
      );
    await publishedAppeal(pio, supervisor, appealBody(AppealKind.MISSING_PERSON));
    await alertsSent();

    const delivered = (id: string) => push.received.filter((r) => r.id === id).length;
    expect([busy, failing, silent].map((s) => delivered(s.id))).toEqual([1, 1, 1]);
    expect([busy, failing, silent].map((s) => push.attempts.get(s.id))).toEqual([2, 2, 2]);
    // 404/410: the browser let go of it; a plain refusal is not retried, and not a reason to delete.
    expect(await ids()).toEqual(expect.arrayContaining([busy.id, failing.id, silent.id, refused.id]));
    expect(await ids()).not.toEqual(expect.arrayContaining([gone.id]));
    expect(await ids()).not.toEqual(expect.arrayContaining([notFound.id]));
    expect(push.attempts.get(refused.id)).toBe(1);
    const states = await t.db.query(`SELECT state, count(*)::int AS n FROM alert_delivery d
      JOIN alert_subscription s ON s.id = d.subscription_id WHERE s.kinds = '{MISSING_PERSON}' GROUP BY state ORDER BY state`);
    expect(states.rows).toEqual([
      { state: 'REFUSED', n: 1 },
      { state: 'SENT', n: 3 },
    ]);
  });
});

describe('a deploy during an alert', () => {
  it('removes the delivery rows the earlier code left PENDING, so the batch run again reaches those subscribers', async () => {
    const runner = t.app.get(DataSource).createQueryRunner();
    const migration = new AlertDeliverySentOnly1763704700000();
    const rows = async () =>
      (await t.db.query(`SELECT publication_key, subscription_id, state FROM alert_delivery ORDER BY 1, 2`))
        .rows;
    try {
      // The alerts above, answered and recorded.
      const before = await rows();
      expect(before.length).toBeGreaterThan(1);
      // The schema as the earlier code had it, and a batch that stopped between its two writes.
      await migration.down(runner);
      const [stopped] = before;
      await t.db.query(
        `UPDATE alert_delivery SET state = 'PENDING' WHERE publication_key = $1 AND subscription_id = $2`,
        [stopped.publication_key, stopped.subscription_id],
      );
      await migration.up(runner);
      // The batch skips a subscriber with a row: that one has none now, every answered one is kept.
      expect(await rows()).toEqual(before.slice(1));
      await expect(
        t.db.query(
          `INSERT INTO alert_delivery (publication_key, subscription_id, state) VALUES ($1, $2, 'PENDING')`,
          [stopped.publication_key, stopped.subscription_id],
        ),
      ).rejects.toMatchObject({ code: '23514' });
      await expect(
        t.db.query(`INSERT INTO alert_delivery (publication_key, subscription_id) VALUES ($1, $2)`, [
          stopped.publication_key,
          stopped.subscription_id,
        ]),
      ).rejects.toMatchObject({ code: '23502' });
    } finally {
      await runner.release();
    }
  });
});

describe('bad input', () => {
  const valid = () => {
    const target = push.subscribe();
    return {
      endpoint: target.endpoint,
      keys: target.keys,
      agency: 'demo',
      kinds: ['AMBER_ALERT'],
      area: { type: 'REGION' },
      language: 'fr',
    };
  };

  it.each([
    ['an endpoint that is not a URL', { endpoint: 'not a url' }, 'endpoint'],
    ['an http endpoint that is not loopback', { endpoint: 'http://push.example.com/x' }, 'endpoint'],
    [
      'an https endpoint of no push service',
      { endpoint: 'https://intranet.police.example/admin' },
      'endpoint',
    ],
    ['an endpoint with credentials', { endpoint: 'https://user:pw@127.0.0.1/x' }, 'endpoint'],
    [
      'a key that is no P-256 point',
      { keys: { p256dh: 'AAAA', auth: 'AAAAAAAAAAAAAAAAAAAAAA' } },
      'keys.p256dh',
    ],
    ['a kind that does not exist', { kinds: ['PARKING'] }, 'kinds'],
    ['no kind', { kinds: [] }, 'kinds'],
    ['a kind twice', { kinds: ['WANTED', 'WANTED'] }, 'kinds'],
    ['a circle without a point', { area: { type: 'RADIUS', radiusKm: 5 } }, 'area.latitude'],
    [
      'a latitude off the globe',
      { area: { type: 'RADIUS', latitude: 120, longitude: 10, radiusKm: 5 } },
      'area.latitude',
    ],
    ['a radius too wide', { area: { type: 'RADIUS', ...LAVAL, radiusKm: 5000 } }, 'area.radiusKm'],
    ['an area of no known type', { area: { type: 'COUNTRY' } }, 'area.type'],
    ['an unknown agency', { agency: 'nowhere' }, 'agency'],
    ['a language not offered', { language: 'de' }, 'language'],
    ['a field nobody asked for', { ip: '203.0.113.7' }, 'ip'],
  ])('refuses %s with a 400 naming the field, storing nothing', async (_what, change, field) => {
    const before = await subscriptions();
    const res = await anon.post('/api/public/alerts/push', { ...valid(), ...change });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors ?? {})).toContain(field);
    expect(await subscriptions()).toBe(before);
  });

  it('refuses a bad e-mail address, and a confirmation link altered or expired', async () => {
    const res = await anon.post('/api/public/alerts/email', {
      email: 'not-an-address',
      agency: 'demo',
      kinds: ['AMBER_ALERT'],
      area: { type: 'REGION' },
      language: 'fr',
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveProperty('email');
    const before = await subscriptions();
    expect((await anon.post('/api/public/alerts/confirm', { token: 'v1.aaaa.bbbb.cccc' })).status).toBe(400);
    expect((await anon.post('/api/public/alerts/confirm', { token: '<script>' })).status).toBe(400);
    expect(await subscriptions()).toBe(before);
  });
});

describe('the page without JavaScript', () => {
  it('subscribes by e-mail through a plain form, and draws a refusal as a page', async () => {
    const form = await fetch(`${t.baseUrl}/basic/alerts?lang=en`);
    expect(form.status).toBe(200);
    const html = await form.text();
    expect(html).toContain('<form method="post" action="/basic/alerts?lang=en">');
    expect(html).not.toContain('<script');

    const post = (body: string) =>
      fetch(`${t.baseUrl}/basic/alerts?lang=en`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
    const bad = await post(
      'agency=demo&kinds=PARKING&area=RADIUS&latitude=&longitude=&radiusKm=&language=en&email=x',
    );
    expect(bad.status).toBe(400);
    const page = await bad.text();
    expect(page).toContain('Please check the following');
    expect(page).toContain('E-mail address');
    // A body that is not a form (multipart, text) is a refusal drawn as the form, not a 500.
    for (const [type, body] of [
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="email"\r\n\r\na@b.c'],
      ['text/plain', '{"email":'],
    ]) {
      const odd = await fetch(`${t.baseUrl}/basic/alerts?lang=en`, {
        method: 'POST',
        headers: { 'content-type': type },
        body,
      });
      expect(odd.status).toBe(400);
      expect(odd.headers.get('content-type')).toMatch(/^text\/html/);
    }

    const ok = await post(
      'agency=demo&kinds=AMBER_ALERT&kinds=WANTED&area=RADIUS&latitude=45.57&longitude=-73.69&radiusKm=15&language=fr&email=noscript%40example.org',
    );
    expect(ok.status).toBe(202);
    expect(await ok.text()).toContain('Check your inbox');
    const mail = mailsTo('noscript@example.org')[0];
    expect(decodedHeader(mail, 'Subject')).toBe('Confirmez votre abonnement aux avis de Demo Police Service');
    const token = linkIn(mail.text, '/basic/alerts/confirm')![1];
    const confirmed = await fetch(`${t.baseUrl}/basic/alerts/confirm?token=${token}&lang=fr`, {
      method: 'POST',
    });
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain('C’est fait');
    const [row] = (
      await t.db.query(
        `SELECT kinds, radius_km, language FROM alert_subscription WHERE email = 'noscript@example.org'`,
      )
    ).rows;
    expect(row).toEqual({ kinds: ['AMBER_ALERT', 'WANTED'], radius_km: 15, language: 'fr' });
  });
});

describe('retention', () => {
  it('forgets who was sent which alert after ALERT_DELIVERY_RETENTION_DAYS, keeping the publications', async () => {
    const count = async (table: string) =>
      Number((await t.db.query(`SELECT count(*) FROM ${table}`)).rows[0].count);
    const deliveries = await count('alert_delivery');
    const publications = await count('alert_publication');
    expect(deliveries).toBeGreaterThan(0);
    const clock = t.app.get(Clock);
    const sweep = t.app.get(AlertSweepJob);
    try {
      clock.set(new Date(Date.now() + 29 * 86_400_000));
      expect(await sweep.sweep()).toBe(0);
      clock.set(new Date(Date.now() + 31 * 86_400_000));
      expect(await sweep.sweep()).toBe(deliveries);
    } finally {
      clock.set(undefined);
    }
    expect(await count('alert_delivery')).toBe(0);
    expect(await count('alert_publication')).toBe(publications);
  });
});

describe('a flood from one client', () => {
  it('is cut off by the per-client limit (a salted key, never the address), and what is refused is not stored', async () => {
    let refusedAt = -1;
    for (let i = 0; i < 70 && refusedAt < 0; i++) {
      const target = push.subscribe();
      const res = await subscribePush(target);
      if (res.status === 429) refusedAt = i;
      else expect(res.status).toBe(201);
    }
    expect(refusedAt).toBeGreaterThanOrEqual(0);
    const before = await subscriptions();
    const res = await subscribePush(push.subscribe());
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await subscriptions()).toBe(before);

    // The e-mail route has its own count, as each of the tip form's routes has: a flood of
    // confirmations to someone's address stops there too, and a refused request sends nothing.
    let accepted = 0;
    let cutOff = false;
    for (let i = 0; i < 70 && !cutOff; i++) {
      const email = await anon.post('/api/public/alerts/email', {
        email: 'flood@example.org',
        agency: 'demo',
        kinds: ['AMBER_ALERT'],
        area: { type: 'REGION' },
        language: 'fr',
      });
      if (email.status === 429) cutOff = true;
      else accepted++;
    }
    expect(cutOff).toBe(true);
    expect(mailsTo('flood@example.org')).toHaveLength(accepted);
  });
});
