import { createHash, createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Clock } from '../../apps/api/src/common/clock';
import { loadEnvironment } from '../../apps/api/src/config/environment';
import { JobQueue } from '../../apps/api/src/jobs/job-queue';
import { DEDUPE_SCORE_JOB, SMS_SEND_JOB } from '../../apps/api/src/jobs/job-registry';
import { deleteTipRows } from '../../apps/api/src/tips/tip-removal';
import { SmsSendJob } from '../../apps/api/src/channels/sms/sms-send.job';
import { ApiClient } from '../support/api-client';
import { jpegWithGps } from '../support/media-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

/*
 * Text-message tips through a provider in Twilio's format. No carrier can run here, so the provider
 * is played by this file against a recorded contract: the webhook's form fields, and the provider's
 * signature algorithm, as documented (https://www.twilio.com/docs/usage/security#validating-requests):
 * base64(HMAC-SHA1(auth token, full URL + every POST field name and value, sorted by name)). Media is
 * served by a local HTTP server standing in for the provider's API host.
 */

const TOKEN = 'test-auth-token-0123456789abcdef';
const SID = 'AC0123456789abcdef0123456789abcdef';
const PUBLIC_URL = 'https://tips.police.example';
const WEBHOOK = `${PUBLIC_URL}/api/channels/sms/inbound`;
const AGENCY_NUMBER = '+15145550100';
const TIPSTER = '+15145550199';
const NUMBER_FORMS = ['5145550199', '514-555-0199', '514 555 0199', '(514) 555-0199'];

let t: TestApp;
let admin: ApiClient;
let investigator: ApiClient;
let provider: Server;
let providerUrl: string;
let photo: Buffer;
const served = new Map<string, Buffer>();
const mediaRequests: { path: string; auth?: string }[] = [];
/** What the stand-in for the provider's REST API received: outgoing texts. */
const sent: { path: string; auth?: string; type?: string; form: Record<string, string> }[] = [];
let failNextSends = 0;
let sidCounter = 0;
/** The app's log at its most verbose: no sender's number may reach it. */
const logFile = join(process.env.VIGIE_TEST_DATA_DIR!, `channels-sms-${process.pid}-${Date.now()}.log`);

/** Twilio's documented signature, computed independently of the app's library. */
function twilioSignature(token: string, url: string, params: Record<string, string>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, key) => acc + key + params[key], url);
  return createHmac('sha1', token).update(Buffer.from(data, 'utf8')).digest('base64');
}

const newSid = () => `SM${(++sidCounter).toString(16).padStart(32, '0')}`;

function textParams(fields: Partial<Record<string, string>> = {}): Record<string, string> {
  const params: Record<string, string> = {
    AccountSid: SID,
    MessageSid: newSid(),
    From: TIPSTER,
    To: AGENCY_NUMBER,
    Body: 'Un homme vole des vélos derrière la gare.',
    NumMedia: '0',
    FromCity: 'MONTREAL',
    ...fields,
  } as Record<string, string>;
  for (const key of Object.keys(params)) if (params[key] === undefined) delete params[key];
  return params;
}

async function webhook(
  params: Record<string, string>,
  signature: string | null = twilioSignature(TOKEN, WEBHOOK, params),
) {
  const res = await fetch(`${t.baseUrl}/api/channels/sms/inbound`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(signature === null ? {} : { 'x-twilio-signature': signature }),
    },
    body: new URLSearchParams(params).toString(),
  });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

