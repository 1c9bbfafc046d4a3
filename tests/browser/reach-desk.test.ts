import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import type { SocialAttentionPost } from '@vigie/common';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { appealBody } from '../support/appeal-factory';
import { BuiltApp, startBuiltApp } from '../support/built-app';
import { ARTIFACTS, expectAccessible, launchBrowser, screenshot, withPage } from './support/browser';
import { signIn } from './support/sign-in';

/**
 * The desk's social pages on the built product, connecting nothing outside this machine. An admin
 * tries an X token that X refuses (a local server answering with X's recorded 401 for a revoked
 * token: a RECORDED CONTRACT, not the live network) and reads the refusal, then connects the agency's
 * own fediverse account (Vigie is its server). A supervisor approves an appeal after reading what it
 * will post, and sees the post made. A reply the scheduled read would have archived is put in the
 * archive (the one seeded row; no Mastodon server runs here), and an investigator on a phone finds it
 * and makes it a tip in one action. Screenshots of the four pages at 390×844 and 1440×900 in French and
 * English go to tests/artifacts/reach-*.
 */
let app: BuiltApp & { pgPort: number };
let browser: Browser;
let refusingX: Server;
let refusingXUrl = '';

beforeAll(async () => {
  const contract = JSON.parse(
    await readFile(
      join(__dirname, '../../apps/api/src/reach/social/networks/x/contracts/verify.json'),
      'utf8',
    ),
  ) as { exchanges: { request: { note?: string }; response: { status: number; body: unknown } }[] };
  const revoked = contract.exchanges.find((exchange) => exchange.request.note === 'token revoked')!.response;
  refusingX = createServer((_, res) => {
    res.writeHead(revoked.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(revoked.body));
  });
  await new Promise<void>((resolve) => refusingX.listen(0, '127.0.0.1', resolve));
  refusingXUrl = `http://127.0.0.1:${(refusingX.address() as AddressInfo).port}`;
  // Loopback servers (the app itself for the fediverse, the recorded X) are allowed in this run only.
  [app, browser] = await Promise.all([
    startBuiltApp({ TIP_CHALLENGE: 'off', SOCIAL_ALLOW_INSECURE_SERVICE: 'true' }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await new Promise((resolve) => refusingX?.close(resolve));
});

const run = Date.now().toString(36);
const DESKTOP: BrowserContextOptions = { viewport: { width: 1440, height: 900 }, locale: 'en-CA' };
const PHONE_FR: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'fr-CA',
};

/** Runs SQL on the app's embedded Postgres (only to put in what a network would have sent). */
async function sql<T>(text: string, values: unknown[]): Promise<T[]> {
  const secret = (await readFile(join(app.dataDir, 'postgres.secret'), 'utf8')).trim();
  const client = new Client({
    connectionString: `postgres://postgres:${encodeURIComponent(secret)}@127.0.0.1:${app.pgPort}/vigie`,
  });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

let appealId = '';

it('an admin reads X’s refusal of a revoked token, then connects the agency’s fediverse account', async () => {
  await withPage(browser, 'reach-accounts-admin', DESKTOP, async (admin) => {
    await signIn(admin, app.baseUrl, 'admin@demo.test');
    await admin
      .getByRole('navigation', { name: 'Staff area sections' })
      .getByRole('link', { name: 'Social accounts' })
      .click();
    await admin.getByRole('heading', { name: 'Social media accounts' }).waitFor();
    await admin
      .getByText('No account is connected: approved appeals are not posted on social media.')
      .waitFor();
    await expectAccessible(admin);

    // X: the keyboard through the form; the API signs in, X answers 401, the page says so.
    const x = admin.getByRole('region', { name: 'X' });
    await x.getByLabel('Server address').fill(refusingXUrl);
    await x.getByLabel('Username').fill('@DemoPolice');
    await x.getByLabel('User access token').fill('revoked-token');
    await x.getByLabel('User access token').press('Enter');
    const refusal = x.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('The network refused these credentials');
    await expectAccessible(admin);

    await admin.getByRole('button', { name: 'Create and connect the fediverse account' }).click();
    const host = new URL(app.baseUrl).host;
    await admin.getByText(`@demo@${host} (Fediverse (Mastodon)) is connected.`).waitFor();
    const card = admin.getByRole('list', { name: 'Connected accounts' }).getByRole('listitem');
    expect(await card.innerText()).toContain('Working');
    await expectAccessible(admin);
  });
  const [{ n }] = await sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM social_account WHERE disconnected_at IS NULL`,
    [],
  );
  expect(n).toBe(1);
});

it('a supervisor approves an appeal after reading its posts, then sees them posted', async () => {
  const pio = await ApiClient.signedIn(app.baseUrl, 'pio@demo.test');
  const body = appealBody(undefined, {
    title: { fr: `Disparu : Marc Gagnon, 72 ans (${run})`, en: `Missing: Marc Gagnon, 72 (${run})` },
  });
  const created = await pio.post('/api/appeals', body);
  expect(created.status).toBe(201);
  appealId = created.body.id;
  expect((await pio.post(`/api/appeals/${appealId}/submit`)).status).toBe(200);

  await withPage(browser, 'reach-posts-supervisor', DESKTOP, async (supervisor) => {
    await signIn(supervisor, app.baseUrl, 'supervisor@demo.test');
    await supervisor.goto(`${app.baseUrl}/desk/review`);
    const proposal = supervisor.getByRole('article').filter({ hasText: `(${run})` });
    await proposal.getByRole('button', { name: 'Approve and publish…' }).click();
    const posts = proposal.getByRole('region', { name: 'What approval will post on social media' });
    const french = posts.getByRole('article', { name: 'French' });
    await french.waitFor();
    expect(await french.innerText()).toContain(`Disparu : Marc Gagnon, 72 ans (${run})`);
    expect(await posts.getByRole('article', { name: 'English' }).innerText()).toContain(`(${run})`);
    await expectAccessible(supervisor);
    await proposal.getByRole('button', { name: 'Publish this version now' }).click();
    await supervisor.getByText(/Approved: the new version is live/).waitFor();

    // The appeal's page follows its posts until they are made (the fediverse: Vigie itself).
    await supervisor.goto(`${app.baseUrl}/desk/appeals/${appealId}`);
    const section = supervisor.getByRole('region', { name: 'Social media posts' });
    const link = section.getByRole('link', {
      name: 'See the post on Fediverse (Mastodon) (opens a new tab)',
    });
    // One job sends the French post, then the English one: the page can show the first posted
    // while the second is still on its way, so both are waited for before they are counted.
    await link.nth(1).waitFor({ timeout: 30_000 });
    expect(await link.count()).toBe(2);
    expect(await link.first().getAttribute('href')).toMatch(new RegExp(`^${app.baseUrl}/ap/notes/`));
    expect(await section.getByText('Posted', { exact: true }).count()).toBe(2);
    await expectAccessible(supervisor);
  });
});

it('an investigator on a phone finds a reply in the archive and makes it a tip in one action', async () => {
  const [account] = await sql<{ id: string; agency_id: string }>(
    `SELECT id, agency_id FROM social_account WHERE network = 'MASTODON' AND disconnected_at IS NULL`,
    [],
  );
  // What reach.social-read stores for a reply that arrives in the actor's inbox.
  await sql(
    `INSERT INTO social_message (agency_id, account_id, direction, kind, remote_id, url, author_handle, text, at,
       in_reply_to_remote_id, appeal_id, media, tip_id, archived_at)
     VALUES ($1, $2, 'RECEIVED', 'REPLY', $3, $3, 'temoin@peer.example', $4, now(), null, $5, '[]', null, now())`,
    [
      account.agency_id,
      account.id,
      `https://peer.example/users/temoin/statuses/${run}`,
      `Je crois l’avoir vu au terminus ${run}, il portait un manteau vert.`,
      appealId,
    ],
  );

  await withPage(browser, 'reach-archive-investigator', PHONE_FR, async (investigator) => {
    await signIn(investigator, app.baseUrl, 'investigator@demo.test');
    await investigator.goto(`${app.baseUrl}/desk/reach/archive`);
    await investigator.getByRole('heading', { name: 'Archives des médias sociaux' }).waitFor();
    // What the agency posted on approval is there too, as sent.
    await investigator.getByText(`Disparu : Marc Gagnon, 72 ans (${run})`).first().waitFor();
    await expectAccessible(investigator);

    await investigator.getByRole('searchbox', { name: 'Rechercher' }).fill(`rien-${run}`);
    await investigator.getByRole('searchbox', { name: 'Rechercher' }).press('Enter');
    await investigator
      .getByRole('heading', { name: 'Aucun message archivé ne correspond à cette recherche.' })
      .waitFor();

    await investigator.getByRole('searchbox', { name: 'Rechercher' }).fill(`terminus ${run}`);
    await investigator.getByRole('searchbox', { name: 'Rechercher' }).press('Enter');
    const reply = investigator.getByRole('article', { name: 'temoin@peer.example' });
    await reply.waitFor();
    expect(await reply.innerText()).toContain('Reçu · réponse');
    await expectAccessible(investigator);
    await reply.getByRole('button', { name: /En faire un signalement/ }).click();
    const open = reply.getByRole('link', { name: 'Ouvrir le signalement' });
    await open.waitFor();
    // The focus follows the button that gave way to the link, in an effect after the link is drawn.
    await investigator.waitForFunction(() => document.activeElement?.textContent === 'Ouvrir le signalement');
    const code = /Signalement (\S+) créé/.exec(await reply.innerText())![1];
    await expectAccessible(investigator);

    // Reloaded, it says it already is a tip: no second one can be made.
    await investigator.reload();
    await reply.getByText('Ce message est un signalement.').waitFor();
    expect(await reply.getByRole('button').count()).toBe(0);
    await open.click();
    await investigator.waitForURL(/\/desk\/tips\//);
    await investigator.getByText(code).first().waitFor();
    await investigator.getByText(`terminus ${run}`, { exact: false }).first().waitFor();
  });
  // One tip, channel SOCIAL, not anonymous: the author's handle is its (sealed) contact.
  const tips = await sql<{ channel: string; contact: boolean }>(
    `SELECT t.channel, t.contact_enc IS NOT NULL AS contact
       FROM tip t JOIN social_message m ON m.tip_id = t.id WHERE m.remote_id LIKE $1`,
    [`%/${run}`],
  );
  expect(tips).toEqual([{ channel: 'SOCIAL', contact: true }]);
});

it('reads in both languages on a phone and a desktop (screenshots)', async () => {
  // One appeal left in review, so that the approval screen shows its posts.
  const pio = await ApiClient.signedIn(app.baseUrl, 'pio@demo.test');
  const pending = await pio.post(
    '/api/appeals',
    appealBody(undefined, {
      title: { fr: `Disparue : Léa Roy, 81 ans (${run})`, en: `Missing: Léa Roy, 81 (${run})` },
    }),
  );
  expect((await pio.post(`/api/appeals/${pending.body.id}/submit`)).status).toBe(200);
  const sizes: [string, BrowserContextOptions][] = [
    ['390-fr', PHONE_FR],
    ['390-en', { ...PHONE_FR, locale: 'en-CA' }],
    ['1440-fr', { ...DESKTOP, locale: 'fr-CA' }],
    ['1440-en', DESKTOP],
  ];
  for (const [size, options] of sizes) {
    const shoot = (page: Page, name: string, fullPage = true) =>
      screenshot(page, `reach-${name}-${size}`, { fullPage });
    await withPage(browser, `reach-screens-admin-${size}`, options, async (page) => {
      await signIn(page, app.baseUrl, 'admin@demo.test');
      await page.goto(`${app.baseUrl}/desk/reach/accounts`);
      await page.getByRole('list').filter({ hasText: '@demo@' }).waitFor();
      await shoot(page, 'accounts');
    });
    await withPage(browser, `reach-screens-supervisor-${size}`, options, async (page) => {
      await signIn(page, app.baseUrl, 'supervisor@demo.test');
      await page.goto(`${app.baseUrl}/desk/reach/archive`);
      await page.getByRole('article').first().waitFor();
      await shoot(page, 'archive');
      await page.goto(`${app.baseUrl}/desk/appeals/${appealId}`);
      await page.locator('.reach-post').first().waitFor();
      await shoot(page, 'posts');
      await page.goto(`${app.baseUrl}/desk/review`);
      const proposal = page.getByRole('article').filter({ hasText: 'Léa Roy' });
      await proposal.getByRole('button', { name: /Approve and publish|Approuver et publier/ }).click();
      await proposal.locator('.reach-preview__post').first().waitFor();
      await proposal.locator('.reach-preview').scrollIntoViewIfNeeded();
      await shoot(page, 'preview', false);
    });
  }
});

it('a supervisor reads what an update will post on each network, and a PIO reads why X refused it (screenshots)', async () => {
  // X, as its recorded contracts answer (RECORDED CONTRACTS, not the live network): the token opens the
  // account, and the post is refused for good (403, the same text twice), so it waits for the PIO.
  const contracts = join(__dirname, '../../apps/api/src/reach/social/networks/x/contracts');
  const verify = JSON.parse(await readFile(join(contracts, 'verify.json'), 'utf8')) as {
    exchanges: { request: { note?: string }; response: { status: number; body: unknown } }[];
  };
  const refusals = JSON.parse(await readFile(join(contracts, 'refusals.json'), 'utf8')) as typeof verify;
  const me = verify.exchanges.find((exchange) => !exchange.request.note)!.response;
  const duplicate = refusals.exchanges.find(
    (exchange) => exchange.request.note === 'same text posted twice',
  )!.response;
  const x = createServer((req, res) => {
    const answer =
      req.url === '/2/users/me'
        ? me
        : req.method === 'POST' && req.url === '/2/tweets'
          ? duplicate
          : { status: 200, body: { meta: { result_count: 0 } } };
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => x.listen(0, '127.0.0.1', resolve));
  try {
    const admin = await ApiClient.signedIn(app.baseUrl, 'admin@demo.test');
    const connected = await admin.post('/api/reach/social/accounts', {
      network: 'X',
      serviceUrl: `http://127.0.0.1:${(x.address() as AddressInfo).port}`,
      handle: '@GatineauPolice',
      secret: 'user-access-token',
    });
    expect(connected.status).toBe(201);
    const pio = await ApiClient.signedIn(app.baseUrl, 'pio@demo.test');
    const filed = await pio.post(`/api/appeals/${appealId}/updates`, {
      kind: 'RUMOUR_CORRECTION',
      text: {
        fr: `Faux : Marc n’a pas été vu à Laval (${run}). Ne partagez pas cette rumeur.`,
        en: `False: Marc was not seen in Laval (${run}). Do not share this rumour.`,
      },
    });
    expect(filed.status).toBe(201);

    const sizes: [string, BrowserContextOptions][] = [
      ['390-fr', PHONE_FR],
      ['390-en', { ...PHONE_FR, locale: 'en-CA' }],
      ['1440-fr', { ...DESKTOP, locale: 'fr-CA' }],
      ['1440-en', DESKTOP],
    ];
    const update = (page: Page) =>
      page
        .getByRole('article')
        .filter({ hasText: `(${run})` })
        .locator('.review-update');
    for (const [size, options] of sizes)
      await withPage(browser, `reach-update-preview-${size}`, options, async (page) => {
        await signIn(page, app.baseUrl, 'supervisor@demo.test');
        await page.goto(`${app.baseUrl}/desk/review`);
        await update(page).locator('.reach-preview__post').first().waitFor();
        await update(page).locator('.reach-preview').scrollIntoViewIfNeeded();
        await screenshot(page, `reach-update-preview-${size}`, { fullPage: false });
      });

    await withPage(browser, 'reach-update-approve', DESKTOP, async (supervisor) => {
      await signIn(supervisor, app.baseUrl, 'supervisor@demo.test');
      await supervisor.goto(`${app.baseUrl}/desk/review`);
      const posts = update(supervisor).getByRole('region', {
        name: 'What approving this update will post on social media',
      });
      // The fediverse answers the appeal's English post; X, where the appeal was never posted, starts a thread.
      const fediverse = posts.getByRole('region', { name: /^Fediverse \(Mastodon\)/ });
      await fediverse.getByText('Posted as a reply under the appeal’s last post here:').waitFor();
      expect(await fediverse.getByRole('article', { name: 'French' }).innerText()).toContain(
        `Rectification : Disparu : Marc Gagnon, 72 ans (${run})`,
      );
      const onX = posts.getByRole('region', { name: 'X @GatineauPolice' });
      expect(await onX.innerText()).toContain('These posts start the appeal’s thread on this account.');
      expect(await onX.getByRole('article', { name: 'English' }).innerText()).toMatch(/of 280 characters/);
      await expectAccessible(supervisor);
      await update(supervisor).getByRole('button', { name: 'Approve the update' }).focus();
      await supervisor.keyboard.press('Enter');
      await supervisor.getByText('Update published.').waitFor();
    });

    // X's refusals come from the update's send jobs, which run after the approval has answered,
    // and the page lists what has failed when it opens: the queue is waited for first.
    const refusedOnX = async () =>
      ((await pio.get('/api/reach/social/posts/attention')).body as SocialAttentionPost[]).filter(
        (post) =>
          post.appeal.id === appealId &&
          post.network === 'X' &&
          post.publication.startsWith('UPDATE:') &&
          post.state === 'FAILED',
      ).length;
    for (const deadline = Date.now() + 60_000; (await refusedOnX()) < 2 && Date.now() < deadline;)
      await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await refusedOnX()).toBe(2);

    // The PIO finds X's refusal from the navigation, said in words; the keyboard sends it again.
    const pageFor = async (size: string, options: BrowserContextOptions, check: boolean) =>
      withPage(browser, `reach-attention-${size}`, options, async (page) => {
        await signIn(page, app.baseUrl, 'pio@demo.test');
        // The navigation says how many posts wait, in words ("2 posts to check").
        const waiting = (await pio.get('/api/reach/social/posts/attention/count')).body.count as number;
        expect(waiting).toBeGreaterThanOrEqual(2);
        const nav = page.getByRole('navigation', { name: /sections/i });
        const toCheck = page
          .getByRole('navigation')
          .getByRole('link', { name: new RegExp(`^${waiting} (posts to check|publications à vérifier)$`) });
        await toCheck.waitFor();
        await nav.screenshot({ path: join(ARTIFACTS, `reach-nav-count-${size}.png`) });
        await toCheck.click();
        const onX = page.getByRole('region', { name: 'X @GatineauPolice' });
        await onX.getByRole('listitem').first().waitFor({ timeout: 30_000 });
        await screenshot(page, `reach-attention-${size}`);
        if (!check) return;
        const text = await onX.innerText();
        expect(text).toContain('X refused this post (error 403); sending it again may not help.');
        expect(text).not.toContain('duplicate content'); // the raw answer stays folded
        expect(await onX.getByRole('link', { name: `Missing: Marc Gagnon, 72 (${run})` }).count()).toBe(2);
        await expectAccessible(page);
        const retry = onX.getByRole('button', { name: /^Send again \(.*X, French, Rumour correction of/ });
        await retry.focus();
        await page.keyboard.press('Enter');
        await page
          .getByRole('status')
          .getByText(/will be sent again/)
          .waitFor();
        // The focus is moved by an effect once the result is drawn: waited for, not read once.
        await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'status');
        // The post sent again no longer waits: the navigation's count follows.
        await page
          .getByRole('navigation')
          .getByRole('link', {
            name:
              waiting > 1 ? `${waiting - 1} ${waiting > 2 ? 'posts' : 'post'} to check` : 'Posts to check',
          })
          .waitFor();
      });
    for (const [size, options] of sizes) await pageFor(size, options, size === '1440-en');
  } finally {
    await new Promise((resolve) => x.close(resolve));
  }
});
