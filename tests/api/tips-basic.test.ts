import { Client } from 'pg';
import { Clock } from '../../apps/api/src/common/clock';
import { ApiClient } from '../support/api-client';
import { jpegWithGps } from '../support/media-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

/*
 * The tip form and follow-up drawn by the server for a browser without JavaScript (tips/basic): real
 * HTTP, real multipart, the real intake and follow-up on a real database. The proof-of-work stays ON:
 * these pages must work without it, paying with a form token that must have waited instead.
 */

const ONION = `http://vigie${'z'.repeat(51)}.onion`;

let t: TestApp;
let clock: Clock;
let photo: Buffer;
let moment = Date.parse('2026-12-07T15:00:00Z');

/** Moves the app's clock on (the form token's wait is read from it). */
function wait(seconds: number): void {
  moment += seconds * 1000;
  clock.set(new Date(moment));
}

/** The page with its whitespace runs made single spaces and `<x />` written `<x>`, to assert on markup. */
const squash = (html: string) =>
  html
    .replace(/\s+/g, ' ')
    .replace(/\s*\/>/g, '>')
    .replace(/> </g, '><');

const decode = (s: string) => s.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));

interface Page {
  status: number;
  html: string;
  headers: Headers;
}

async function get(path: string, headers: Record<string, string> = {}, base = t.baseUrl): Promise<Page> {
  const res = await fetch(base + path, { headers, redirect: 'manual' });
  return { status: res.status, html: squash(await res.text()), headers: res.headers };
}

/** The address the page's first form is sent to. */
function formAction(html: string, index = 0): string {
  const actions = [...html.matchAll(/<form method="post" action="([^"]+)"/g)].map((m) => decode(m[1]));
  if (!actions[index]) throw new Error(`No form ${index} on the page`);
  return actions[index];
}

function multipart(
  fields: Record<string, string>,
  files: { data: Buffer; name: string; type?: string }[] = [],
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files)
    form.append('files', new Blob([new Uint8Array(f.data)], { type: f.type ?? 'image/jpeg' }), f.name);
  return form;
}

async function post(
  path: string,
  body: FormData,
  headers: Record<string, string> = {},
  base = t.baseUrl,
): Promise<Page> {
  const res = await fetch(base + path, { method: 'POST', body, headers, redirect: 'manual' });
  return { status: res.status, html: squash(await res.text()), headers: res.headers };
}

/** Opens the form, lets the time a person would take pass, and sends it. */
async function sendTip(
  fields: Record<string, string>,
  files: { data: Buffer; name: string; type?: string }[] = [],
  opts: { query?: string; after?: number } = {},
): Promise<Page & { action: string }> {
  const form = await get(`/basic/tips/new${opts.query ?? '?lang=fr'}`);
  const action = formAction(form.html);
  wait(opts.after ?? 30);
  const res = await post(action, multipart({ language: 'fr', agency: 'demo', ...fields }, files));
  return { ...res, action };
}

const tipCount = async () => Number((await t.db.query(`SELECT count(*) FROM tip`)).rows[0].count);
const receiptOf = (html: string) => ({
  code: /<dd id="tip-code">([^<]+)<\/dd>/.exec(html)?.[1] ?? '',
  password: /<dd id="tip-password">([^<]+)<\/dd>/.exec(html)?.[1] ?? '',
});

beforeAll(async () => {
  t = await startTestApp({
    TIP_CHALLENGE: 'on',
    TIP_RATE_LIMIT: '0',
    BASIC_TIP_RATE_LIMIT: '0',
    TIP_FILE_MAX_MB: '1',
    TIP_TOTAL_MAX_MB: '2',
  });
  clock = t.app.get(Clock);
  clock.set(new Date(moment));
  photo = await jpegWithGps(800, 600);
});
afterAll(() => t.close());

