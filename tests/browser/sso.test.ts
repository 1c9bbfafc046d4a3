import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { BuiltApp, startBuiltApp } from '../support/built-app';
import { startProvider, TestProvider } from '../support/oidc-provider';
import { DESKTOP, expectAccessible, launchBrowser, PHONE, screenshot, withPage } from './support/browser';
import { freePort } from '../support/free-port';

/**
 * An SSO sign-in in a real browser against a real OpenID provider on loopback: the desk's sign-in
 * page offers the organisation, the provider signs the person in, and the desk opens with the role
 * their group maps to. `SCREENSHOTS=1` also saves the pages at phone and desktop sizes, FR and EN.
 */
let app: BuiltApp;
let provider: TestProvider;
let browser: Browser;
let admin: ApiClient;

const CLIENT = { client_id: 'vigie-demo', client_secret: 'browser-client-secret-0123456789' };

async function configure(passwordSignIn: boolean) {
  const res = await admin.request('PUT', '/api/admin/sso', {
    enabled: true,
    issuer: provider.issuer,
    clientId: CLIENT.client_id,
    clientSecret: CLIENT.client_secret,
    scopes: 'openid email profile groups',
    groupsClaim: 'groups',
    groupMappings: [{ group: 'vigie-investigators', roles: ['INVESTIGATOR'] }],
    passwordSignIn,
  });
  expect(res.status).toBe(200);
}

/** With SCREENSHOTS set, the pages are kept for a person to look at. */
async function keep(page: Page, name: string) {
  if (process.env.SCREENSHOTS) await screenshot(page, name);
}

const SIZES = [
  { ...PHONE, viewport: { width: 390, height: 844 } },
  { ...DESKTOP, viewport: { width: 1440, height: 900 } },
];

beforeAll(async () => {
  const port = await freePort();
  provider = await startProvider(
    [{ ...CLIENT, redirect_uris: [`http://127.0.0.1:${port}/api/auth/sso/callback`] }],
    {
      sam: {
        email: 'sam@demo.test',
        email_verified: true,
        name: 'Sam Sauvé',
        groups: ['vigie-investigators'],
      },
    },
  );
  [app, browser] = await Promise.all([
    startBuiltApp(
      { SSO_ALLOW_INSECURE_ISSUER: 'true' }, // the provider is on loopback http
      { dataDir: await mkdtemp(join(tmpdir(), 'vigie-sso-')), port, pgPort: await freePort() },
    ),
    launchBrowser(),
  ]);
  admin = await ApiClient.signedIn(app.baseUrl, 'admin@demo.test');
  await configure(true);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await provider?.stop();
});

it('signs in through the organisation’s provider and lands in the desk with the mapped role', async () => {
  await withPage(
    browser,
    'sso-sign-in',
    { ...DESKTOP, viewport: { width: 1440, height: 900 } },
    async (page) => {
      await page.goto(app.baseUrl + '/login');
      await page.getByLabel(/email/i).fill('sam@demo.test');
      await page.getByLabel(/^password/i).focus(); // leaving the e-mail looks the organisation up
      const button = page.getByRole('link', { name: 'Sign in with your organisation' });
      await button.waitFor();
      await expectAccessible(page);
      await provider.nextLogin('sam');
      await button.click();
      await page.waitForURL(/\/desk/);
      await page.getByText('Sam Sauvé').first().waitFor();
      const me = await page.evaluate(async () => (await fetch('/api/auth/me')).json());
      expect(me).toMatchObject({ email: 'sam@demo.test', roles: ['INVESTIGATOR'] });
    },
  );
});

it('shows the organisation sign-in and a refusal, in French and English, on a phone and a desktop', async () => {
  for (const size of SIZES)
    for (const locale of ['fr-CA', 'en-CA']) {
      const tag = `${size.viewport!.width}-${locale.slice(0, 2)}`;
      await withPage(browser, `sso-page-${tag}`, { ...size, locale }, async (page) => {
        await page.goto(app.baseUrl + '/login?agency=demo');
        await page.getByRole('link', { name: /organisation/ }).waitFor();
        await expectAccessible(page);
        await keep(page, `sso-offer-${tag}`);
        await page.goto(app.baseUrl + '/login?sso_error=NO_MAPPED_GROUP');
        await page.getByRole('alert').waitFor();
        await expectAccessible(page);
        await keep(page, `sso-refused-${tag}`);
        // The provider's answer arriving in a browser that did not start the sign-in (a stale tab,
        // a forwarded link): the sign-in page says so, never the API's error body.
        await page.goto(app.baseUrl + '/api/auth/sso/callback?code=stale&state=stale');
        expect(new URL(page.url()).search).toBe('?sso_error=SSO_NO_TRANSACTION');
        await page
          .getByRole('alert')
          .getByText(locale === 'fr-CA' ? /a expiré/ : /has expired/)
          .waitFor();
        await keep(page, `sso-callback-refused-${tag}`);
      });
    }
  await configure(false);
  try {
    await withPage(browser, 'sso-password-off', { ...SIZES[0], locale: 'fr-CA' }, async (page) => {
      await page.goto(app.baseUrl + '/login?agency=demo');
      await page.getByRole('link', { name: 'Se connecter avec votre organisation' }).waitFor();
      expect(await page.getByLabel(/mot de passe/i).count()).toBe(0);
      await expectAccessible(page);
      await keep(page, 'sso-password-off-390-fr');
    });
  } finally {
    await configure(true);
  }
});