const reply = (xml: string) => /<Message>([\s\S]*)<\/Message>/.exec(xml)?.[1] ?? null;
const count = async (table: string) =>
  (await t.db.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n as number;
const codeIn = (text: string | null) => /Code ([0-9A-Z]{4,5}-[0-9A-Z]{4,5})/.exec(text ?? '')?.[1];

async function tipByCode(code: string) {
  const { rows } = await t.db.query(`SELECT * FROM tip WHERE code = $1`, [code]);
  return rows[0];
}

beforeAll(async () => {
  photo = await jpegWithGps(640, 480);
  provider = createServer((req, res) => {
    if (req.method === 'POST') {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      req.on('end', () => {
        if (failNextSends > 0) {
          failNextSends--;
          return res.writeHead(503).end();
        }
        sent.push({
          path: req.url ?? '',
          auth: req.headers.authorization,
          type: req.headers['content-type'],
          form: Object.fromEntries(new URLSearchParams(raw)),
        });
        res.writeHead(201, { 'content-type': 'application/json' }).end('{"sid":"SM-out","status":"queued"}');
      });
      return;
    }
    mediaRequests.push({ path: req.url ?? '', auth: req.headers.authorization });
    const body = served.get(req.url ?? '');
    if (!body) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': body.length }).end(body);
  });
  await new Promise<void>((r) => provider.listen(0, '127.0.0.1', r));
  providerUrl = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
  t = await startTestApp({
    TIP_CHALLENGE: 'off',
    TIP_RATE_LIMIT: '0',
    PUBLIC_URL,
    SMS_ENABLED: 'true',
    SMS_ACCOUNT_SID: SID,
    SMS_AUTH_TOKEN: TOKEN,
    SMS_API_BASE_URL: providerUrl,
    SMS_THREAD_HOURS: '72',
    LOG_LEVEL: 'trace',
    LOG_FILE: logFile,
  });
  admin = await ApiClient.signedIn(t.baseUrl, 'admin@demo.test');
  investigator = await ApiClient.signedIn(t.baseUrl, 'investigator@demo.test');
  const res = await admin.patch('/api/admin/agency', { smsNumber: AGENCY_NUMBER });
  expect(res.status).toBe(200);
  expect(res.body.smsNumber).toBe(AGENCY_NUMBER);
});
afterAll(async () => {
  await t.close();
  await new Promise((r) => provider.close(r));
});
afterEach(() => t.app.get(Clock).set(undefined));

describe('the provider webhook', () => {
  it('opens an SMS tip from a first text and answers with its code, in French and English', async () => {
    t.app.get(Clock).set('2026-03-02T15:00:00Z');
    const res = await webhook(textParams({ From: '+15145550111' }));
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/xml/);
    const text = reply(res.text);
    expect(text).toMatch(/Information reçue/);
    expect(text).toMatch(/Tip received/);
    expect(text).toContain(`${PUBLIC_URL}/tips/follow-up`);
    const tip = await tipByCode(codeIn(text)!);
    expect(tip.channel).toBe('SMS');
    expect(tip.description).toBe('Un homme vole des vélos derrière la gare.');
    expect(tip.received_at.toISOString()).toBe('2026-03-02T15:00:00.000Z');
    // The number is kept only sealed and as a keyed hash.
    expect(tip.sms_sender_enc).not.toContain('5145550111');
    expect(tip.sms_sender_key).not.toContain('5145550111');
    // The password in the text opens the follow-up like a web tip's.
    const password = /mot de passe (\S+)\./.exec(text!)?.[1];
    const signIn = await fetch(`${t.baseUrl}/api/public/tips/follow-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: tip.code, password }),
    });
    expect(signIn.status).toBeLessThan(300);
  });

  it('refuses unsigned and mis-signed texts with 403, storing nothing', async () => {
    const before = [await count('tip'), await count('sms_inbound_message')];
    const params = textParams({ From: '+15145550112' });
    expect((await webhook(params, null)).status).toBe(403);
    expect(
      (await webhook(params, twilioSignature('another-token-0123456789abcdef', WEBHOOK, params))).status,
    ).toBe(403);
    // Signed for another URL (another deployment), or a signature replayed with a different body.
    expect(
      (
        await webhook(
          params,
          twilioSignature(TOKEN, 'https://elsewhere.example/api/channels/sms/inbound', params),
        )
      ).status,
    ).toBe(403);
    const signature = twilioSignature(TOKEN, WEBHOOK, params);
    expect((await webhook({ ...params, Body: 'Autre chose' }, signature)).status).toBe(403);
    expect((await webhook(params, 'not-base64')).status).toBe(403);
    expect([await count('tip'), await count('sms_inbound_message')]).toEqual(before);
  });

  it('stores a message the provider sends twice once, and answers the retry 200', async () => {
    const params = textParams({ From: '+15145550113', Body: 'Renvoyé par le fournisseur' });
    const first = await webhook(params);
    expect(first.status).toBe(200);
    const tips = await count('tip');
    const again = await webhook(params);
    expect(again.status).toBe(200);
    expect(reply(again.text)).toBeNull();
    expect(await count('tip')).toBe(tips);
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM tip WHERE description = 'Renvoyé par le fournisseur'`,
    );
    expect(rows[0].n).toBe(1);
  });

  it('answers 404 for a number no agency has, and 400 for a text not in the provider format, storing nothing', async () => {
    const before = await count('tip');
    expect((await webhook(textParams({ To: '+15145550999' }))).status).toBe(404);
    const bad = await webhook(textParams({ From: 'anonymous' }));
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('From');
    expect((await webhook(textParams({ MessageSid: '' }))).status).toBe(400);
    expect((await webhook(textParams({ Body: '' }))).status).toBe(400);
    expect((await webhook(textParams({ NumMedia: '99' }))).status).toBe(400);
    expect((await webhook(textParams({ Body: 'x'.repeat(1_601) }))).status).toBe(400);
    expect(await count('tip')).toBe(before);
  });
});

