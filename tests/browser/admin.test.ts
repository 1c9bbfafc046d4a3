import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { currentTotp } from '../../apps/api/src/identity/totp';
import { BuiltApp, startBuiltApp } from '../support/built-app';
import { DESKTOP, expectAccessible, launchBrowser, PHONE, withPage } from './support/browser';
import { signIn } from './support/sign-in';

/**
 * Staff administration in a real browser, on the built product with no SMTP configured: an admin
 * invites an investigator (the one-time link is shown once), who activates in another browser and signs
 * in; the admin disables them and their open desk is signed out. Then a platform operator creates an
 * agency and invites its first administrator. axe runs on every admin page.
 */
let app: BuiltApp & { pgPort: number };
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startBuiltApp({ TIP_CHALLENGE: 'off' }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

// Unique to this run, so nothing seeded or left over matches.
const run = Date.now().toString(36);

/** The focused element's text as read out (a visually hidden part makes innerText break lines). */
const focused = (page: Page) =>
  page.evaluate(() => (document.activeElement?.textContent ?? '').replace(/\s+/g, ' ').trim());

it('an admin invites an investigator, who activates and signs in; disabled, their open desk is signed out', async () => {
  const name = `Inès Nouvelle ${run}`;
  const email = `ines.${run}@demo.test`;
  const password = `quatre chevaux ${run} sur la glace`;
  let link = '';

  await withPage(browser, 'admin-staff-desktop', DESKTOP, async (admin) => {
    await signIn(admin, app.baseUrl, 'admin@demo.test');
    await admin
      .getByRole('navigation', { name: 'Staff area sections' })
      .getByRole('link', { name: 'Staff' })
      .click();
    const table = admin.getByRole('table', { name: 'Staff of Demo Police Service' });
    await table.waitFor();
    await admin
      .getByRole('rowheader', { name: /Alex Admin/ })
      .getByText('(you)')
      .waitFor();
    await expectAccessible(admin);

    // --- The invitation: no SMTP here, so the link is shown once, with a copy button.
    await admin.getByLabel('Email address').fill(email);
    await admin.getByLabel('Full name').fill(name);
    await admin.getByRole('checkbox', { name: /^Investigator/ }).check();
    await admin.getByRole('button', { name: 'Send the invitation' }).click();
    const linkField = admin.getByRole('textbox', { name: 'One-time link' });
    await linkField.waitFor();
    link = await linkField.inputValue();
    expect(link).toMatch(new RegExp(`^${app.baseUrl}/desk/activate/[\\w-]+$`));
    await admin.getByText(`give this link to ${email} yourself. It is shown only once.`).waitFor();
    await admin.getByRole('rowheader', { name }).waitFor();
    await expect(
      admin
        .getByRole('row', { name: new RegExp(name) })
        .getByText('Invited')
        .count(),
    ).resolves.toBe(1);
    await expectAccessible(admin);

    // The same address twice is refused on its field.
    await admin.getByLabel('Email address').fill(email);
    await admin.getByLabel('Full name').fill(name);
    await admin.getByRole('checkbox', { name: /^Analyst/ }).check();
    await admin.getByRole('button', { name: 'Send the invitation' }).click();
    await admin.getByText('Someone already has an account with this email address.').waitFor();

    // --- The other admin pages, each checked by axe.
    await admin.getByRole('link', { name: 'Agency settings' }).click();
    await expect(admin.getByLabel('Time zone').inputValue()).resolves.toMatch(/\//);
    await expectAccessible(admin);
    await admin.getByRole('link', { name: 'My sessions' }).click();
    await admin.getByRole('table', { name: 'My sessions' }).getByText('(this browser)').waitFor();
    await expectAccessible(admin);
  });

  await withPage(browser, 'admin-activation-phone', PHONE, async (investigator) => {
    // --- Activation, in French on a phone, in a browser with no session.
    await investigator.goto(link);
    await investigator.getByRole('heading', { name: 'Activer votre compte' }).waitFor();
    await investigator.getByText(`${name}, Demo Police Service vous invite`).waitFor();
    await expect(investigator.getByLabel('Votre adresse courriel').inputValue()).resolves.toBe(email);
    await expectAccessible(investigator);

    // A common password is refused with the API's reason, in French.
    await investigator.getByLabel('Nouveau mot de passe').fill('password1234');
    await investigator.getByLabel('Retapez le mot de passe').fill('password1234');
    await investigator.getByRole('button', { name: 'Activer mon compte' }).click();
    await investigator.getByText(/Ce mot de passe est trop courant/).waitFor();
    await expectAccessible(investigator);

    await investigator.getByLabel('Nouveau mot de passe').fill(password);
    await investigator.getByLabel('Retapez le mot de passe').fill(password);
    await investigator.getByRole('button', { name: 'Activer mon compte' }).click();
    await investigator.getByRole('heading', { name: 'Votre compte est prêt' }).waitFor();
    await expectAccessible(investigator);

    // Single use: the same link now says so clearly.
    await investigator.goto(link);
    await investigator.getByRole('heading', { name: 'Ce lien n’est plus utilisable' }).waitFor();
    await expectAccessible(investigator);

    // --- The investigator signs in with the password they chose and keeps the desk open.
    await signIn(investigator, app.baseUrl, email, { password });
    await investigator.getByRole('heading', { name: 'Signalements reçus' }).waitFor();

    // --- The admin, in their own browser, disables them.
    const adminContext = await browser.newContext(DESKTOP);
    try {
      const admin = await adminContext.newPage();
      await signIn(admin, app.baseUrl, 'admin@demo.test');
      await admin.goto(`${app.baseUrl}/desk/staff`);
      const row = admin.getByRole('row', { name: new RegExp(name) });
      await row.getByText('Active', { exact: true }).waitFor();
      const disable = admin.getByRole('button', { name: `Disable (${name})` });
      await disable.focus();
      await admin.keyboard.press('Enter');
      const dialog = admin.getByRole('dialog', { name: `Disable ${name}?` });
      await dialog.getByText(`Disabling ends all of ${name}’s sessions now`).waitFor();
      // Focus starts on Cancel (Enter does no harm); Escape closes and gives focus back to the row.
      expect(await focused(admin)).toBe('Cancel');
      await expectAccessible(admin);
      await admin.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(await focused(admin)).toBe(`Disable (${name})`);
      await admin.keyboard.press('Enter');
      await dialog.getByRole('button', { name: `Disable ${name}` }).click();
      await admin
        .getByRole('status')
        .getByText(`${name} is disabled and has been signed out everywhere.`)
        .waitFor();
      await row.getByText('Disabled', { exact: true }).waitFor();
      expect(await focused(admin)).toBe(`Enable (${name})`);
    } finally {
      await adminContext.close();
    }

    // --- Their open desk leaves for the sign-in page by itself (the API closed its event stream).
    await investigator.waitForURL(/\/login$/, { timeout: 20_000 });
    await investigator.getByText('Votre session a expiré. Connectez-vous de nouveau.').waitFor();
    // And the password no longer opens anything.
    await signIn(investigator, app.baseUrl, email, { password, waitForDesk: false });
    await investigator.getByRole('alert').waitFor();
    expect(investigator.url()).toMatch(/\/login$/);
  });
});

const CLI = join(__dirname, '../../apps/api/dist/cli/admin.js');

it('a platform operator activates with two-factor, creates an agency and invites its first administrator', async () => {
  // The operator is made from the command line, as a deployment's first step.
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [CLI, 'create-platform-operator', '--email', `ops.${run}@province.test`, '--name', 'Opérations Québec'],
    {
      env: {
        ...process.env,
        DATA_DIR: app.dataDir,
        EMBEDDED_PG_PORT: String(app.pgPort),
        PUBLIC_URL: app.baseUrl,
        DATABASE_URL: '',
      },
    },
  );
  const link = /(http\S+\/desk\/activate\/\S+)/.exec(stdout)![1];
  const password = `plateforme provinciale ${run}`;

  await withPage(browser, 'admin-platform-desktop', DESKTOP, async (page) => {
    await page.goto(link);
    await page.getByRole('heading', { name: 'Activate your account' }).waitFor();
    // Two-factor is part of an operator's activation: a QR code, and the key as text.
    await page.getByRole('img', { name: 'QR code to scan with your authenticator app' }).waitFor();
    const secret = (await page.locator('.activation__secret-text code').innerText()).replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await expectAccessible(page);
    await page.getByLabel('New password').fill(password);
    await page.getByLabel('Type the password again').fill(password);
    await page.getByLabel('6-digit code').fill(currentTotp(secret));
    await page.getByRole('button', { name: 'Activate my account' }).click();
    await page.getByRole('heading', { name: 'Your account is ready' }).waitFor();

    await signIn(page, app.baseUrl, `ops.${run}@province.test`, { password, waitForDesk: false });
    // The code used at activation cannot be replayed: the next time step's.
    await page.getByLabel('Verification code').fill(currentTotp(secret, Date.now() + 30_000));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/desk\/platform$/);
    const table = page.getByRole('table', { name: 'Agencies on this platform' });
    await table.getByRole('rowheader', { name: 'Demo Police Service' }).waitFor();
    // Nothing of an agency's own: no inbox, cases or appeals in the operator's desk.
    await expect(
      page.getByRole('navigation', { name: 'Staff area sections' }).getByRole('link').allInnerTexts(),
    ).resolves.toEqual(['Agencies']);
    await expectAccessible(page);

    await page.getByLabel('Name', { exact: true }).fill(`Service de police de Lévis ${run}`);
    await page.getByLabel(/^Short name/).fill(`levis-${run}`);
    await page.getByLabel('Time zone').selectOption('America/Toronto');
    await page.getByRole('button', { name: 'Create the agency' }).click();
    const dialog = page.getByRole('dialog', {
      name: `Invite an administrator to Service de police de Lévis ${run}`,
    });
    await dialog.getByText('This agency has no administrator yet').waitFor();
    await expectAccessible(page);
    await dialog.getByLabel('Email address').fill(`chef.${run}@levis.test`);
    await dialog.getByLabel('Full name').fill('Chef Lévis');
    await dialog.getByRole('button', { name: 'Send the invitation' }).click();
    const adminLink = await dialog.getByRole('textbox', { name: 'One-time link' }).inputValue();
    expect(adminLink).toMatch(new RegExp(`^${app.baseUrl}/desk/activate/[\\w-]+$`));
    await expectAccessible(page);
  });
});
