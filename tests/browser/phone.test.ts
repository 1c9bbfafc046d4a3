import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { BuiltApp, startBuiltApp } from '../support/built-app';
import { expectAccessible, launchBrowser, screenshot, withPage } from './support/browser';
import { signIn } from './support/sign-in';

/**
 * The phone line in a real browser (issue 19, point 1), proof-of-work on: a call-taker types a caller's
 * tip with the keyboard and reads back its code and passphrase; an investigator sees it as a phone tip
 * entered by the call-taker and asks a question; the caller phones back, the call-taker opens the
 * thread with the code and passphrase and types the caller's answer, which the investigator reads as
 * the tipster's. Screenshots of each new page at 390×844 and 1440×900 go to tests/artifacts/phone-*.
 */
let app: BuiltApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startBuiltApp(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const SIZES = { phone: { width: 390, height: 844 }, desktop: { width: 1440, height: 900 } } as const;
const context = (lang: 'fr' | 'en', size: keyof typeof SIZES): BrowserContextOptions => ({
  viewport: SIZES[size],
  locale: lang === 'fr' ? 'fr-CA' : 'en-CA',
  ...(size === 'phone' ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
});

const shoot = (page: Page, name: string) => screenshot(page, `phone-${name}`);

/** The tip page of the phone tip, found by its code as an investigator would search it. */
async function openTip(page: Page) {
  const id = await page.evaluate(
    (q) =>
      fetch(`/api/tips?q=${encodeURIComponent(q)}`)
        .then((r) => r.json())
        .then((inbox: { items: { id: string }[] }) => inbox.items[0]?.id),
    code,
  );
  expect(id).toBeTruthy();
  await page.goto(`${app.baseUrl}/desk/tips/${id}`);
}

const run = Date.now().toString(36);
const WORDS = `Camionnette blanche derrière l'école ${run}, plaque FXR 204, deux hommes`;
let code = '';
let password = '';

it('a call-taker records a phone tip with the keyboard and reads back its code and passphrase', async () => {
  await withPage(browser, 'phone-record', context('en', 'desktop'), async (page) => {
    await signIn(page, app.baseUrl, 'calltaker@demo.test');
    // Their desk opens on the phone line, and offers nothing else.
    await page.waitForURL(/\/desk\/phone$/);
    const nav = page.getByRole('navigation', { name: 'Staff area sections' });
    await expect(nav.getByRole('link').allInnerTexts()).resolves.toEqual(['Phone line']);

    // The cursor waits in "what happened": the call-taker just types.
    await page.getByRole('textbox', { name: /What you saw or what you know/ }).waitFor();
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('TEXTAREA');
    await page.keyboard.type(WORDS);
    // The appeal, from the keyboard: the first published appeal of the agency.
    await page.getByLabel('Which appeal is it about?').focus();
    await page.keyboard.press('ArrowDown');
    const appeal = await page.getByLabel('Which appeal is it about?').inputValue();
    expect(appeal).not.toBe('');
    await page.getByLabel(/^Place/).focus();
    await page.keyboard.type('Derrière l’école Saint-Jean');
    await shoot(page, 'form-desktop-en');
    await expectAccessible(page);
    await page.keyboard.press('Control+Enter');

    const heading = page.getByRole('heading', { name: 'Read these back to the caller' });
    await heading.waitFor();
    // The receipt takes the focus in an effect, just after it is drawn.
    await page.waitForFunction(() => document.activeElement?.id === 'phone-receipt-heading');
    await expect(heading.evaluate((h) => h === document.activeElement)).resolves.toBe(true);
    code = (await page.getByTestId('phone-code').getAttribute('data-value')) ?? '';
    password = (await page.getByTestId('phone-password').getAttribute('data-value')) ?? '';
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(password.split('-').length).toBeGreaterThanOrEqual(4);
    // Grouped for reading aloud: each character on its own.
    await expect(page.locator('.phone-receipt__char').count()).resolves.toBe(8);
    await shoot(page, 'receipt-desktop-en');
    await expectAccessible(page);

    // "Next call" forgets them and empties the form.
    await page.getByRole('button', { name: 'Next call' }).click();
    await expect(
      page.getByRole('textbox', { name: /What you saw or what you know/ }).inputValue(),
    ).resolves.toBe('');
    await expect(page.getByText(code).count()).resolves.toBe(0);
  });
});

it('the investigator sees a phone tip entered by the call-taker, never as its tipster, and asks a question', async () => {
  await withPage(browser, 'phone-investigator', context('en', 'desktop'), async (page) => {
    await signIn(page, app.baseUrl, 'investigator@demo.test');
    await openTip(page);
    // The open tip's own badge (on a desktop the inbox list beside it shows one too).
    await page.getByRole('article').locator('.tip-channel--phone', { hasText: 'Phone' }).waitFor();
    const history = page.getByRole('region', { name: 'History' });
    await history.getByText(/Recorded from a phone call — Cam Call-taker/).waitFor();
    // Nothing says the call-taker sent it: no contact, no thread author.
    const thread = page.getByRole('region', { name: 'Conversation with the tipster' });
    await expect(thread.getByText('Cam Call-taker').count()).resolves.toBe(0);
    await thread.getByLabel(/Write to the tipster/).fill('What colour were the men wearing?');
    await thread.getByRole('button', { name: 'Send to the tipster' }).click();
    await thread.getByText('What colour were the men wearing?').waitFor();
  });
});

it('on a call-back, the call-taker opens the thread with the code and passphrase and adds the caller’s answer', async () => {
  await withPage(browser, 'phone-call-back', context('en', 'desktop'), async (page) => {
    await signIn(page, app.baseUrl, 'calltaker@demo.test');
    await page.getByRole('link', { name: 'A caller phones back…' }).click();
    await page.waitForURL(/\/desk\/phone\/call-back$/);
    // Focus starts on the code; the caller reads it as they wrote it (lower case, a space). The address
    // changes before the router draws the page, whose effect then moves the focus: waited for, not read once.
    await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.name === 'code');
    await page.keyboard.type(code.toLowerCase().replace('-', ' '));
    await page.keyboard.press('Tab');
    await expect(
      page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name),
    ).resolves.toBe('password');
    await page.keyboard.type(password.replace(/-/g, ' '));
    await shoot(page, 'call-back-desktop-en');
    await expectAccessible(page);
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: `Thread of tip ${code}` }).waitFor();
    await page.getByText('What colour were the men wearing?').waitFor();
    await page.getByLabel('What the caller says').focus();
    await page.keyboard.type('Des vestes orange, dit-elle');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('Added to the thread.').waitFor();
    await page.getByText('Des vestes orange, dit-elle').waitFor();
    await shoot(page, 'thread-desktop-en');
    await expectAccessible(page);
  });

  await withPage(browser, 'phone-investigator-reads', context('en', 'desktop'), async (page) => {
    await signIn(page, app.baseUrl, 'investigator@demo.test');
    await openTip(page);
    const thread = page.getByRole('region', { name: 'Conversation with the tipster' });
    // The caller's answer is the tipster's, with no staff name on it.
    await thread
      .locator('.tip-thread__message--tipster', { hasText: 'Des vestes orange, dit-elle' })
      .waitFor();
    await expect(thread.getByText('Cam Call-taker').count()).resolves.toBe(0);
    const history = page.getByRole('region', { name: 'History' });
    await history.getByText(/Thread opened for the caller on a call-back — Cam Call-taker/).waitFor();
    await history.getByText(/Message typed for the caller on a call-back — Cam Call-taker/).waitFor();
  });
});

it('the new pages in French and English, on a phone and a desktop (screenshots)', async () => {
  for (const lang of ['fr', 'en'] as const) {
    for (const size of ['phone', 'desktop'] as const) {
      if (lang === 'en' && size === 'desktop') continue; // taken in the journeys above
      await withPage(browser, `phone-shots-${lang}-${size}`, context(lang, size), async (page) => {
        await signIn(page, app.baseUrl, 'calltaker@demo.test');
        await page.waitForURL(/\/desk\/phone$/);
        await page.getByRole('textbox').first().waitFor();
        await page.keyboard.type(
          lang === 'fr' ? 'Une voiture rouge garée devant le dépanneur' : 'A red car outside the store',
        );
        await shoot(page, `form-${size}-${lang}`);
        await page.keyboard.press('Control+Enter');
        await page.locator('.phone-receipt__code').waitFor();
        await shoot(page, `receipt-${size}-${lang}`);
        await page.goto(`${app.baseUrl}/desk/phone/call-back`);
        await page.locator('input[name="code"]').waitFor();
        await shoot(page, `call-back-${size}-${lang}`);
      });
    }
  }
});