describe('keywords', () => {
  const NUMBER = '+15145550120';
  it('STOP and ARRÊT opt out (confirmed once), START resumes, HELP and AIDE answer; none opens a tip', async () => {
    const tips = await count('tip');
    const help = reply((await webhook(textParams({ From: NUMBER, Body: 'aide' }))).text);
    expect(help).toMatch(/anonyme/);
    expect(help).toMatch(/anonymous/);
    expect(reply((await webhook(textParams({ From: NUMBER, Body: 'HELP' }))).text)).toBe(help);

    const stop = reply((await webhook(textParams({ From: NUMBER, Body: 'Arrêt' }))).text);
    expect(stop).toMatch(/plus de textos/);
    expect(await count('sms_opt_out')).toBe(1);
    // Confirmed once only; and nothing more is sent to the number, not even a receipt.
    expect(reply((await webhook(textParams({ From: NUMBER, Body: 'STOP' }))).text)).toBeNull();
    const quiet = await webhook(textParams({ From: NUMBER, Body: 'Je voulais ajouter une chose' }));
    expect(quiet.status).toBe(200);
    expect(reply(quiet.text)).toBeNull();
    expect(await count('tip')).toBe(tips + 1);

    expect(reply((await webhook(textParams({ From: NUMBER, Body: 'start' }))).text)).toMatch(/Texts resumed/);
    expect(await count('sms_opt_out')).toBe(0);
    for (const word of ['STOPALL', 'unsubscribe', 'Cancel', 'END', 'quit.', 'ARRET']) {
      await webhook(textParams({ From: NUMBER, Body: word }));
      expect(await count('sms_opt_out')).toBe(1);
      await webhook(textParams({ From: NUMBER, Body: 'UNSTOP' }));
    }
    expect(await count('tip')).toBe(tips + 1);
  });
});

describe('threads', () => {
  it('joins texts within SMS_THREAD_HOURS to the same tip, and opens a new one after', async () => {
    const NUMBER = '+15145550130';
    const clock = t.app.get(Clock);
    clock.set('2026-04-01T10:00:00Z');
    const first = codeIn(reply((await webhook(textParams({ From: NUMBER, Body: 'Premier texto' }))).text))!;
    clock.set('2026-04-03T09:00:00Z'); // 47 h later
    const second = reply(
      (await webhook(textParams({ From: NUMBER, Body: 'Il portait une casquette rouge' }))).text,
    );
    expect(second).toContain(`Added to tip ${first}`);
    clock.set('2026-04-06T08:59:00Z'); // 71 h 59 min after the last text
    await webhook(textParams({ From: NUMBER, Body: 'Encore une chose' }));
    const tip = await tipByCode(first);
    const detail = (await investigator.get(`/api/tips/${tip.id}`)).body;
    expect(detail.channel).toBe('SMS');
    expect(detail.messages.map((m: { from: string; body: string }) => [m.from, m.body])).toEqual([
      ['TIPSTER', 'Il portait une casquette rouge'],
      ['TIPSTER', 'Encore une chose'],
    ]);
    clock.set('2026-04-09T09:00:00Z'); // 72 h after the last text: a new tip
    const later = codeIn(reply((await webhook(textParams({ From: NUMBER, Body: 'Nouvelle affaire' }))).text));
    expect(later).toBeDefined();
    expect(later).not.toBe(first);
    // Another number never joins this thread.
    const other = codeIn(
      reply((await webhook(textParams({ From: '+15145550131', Body: 'Autre personne' }))).text),
    );
    expect(other).not.toBe(later);
  });
});