describe('the tip form without JavaScript', () => {
  it('is drawn by the server in the visitor’s language, accessible, under the strict CSP, with nothing from elsewhere', async () => {
    const fr = await get('/basic/tips/new', { 'accept-language': 'fr-CA,fr;q=0.9,en;q=0.5' });
    expect(fr.status).toBe(200);
    expect(fr.headers.get('content-type')).toMatch(/^text\/html/);
    expect(fr.headers.get('cache-control')).toBe('no-store');
    expect(fr.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(fr.headers.get('content-security-policy')).toMatch(/style-src 'self'/);
    expect(fr.html).toMatch(/^<!doctype html>\s*<html lang="fr">/);
    expect(fr.html).toContain(
      '<label for="field-description">Ce que vous avez vu ou ce que vous savez</label>',
    );
    expect(fr.html).toContain('enctype="multipart/form-data"');
    expect(fr.html).toMatch(/<select id="field-agency" name="agency"/); // two services on this deployment
    expect(fr.html).not.toMatch(/<script|style="|\son[a-z]+=/i);
    expect(fr.html).not.toMatch(/(src|href|action)="(https?:)?\/\//);
    expect(fr.html).toContain('href="/basic/tips/new?lang=en"');

    const en = await get('/basic/tips/new?lang=en', { 'accept-language': 'fr' });
    expect(en.html).toContain('<html lang="en">');
    expect(en.html).toContain('What you saw or what you know');

    const stylesheet = /<link rel="stylesheet" href="(\/basic\/style\.[0-9a-f]{12}\.css)">/.exec(
      fr.html,
    )?.[1];
    const css = await get(stylesheet!);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(css.headers.get('cache-control')).toContain('immutable');
  });

  it('names the appeal it answers and sends the tip there', async () => {
    const { rows } = await t.db.query(
      `SELECT slug FROM appeal WHERE status = 'PUBLISHED' ORDER BY slug LIMIT 1`,
    );
    const slug: string = rows[0].slug;
    const form = await get(`/basic/tips/new?lang=en&appeal=${slug}`);
    expect(form.html).toContain(`<input type="hidden" name="appeal" value="${slug}">`);
    expect(form.html).not.toContain('name="agency"');
    expect(form.html).toContain(`href="/basic/tips/new?appeal=${slug}&#38;lang=fr"`);
    const action = formAction(form.html);
    wait(30);
    const res = await post(
      action,
      multipart({ language: 'en', appeal: slug, description: 'Seen at the station.' }),
    );
    expect(res.status).toBe(201);
    const { code } = receiptOf(res.html);
    const tip = await t.db.query(
      `SELECT t.language, a.slug FROM tip t JOIN appeal a ON a.id = t.appeal_id WHERE t.code = $1`,
      [code],
    );
    expect(tip.rows[0]).toEqual({ language: 'en', slug });
  });

  it('takes a tip with a photo through the same intake: receipt with code and passphrase, the time read in the service’s zone', async () => {
    const res = await sendTip(
      {
        description: 'Un homme avec un sac rouge, près du métro.',
        occurredLocal: '2026-12-06T21:30',
        place: 'Station Berri-UQAM',
      },
      [{ data: photo, name: 'IMG_0001.jpg' }],
    );
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { code, password } = receiptOf(res.html);
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    expect(password.split('-')).toHaveLength(5);
    expect(res.html).toContain('Merci : votre information est reçue');
    // No link to the other language: it would lose the receipt, which is shown once.
    expect(res.html).not.toContain('hreflang=');
    const { rows } = await t.db.query(
      `SELECT channel, language, place, occurred_from, media_count, password_hash FROM tip WHERE code = $1`,
      [code],
    );
    expect(rows[0]).toMatchObject({
      channel: 'WEB',
      language: 'fr',
      place: 'Station Berri-UQAM',
      media_count: 1,
    });
    // 21:30 in Montréal in December is 02:30 UTC the next day.
    expect(rows[0].occurred_from.toISOString()).toBe('2026-12-07T02:30:00.000Z');
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
    const media = await t.db.query(
      `SELECT count(*)::int AS n FROM tip_media m JOIN tip t ON t.id = m.tip_id WHERE t.code = $1`,
      [code],
    );
    expect(media.rows[0].n).toBe(1);

    // The same form again: refused, nothing more stored.
    const before = await tipCount();
    const again = await post(
      res.action,
      multipart({ language: 'fr', agency: 'demo', description: 'Encore.' }),
    );
    expect(again.status).toBe(409);
    expect(again.html).toContain('Ce formulaire a déjà été envoyé');
    expect(await tipCount()).toBe(before);
  });

  it('refuses a form sent too soon after it was drawn, a forged or missing token, and another site’s post', async () => {
    const before = await tipCount();
    const quick = await sendTip({ description: 'Trop vite.' }, [], { after: 2 });
    expect(quick.status).toBe(400);
    expect(quick.html).toContain('Envoyé trop vite');

    const form = await get('/basic/tips/new?lang=en');
    const action = formAction(form.html);
    wait(30);
    const forged = action.replace(/t=(\d+)\./, (_, issued: string) => `t=${Number(issued) - 60_000}.`);
    const fields = () => multipart({ language: 'en', agency: 'demo', description: 'Forged.' });
    expect((await post(forged, fields())).status).toBe(400);
    expect((await post('/basic/tips/new?lang=en', fields())).status).toBe(400);
    const crossSite = await post(action, fields(), { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    expect(crossSite.html).toContain('This form must be sent from this site');
    expect(await tipCount()).toBe(before);
    // The genuine form still works after all that.
    expect((await post(action, fields())).status).toBe(201);
  });

  it('draws the form again with what was written when a field is missing or wrong, the errors linked to their fields', async () => {
    const before = await tipCount();
    const res = await sendTip({
      description: '   ',
      place: 'Parc La Fontaine',
      contactEmail: 'pas-un-courriel',
    });
    expect(res.status).toBe(400);
    expect(res.html).toContain('class="error-summary"');
    expect(res.html).toContain(
      '<a href="#field-description">Décrivez ce que vous avez vu ou ce que vous savez.</a>',
    );
    expect(res.html).toContain('<a href="#field-contactEmail">');
    expect(res.html).toMatch(
      /id="field-description"[^>]*aria-describedby="field-description-hint field-description-error" aria-invalid="true"/,
    );
    expect(res.html).toContain('value="Parc La Fontaine"');
    expect(res.html).toContain('value="pas-un-courriel"');
    expect(await tipCount()).toBe(before);

    // Sent again at once, fixed: the wait already served by the first drawing counts.
    const fixed = await post(
      formAction(res.html),
      multipart({ language: 'fr', agency: 'demo', description: 'Corrigé.', place: 'Parc La Fontaine' }),
    );
    expect(fixed.status).toBe(201);
  });

  it('asks for the police service when none is chosen', async () => {
    const res = await sendTip({ description: 'Pour quel service ?', agency: '' });
    expect(res.status).toBe(400);
    expect(res.html).toContain(
      '<a href="#field-agency">Choisissez le service de police qui recevra votre information.</a>',
    );
  });

  it('keeps a hostile text as inert text when it draws it back', async () => {
    const hostile = '</textarea><script>alert(1)</script><img src=x onerror=alert(2)>"\'';
    const res = await sendTip({ description: hostile, place: hostile, contactPhone: 'not a phone' });
    expect(res.status).toBe(400);
    expect(res.html).not.toContain('<script>alert(1)');
    expect(res.html).not.toContain('<img src=x');
    expect(res.html).toContain('&#60;/textarea&#62;&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(res.html).toContain('value="&#60;/textarea&#62;');

    // Stored as written, and shown as text on the receipt's follow-up thread later (see below).
    const stored = await sendTip({ description: hostile });
    expect(stored.status).toBe(201);
  });

  it('refuses a file over the size limit (413) and a hostile file (422) with the form drawn again, nothing stored', async () => {
    const before = await tipCount();
    const big = Buffer.concat([photo, Buffer.alloc(1536 * 1024, 7)]);
    const tooBig = await sendTip({ description: 'Une vidéo trop lourde.' }, [{ data: big, name: 'big.jpg' }]);
    expect(tooBig.status).toBe(413);
    expect(tooBig.html).toContain('<a href="#field-files">Les fichiers sont trop volumineux.');
    expect(tooBig.html).toContain('Une vidéo trop lourde.');

    const polyglot = Buffer.concat([
      photo,
      Buffer.from('<html><script>alert(document.domain)</script></html>'),
    ]);
    const hostile = await sendTip({ description: 'Photo piégée.' }, [{ data: polyglot, name: 'photo.jpg' }]);
    expect(hostile.status).toBe(422);
    expect(hostile.html).toContain('<a href="#field-files">');
    expect(hostile.html).toContain('Photo piégée.');
    expect(await tipCount()).toBe(before);
  });

  it('answers a cut or malformed form with a 400 page, not JSON, and stores nothing', async () => {
    const before = await tipCount();
    const action = formAction((await get('/basic/tips/new?lang=en')).html);
    wait(30);
    const boundary = 'vigie-cut';
    const cut = `--${boundary}\r\nContent-Disposition: form-data; name="description"\r\n\r\nJe l'ai vu`;
    const res = await fetch(t.baseUrl + action, {
      method: 'POST',
      body: cut,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      redirect: 'manual',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(squash(await res.text())).toContain('<html');
    expect(await tipCount()).toBe(before);
  });

  it('draws a form left open past its lifetime again, with what was written and a new token', async () => {
    const form = await get('/basic/tips/new?lang=en');
    const action = formAction(form.html);
    wait(7 * 60 * 60);
    const res = await post(
      action,
      multipart({ language: 'en', agency: 'demo', description: 'Written slowly.' }),
    );
    expect(res.status).toBe(400);
    expect(res.html).toContain('This form was open for a long time');
    expect(res.html).toContain('Written slowly.');
    expect(formAction(res.html)).not.toBe(action);
  });
});

describe('the follow-up without JavaScript', () => {
  it('signs in with code and passphrase, reads the investigator, answers with a message and a photo, closes', async () => {
    const sent = await sendTip({ description: '<b>Gras</b> ou pas ?' });
    const { code, password } = receiptOf(sent.html);
    await t.db.query(
      `INSERT INTO tip_message (tip_id, agency_id, author, staff_id, body)
       SELECT t.id, t.agency_id, 'INVESTIGATOR', u.id, 'Quelle était la <plaque> ?' FROM tip t, staff_user u
        WHERE t.code = $1 AND u.email = 'investigator@demo.test'`,
      [code],
    );
    const browser = new ApiClient(t.baseUrl);

    const signInPage = await get('/basic/tips/follow-up?lang=fr');
    expect(signInPage.html).toContain('autocomplete="current-password"');
    const wrong = await browser.request(
      'POST',
      '/basic/tips/follow-up?lang=fr',
      multipart({ code, password: 'pas-le-bon-mot' }),
    );
    expect(wrong.status).toBe(401);
    expect(squash(wrong.body)).toContain('Code ou mot de passe incorrect.');
    expect(squash(wrong.body)).toContain(`value="${code}"`);
    expect(browser.cookies.size).toBe(0);

    const typed = { code: code.toLowerCase().replace('-', ' '), password: password.replace(/-/g, ' ') };
    const signedIn = await browser.request('POST', '/basic/tips/follow-up?lang=fr', multipart(typed));
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe('/basic/tips/follow-up?lang=fr');
    const cookie = signedIn.headers.getSetCookie()[0];
    expect(cookie).toMatch(/^vigie_tip_follow_up=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/basic\/tips\/follow-up/);
    expect(cookie).not.toMatch(/Expires|Max-Age/i);

    const thread = await browser.get('/basic/tips/follow-up?lang=fr');
    expect(thread.status).toBe(200);
    expect(squash(thread.body)).toContain(code);
    expect(squash(thread.body)).toContain('Quelle était la &#60;plaque&#62; ?');
    const session = /name="session" value="([^"]+)"/.exec(squash(thread.body))?.[1] ?? '';

    // Without the form's session value (a form from elsewhere): refused, nothing stored.
    const forged = await browser.request(
      'POST',
      '/basic/tips/follow-up/messages?lang=fr',
      multipart({ session: 'x'.repeat(43), body: 'Intrus.' }),
    );
    expect(forged.status).toBe(403);
    const nothing = await browser.request(
      'POST',
      '/basic/tips/follow-up/messages?lang=fr',
      multipart({ session }),
    );
    expect(nothing.status).toBe(400);
    expect(squash(nothing.body)).toContain('Écrivez un message ou choisissez un fichier.');

    const answered = await browser.request(
      'POST',
      '/basic/tips/follow-up/messages?lang=fr',
      multipart({ session, body: 'Une plaque du Québec, FXT 123.' }, [{ data: photo, name: 'plaque.jpg' }]),
    );
    expect(answered.status).toBe(303);
    expect(answered.headers.get('location')).toBe('/basic/tips/follow-up?lang=fr&done=message');
    const after = await browser.get('/basic/tips/follow-up?lang=fr&done=message');
    expect(squash(after.body)).toContain('Message envoyé.');
    expect(squash(after.body)).toContain('Une plaque du Québec, FXT 123.');
    const stored = await t.db.query(
      `SELECT t.media_count, (SELECT count(*)::int FROM tip_message m WHERE m.tip_id = t.id AND m.author = 'TIPSTER') AS answers
         FROM tip t WHERE t.code = $1`,
      [code],
    );
    expect(stored.rows[0]).toEqual({ media_count: 1, answers: 1 });

    const hostileFile = Buffer.concat([photo, Buffer.from('<html><script>alert(1)</script></html>')]);
    const refused = await browser.request(
      'POST',
      '/basic/tips/follow-up/messages?lang=fr',
      multipart({ session, body: 'Avec une photo piégée.' }, [{ data: hostileFile, name: 'x.jpg' }]),
    );
    expect(refused.status).toBe(422);
    expect(squash(refused.body)).toContain('Avec une photo piégée.');
    const unchanged = await t.db.query(
      `SELECT t.media_count, (SELECT count(*)::int FROM tip_message m WHERE m.tip_id = t.id AND m.author = 'TIPSTER') AS answers
         FROM tip t WHERE t.code = $1`,
      [code],
    );
    expect(unchanged.rows[0]).toEqual({ media_count: 1, answers: 1 });

    const closed = await browser.request(
      'POST',
      '/basic/tips/follow-up/sign-out?lang=fr',
      multipart({ session }),
    );
    expect(closed.status).toBe(303);
    expect(browser.cookies.size).toBe(0);
    const signedOut = await browser.get('/basic/tips/follow-up?lang=fr&done=closed');
    expect(squash(signedOut.body)).toContain('Votre suivi est fermé.');
    const late = await browser.request(
      'POST',
      '/basic/tips/follow-up/messages?lang=fr',
      multipart({ session, body: 'Après fermeture.' }),
      { cookie: 'vigie_tip_follow_up=forged.1.x' },
    );
    expect(late.status).toBe(401);
  });

  it('locks a code after ten wrong passphrases, as the portal’s follow-up does', async () => {
    const sent = await sendTip({ description: 'Pour le verrou.' });
    const { code, password } = receiptOf(sent.html);
    for (let i = 0; i < 10; i++)
      await post('/basic/tips/follow-up?lang=en', multipart({ code, password: `wrong-${i}` }));
    const locked = await post('/basic/tips/follow-up?lang=en', multipart({ code, password }));
    expect(locked.status).toBe(429);
    expect(locked.html).toContain('Too many tries with this code');
  });
});

describe('the app’s shell without JavaScript', () => {
  // The redirect of /tips/new and /tips/follow-up is in portal/basic-layout.spec.ts: those routes need the
  // built portal, which API tests run without; an appeal's page is drawn either way.
  it('offers the simple form for that appeal on an appeal’s page, in both languages', async () => {
    const { rows } = await t.db.query(
      `SELECT slug FROM appeal WHERE status = 'PUBLISHED' ORDER BY slug LIMIT 1`,
    );
    const appealPage = await get(`/appeals/${rows[0].slug}`);
    expect(appealPage.status).toBe(200);
    expect(appealPage.html).toContain('<noscript><link rel="stylesheet" href="/basic/style.');
    expect(appealPage.html).toContain(`href="/basic/tips/new?lang=en&#38;appeal=${rows[0].slug}"`);
    expect(appealPage.html).toContain(`href="/basic/tips/new?lang=fr&#38;appeal=${rows[0].slug}"`);
    expect(appealPage.html).toContain('<div lang="en"><h2>JavaScript is off</h2>');
    expect(appealPage.html).not.toContain('http-equiv="refresh"');
  });
});

describe('limits and the onion address', () => {
  let strict: TestApp;
  beforeAll(async () => {
    strict = await startTestApp({
      BASIC_TIP_RATE_LIMIT: '2',
      BASIC_FORM_MIN_SECONDS: '0',
      ONION_URL: ONION + '',
    });
  });
  afterAll(() => strict.close());

  it('allows a client only a few tips an hour without JavaScript (429, with Retry-After)', async () => {
    const statuses: number[] = [];
    let last: Page | undefined;
    for (let i = 0; i < 3; i++) {
      const form = await get('/basic/tips/new?lang=en', {}, strict.baseUrl);
      last = await post(
        formAction(form.html),
        multipart({ language: 'en', agency: 'demo', description: `Tip ${i}` }),
        {},
        strict.baseUrl,
      );
      statuses.push(last.status);
    }
    expect(statuses).toEqual([201, 201, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(last!.html).toContain('Too many sendings from this connection');
  });

  it('answers a page, not JSON, with 503 and Retry-After while the database cannot answer', async () => {
    const locker = new Client({ connectionString: strict.databaseUrl });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE agency IN ACCESS EXCLUSIVE MODE');
      const page = await get('/basic/tips/new?lang=fr', {}, strict.baseUrl);
      expect(page.status).toBe(503);
      expect(Number(page.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.html).toContain('Une erreur est survenue de notre côté.');
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
    expect((await get('/basic/tips/new?lang=fr', {}, strict.baseUrl)).status).toBe(200);
  });

  it('sends Onion-Location on pages when ONION_URL is set', async () => {
    const page = await get('/basic/tips/new?lang=en', {}, strict.baseUrl);
    expect(page.headers.get('onion-location')).toBe(`${ONION}/basic/tips/new?lang=en`);
    expect((await get('/api/health', {}, strict.baseUrl)).headers.get('onion-location')).toBeNull();
    expect((await get('/basic/tips/new')).headers.get('onion-location')).toBeNull();
  });
});
