import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { BuiltApp, startBuiltApp } from '../support/built-app';
import { tipForm } from '../support/tip-client';
import { DESKTOP, expectAccessible, launchBrowser, screenshot, withPage } from './support/browser';
import { signIn } from './support/sign-in';

let app: BuiltApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startBuiltApp({ TIP_CHALLENGE: 'off' }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const run = Date.now().toString(36);
const NOTE = `The market is on your side of the line (${run}).`;

async function sendTip(description: string): Promise<string> {
  const res = await fetch(`${app.baseUrl}/api/public/tips`, {
    method: 'POST',
    body: tipForm({ description, contactEmail: 'witness@example.org' }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { code: string }).code;
}

/** With FORWARD_SCREENSHOTS set, the pages are kept for a person to look at (tests/artifacts/forwarding). */
async function keep(page: Page, name: string) {
  if (process.env.FORWARD_SCREENSHOTS) await screenshot(page, `forwarding/${name}`, { fullPage: false });
}

const PHONE_EN: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 1,
  isMobile: true,
  hasTouch: true,
  locale: 'en-CA',
};

it('a supervisor transfers a tip to another agency, whose investigator finds it in the inbox with the note', async () => {
  const code = await sendTip(
    `Stolen bike ${run} seen at the Jean-Talon market, a blue cargo bike with a child seat`,
  );

  await withPage(
    browser,
    'forwarding-supervisor',
    { ...DESKTOP, viewport: { width: 1440, height: 900 } },
    async (page) => {
      await signIn(page, app.baseUrl, 'supervisor@demo.test');
      await page.locator('.inbox-row__open', { hasText: code }).click();
      await page.getByRole('heading', { name: `Tip ${code}` }).waitFor();

      // --- The dialog, by the keyboard: agency, transfer, note, then a confirmation of what leaves.
      await page.getByRole('button', { name: 'Forward to another agency…' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('heading', { name: `Forward tip ${code}` }).waitFor();
      const agency = dialog.getByRole('combobox', { name: 'Agency' });
      await dialog.getByRole('option', { name: 'Second Police Service' }).waitFor({ state: 'attached' });
      await agency.selectOption({ label: 'Second Police Service' });
      await dialog.getByRole('radio', { name: /Transfer/ }).focus();
      await page.keyboard.press('Space');
      await dialog.getByRole('textbox', { name: 'Note for the other agency' }).fill(NOTE);
      await expectAccessible(page);
      await keep(page, 'dialog-desktop-en');
      await dialog.getByRole('button', { name: 'Review the transfer…' }).press('Enter');
      const confirm = dialog.getByRole('heading', { name: 'Transfer this tip to Second Police Service?' });
      await confirm.waitFor();
      // The reader lands on the confirmation's title, which says where it goes (an effect, just after
      // the confirmation is drawn: waited for, not read once).
      await page.waitForFunction(
        () => document.activeElement?.textContent === 'Transfer this tip to Second Police Service?',
      );
      await expect(confirm.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
      await dialog.getByText('the contact details the tipster chose to give').waitFor();
      await dialog.getByText(NOTE).waitFor();
      await expectAccessible(page);
      await keep(page, 'confirm-desktop-en');
      await dialog.getByRole('button', { name: 'Transfer the tip' }).click();

      // --- The tip is the other agency's now: what remains here is the read-only record.
      await page.getByRole('heading', { name: `Forwarded tip ${code}` }).waitFor();
      await page.getByText('This tip now belongs to the other agency.', { exact: false }).waitFor();
      await page.getByText('Not opened yet').first().waitFor();
      await expectAccessible(page);
      await keep(page, 'record-desktop-en');
      await page
        .getByRole('link', { name: 'Back to incoming tips' })
        .count()
        .then((n) => expect(n).toBe(0));
      await page.goto(`${app.baseUrl}/desk`);
      await page.getByRole('heading', { name: 'Incoming tips' }).waitFor();
      await page.locator('.inbox-row, .notice').first().waitFor();
      expect(await page.locator('.inbox-row', { hasText: code }).count()).toBe(0);
    },
  );

  await withPage(
    browser,
    'forwarding-receiver',
    { ...DESKTOP, viewport: { width: 1440, height: 900 } },
    async (page) => {
      await signIn(page, app.baseUrl, 'investigator@second.test');
      const row = page.locator('.inbox-row', { hasText: code });
      await row.waitFor();
      await row.getByText('Transferred by Demo Police Service').waitFor();
      await expectAccessible(page);
      await keep(page, 'inbox-desktop-en');
      await row.locator('.inbox-row__open').click();
      await page.getByRole('heading', { name: `Tip ${code}` }).waitFor();
      await page.getByText('Transferred by Demo Police Service').first().waitFor();
      await page.locator('.forward-note', { hasText: NOTE }).waitFor();
      await expectAccessible(page);
      await keep(page, 'tip-desktop-en');
    },
  );

  // The sender sees it was opened, and can no longer take it back.
  await withPage(browser, 'forwarding-sender-after', PHONE_EN, async (page) => {
    await signIn(page, app.baseUrl, 'supervisor@demo.test');
    await page.goto(`${app.baseUrl}/desk/forwards`);
    await page.getByRole('heading', { name: 'Tips sent to other agencies' }).waitFor();
    await page.getByRole('link', { name: code }).click();
    await page.getByRole('heading', { name: `Forwarded tip ${code}` }).waitFor();
    await page.getByText(/^Opened on/).waitFor();
    expect(await page.getByRole('button', { name: /Take back/ }).count()).toBe(0);
    await expectAccessible(page);
    await keep(page, 'record-phone-en');
  });
});

it('a call-taker records a phone tip, a supervisor sends an information copy, the other agency finds it', async () => {
  const words = `Phone tip ${run}: a red pickup with a ladder rack left the scrapyard on Rang Saint-Paul at dawn`;
  let code = '';
  await withPage(browser, 'forwarding-phone-record', DESKTOP, async (page) => {
    await signIn(page, app.baseUrl, 'calltaker@demo.test');
    await page.waitForURL(/\/desk\/phone$/);
    await page.getByRole('textbox', { name: /What you saw or what you know/ }).fill(words);
    await page.keyboard.press('Control+Enter');
    await page.getByRole('heading', { name: 'Read these back to the caller' }).waitFor();
    code = (await page.getByTestId('phone-code').getAttribute('data-value')) ?? '';
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  });

  await withPage(browser, 'forwarding-phone-copy', DESKTOP, async (page) => {
    await signIn(page, app.baseUrl, 'supervisor@demo.test');
    await page.locator('.inbox-row__open', { hasText: code }).click();
    await page.getByRole('heading', { name: `Tip ${code}` }).waitFor();
    await page.getByRole('button', { name: 'Forward to another agency…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('option', { name: 'Second Police Service' }).waitFor({ state: 'attached' });
    await dialog.getByRole('combobox', { name: 'Agency' }).selectOption({ label: 'Second Police Service' });
    await expect(dialog.getByRole('radio', { name: /Information copy/ }).isChecked()).resolves.toBe(true);
    await dialog.getByRole('textbox', { name: 'Note for the other agency' }).fill(`For your file (${run}).`);
    await dialog.getByRole('button', { name: 'Review the copy…' }).click();
    await dialog.getByRole('heading', { name: 'Send a copy to Second Police Service?' }).waitFor();
    await dialog.getByText(/Nothing about the tipster is sent/).waitFor();
    await dialog.getByRole('button', { name: 'Send the copy' }).click();
    await page.getByText('Copy sent to Second Police Service.').waitFor();
    // The tip stays here, with its copy listed and still revocable.
    await page.getByRole('button', { name: 'Take back from Second Police Service' }).waitFor();
    await expectAccessible(page);
  });

  await withPage(browser, 'forwarding-phone-receiver', DESKTOP, async (page) => {
    await signIn(page, app.baseUrl, 'investigator@second.test');
    const row = page.locator('.inbox-row', { hasText: `Phone tip ${run}` });
    await row.waitFor();
    await row.getByText('Copy from Demo Police Service').waitFor();
    // A copy has its own code: the caller's code and passphrase open nothing here.
    expect(await row.getByText(code).count()).toBe(0);
    await row.locator('.inbox-row__open').click();
    await page.getByRole('heading', { name: 'Information copy from Demo Police Service' }).waitFor();
    await page.getByText(`For your file (${run}).`).waitFor();
    await page.getByText(/the conversation with the tipster stays with the agency that sent it/).waitFor();
    await expectAccessible(page);
  });
});