describe('MMS', () => {
  it('fetches a photo from the provider with the account credentials and seals it like an upload', async () => {
    const path = `/2010-04-01/Accounts/${SID}/Messages/MM1/Media/ME1`;
    served.set(path, photo);
    const res = await webhook(
      textParams({
        From: '+15145550140',
        Body: 'Photo du véhicule',
        NumMedia: '1',
        MediaUrl0: providerUrl + path,
        MediaContentType0: 'image/jpeg',
      }),
    );
    const tip = await tipByCode(codeIn(reply(res.text))!);
    expect(tip.media_count).toBe(1);
    const { rows } = await t.db.query(`SELECT mime, sha256, bytes FROM tip_media WHERE tip_id = $1`, [
      tip.id,
    ]);
    expect(rows).toEqual([
      {
        mime: 'image/jpeg',
        sha256: createHash('sha256').update(photo).digest('hex'),
        bytes: String(photo.length),
      },
    ]);
    const fetched = mediaRequests.find((r) => r.path === path)!;
    expect(fetched.auth).toBe(`Basic ${Buffer.from(`${SID}:${TOKEN}`).toString('base64')}`);
  });

  it('refuses a hostile file (a JPEG+HTML polyglot) and stores nothing of the message', async () => {
    const path = `/2010-04-01/Accounts/${SID}/Messages/MM2/Media/ME2`;
    served.set(path, Buffer.concat([photo, Buffer.from('<html><script>alert(1)</script></html>')]));
    const before = [await count('tip'), await count('tip_media'), await count('sms_inbound_message')];
    const res = await webhook(
      textParams({ From: '+15145550141', NumMedia: '1', MediaUrl0: providerUrl + path }),
    );
    expect(res.status).toBe(200);
    expect(reply(res.text)).toMatch(/not accepted/);
    expect([await count('tip'), await count('tip_media'), await count('sms_inbound_message')]).toEqual(
      before,
    );
  });

  it('never fetches a media URL off the provider’s host', async () => {
    const before = await count('tip');
    const requests = mediaRequests.length;
    const res = await webhook(
      textParams({ NumMedia: '1', MediaUrl0: 'http://169.254.169.254/latest/meta-data/' }),
    );
    expect(res.status).toBe(400);
    expect(res.text).toContain('MediaUrl0');
    expect(mediaRequests.length).toBe(requests);
    expect(await count('tip')).toBe(before);
  });
});

describe('the sender’s number', () => {
  it('is in no staff answer', async () => {
    const res = await webhook(textParams({ Body: 'Numéro caché' }));
    const tip = await tipByCode(codeIn(reply(res.text))!);
    const answers = [
      await investigator.get('/api/tips?limit=100'),
      await investigator.get('/api/tips?channel=SMS&limit=100'),
      await investigator.get(`/api/tips/${tip.id}`),
      await admin.post(`/api/tips/${tip.id}/contact`),
    ];
    for (const answer of answers) {
      expect(answer.status).toBeLessThan(500);
      const text = JSON.stringify(answer.body);
      for (const form of NUMBER_FORMS) expect(text).not.toContain(form);
    }
  });
});

describe('settings', () => {
  it('takes an agency number in E.164 form only, one agency per number', async () => {
    for (const smsNumber of ['514 555 0100', '+0123', 'call us', 42])
      expect((await admin.patch('/api/admin/agency', { smsNumber })).status).toBe(400);
    await t.db.query(`UPDATE agency SET sms_number = '+15145550177' WHERE slug <> 'demo'`);
    const taken = await admin.patch('/api/admin/agency', { smsNumber: '+15145550177' });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('SMS_NUMBER_TAKEN');
    expect((await admin.get('/api/admin/agency')).body.smsNumber).toBe(AGENCY_NUMBER);
  });

  it('refuses to start with SMS on but no credentials or public URL', () => {
    expect(() => loadEnvironment({ SMS_ENABLED: 'true' })).toThrow(/SMS_AUTH_TOKEN[\s\S]*|SMS_ACCOUNT_SID/);
    expect(() =>
      loadEnvironment({ SMS_ENABLED: 'true', SMS_ACCOUNT_SID: SID, SMS_AUTH_TOKEN: TOKEN }),
    ).toThrow(/PUBLIC_URL/);
    expect(loadEnvironment({}).SMS_ENABLED).toBe(false);
  });
});

describe('investigators’ messages to a text-message tipster', () => {
  const NUMBER = '+15145550160';
  const drain = () => t.app.get(JobQueue).drain(SMS_SEND_JOB);

  it('go back by SMS through the provider’s REST API, after the staff request, retried when the provider fails', async () => {
    const tip = await tipByCode(codeIn(reply((await webhook(textParams({ From: NUMBER }))).text))!);
    failNextSends = 1; // the provider is down once: the job retries
    const res = await investigator.post(`/api/tips/${tip.id}/messages`, { body: 'Quelle heure était-il ?' });
    expect(res.status).toBe(201);
    await drain();
    const out = sent.filter((s) => s.form.Body === 'Quelle heure était-il ?');
    expect(out).toHaveLength(1);
    expect(out[0].path).toBe(`/2010-04-01/Accounts/${SID}/Messages.json`);
    expect(out[0].type).toMatch(/application\/x-www-form-urlencoded/);
    expect(out[0].auth).toBe(`Basic ${Buffer.from(`${SID}:${TOKEN}`).toString('base64')}`);
    expect(out[0].form).toEqual({ To: NUMBER, From: AGENCY_NUMBER, Body: 'Quelle heure était-il ?' });
    expect(failNextSends).toBe(0);
    // Still not in the staff's answer.
    for (const form of NUMBER_FORMS) expect(JSON.stringify(res.body)).not.toContain(form);
  });

  it('go back on WhatsApp to a tipster who wrote on WhatsApp (the provider’s whatsapp: addresses)', async () => {
    const whatsapp = 'whatsapp:+15145550161';
    const answer = await webhook(textParams({ From: whatsapp, To: `whatsapp:${AGENCY_NUMBER}` }));
    expect(answer.status).toBe(200);
    const tip = await tipByCode(codeIn(reply(answer.text))!);
    expect(tip.channel).toBe('SMS');
    const res = await investigator.post(`/api/tips/${tip.id}/messages`, { body: 'Avez-vous une photo ?' });
    expect(res.status).toBe(201);
    await drain();
    expect(sent.filter((s) => s.form.Body === 'Avez-vous une photo ?').map((s) => s.form)).toEqual([
      { To: whatsapp, From: `whatsapp:${AGENCY_NUMBER}`, Body: 'Avez-vous une photo ?' },
    ]);
    expect(JSON.stringify(res.body)).not.toContain('5145550161');
    // A WhatsApp sender writing to a plain SMS number (or the reverse) is not the provider's format.
    const tips = await count('tip');
    expect((await webhook(textParams({ From: whatsapp }))).status).toBe(400);
    expect((await webhook(textParams({ To: `whatsapp:${AGENCY_NUMBER}` }))).status).toBe(400);
    expect(await count('tip')).toBe(tips);
  });

  it('are not texted to a web tipster, nor to a number that said STOP', async () => {
    const web = await fetch(`${t.baseUrl}/api/public/tips`, {
      method: 'POST',
      body: (() => {
        const f = new FormData();
        f.set('agency', 'demo');
        f.set('description', 'Par le formulaire');
        return f;
      })(),
    });
    const webTip = await tipByCode((await web.json()).code);
    const before = sent.length;
    expect((await investigator.post(`/api/tips/${webTip.id}/messages`, { body: 'Web ?' })).status).toBe(201);
    const stopped = '+15145550161';
    const tip = await tipByCode(codeIn(reply((await webhook(textParams({ From: stopped }))).text))!);
    await webhook(textParams({ From: stopped, Body: 'STOP' }));
    expect((await investigator.post(`/api/tips/${tip.id}/messages`, { body: 'Êtes-vous là ?' })).status).toBe(
      201,
    );
    await drain();
    expect(sent.length).toBe(before);
  });

  it('the number goes with the tip when it is purged: a late retry of its message sends nothing', async () => {
    const gone = '+15145550162';
    const body = 'Zeppelin orange amarré au quai 7, équipage de trois, départ prévu à minuit.';
    const tip = await tipByCode(codeIn(reply((await webhook(textParams({ From: gone, Body: body }))).text))!);
    // A purge takes tips long past; duplicate scoring still running on a fresh one would race it.
    await t.app.get(JobQueue).drain(DEDUPE_SCORE_JOB);
    await investigator.post(`/api/tips/${tip.id}/messages`, { body: 'Avant la purge' });
    await drain();
    expect(sent.filter((s) => s.form.To === gone)).toHaveLength(1);
    const [{ id: messageId }] = (
      await t.db.query(`SELECT id FROM tip_message WHERE tip_id = $1 AND author = 'INVESTIGATOR'`, [tip.id])
    ).rows;
    await t.app.get(DataSource).transaction((tx) => deleteTipRows(tx, tip.id, []));
    const { rows } = await t.db.query(
      `SELECT (SELECT count(*)::int FROM tip WHERE id = $1) AS tips, (SELECT count(*)::int FROM sms_inbound_message WHERE tip_id = $1) AS sids`,
      [tip.id],
    );
    expect(rows[0]).toEqual({ tips: 0, sids: 0 });
    await t.app.get(SmsSendJob).send(messageId);
    expect(sent.filter((s) => s.form.To === gone)).toHaveLength(1);
  });
});

describe('the log', () => {
  it('holds no sender’s number, at its most verbose', async () => {
    const log = await readFile(logFile, 'utf8');
    // It did record this file's traffic (so the search below does not look at nothing)...
    expect(log).toContain('/api/channels/sms/inbound');
    expect(log).toContain('SMS handed to the provider');
    // ...and no number this file texted from, in any form.
    expect(log).not.toMatch(/514\D{0,3}555\D{0,3}01\d\d/);
  });
});
