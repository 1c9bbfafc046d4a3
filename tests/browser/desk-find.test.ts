import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { BuiltApp, startBuiltApp } from '../support/built-app';
import { tipForm } from '../support/tip-client';
import { expectAccessible, launchBrowser, screenshot, withPage } from './support/browser';
import { signIn } from './support/sign-in';

/**
 * Finding anything in the desk (issue 17, point 3): an investigator finds a tip by the code a
 * tipster reads over the phone (lower case, no dash) and by a plate written in its text, finds an
 * appeal's tips by its title (shown in the desk's language, not its slug), and keeps the search as
 * a saved view: applied from the keyboard, renamed, deleted. Screenshots at 390 and 1440 in FR and
 * EN go to tests/artifacts/find-*.
 */
let app: BuiltApp;
let browser: Browser;
let plateTip: string;
let appealTip: string;

const WIDE = { viewport: { width: 1440, height: 900 } };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

async function sendTip(fields: Record<string, string>): Promise<string> {
  const res = await fetch(`${app.baseUrl}/api/public/tips`, { method: 'POST', body: tipForm(fields) });
  expect(res.status).toBe(201);
  return ((await res.json()) as { code: string }).code;
}

beforeAll(async () => {
  [app, browser] = await Promise.all([startBuiltApp({ TIP_CHALLENGE: 'off' }), launchBrowser()]);
  const appeals = (await (await fetch(`${app.baseUrl}/api/public/appeals`)).json()) as {
    items: { slug: string; title: { en?: string } }[];
  };
  const missing = appeals.items.find((a) => a.title.en === 'Missing: Léa Tremblay, 14');
  plateTip = await sendTip({
    description: 'Around 2:30 PM a grey Honda Civic, plate fxk-482, stopped behind the arena.',
    language: 'en',
  });
  appealTip = await sendTip({
    description: 'Une adolescente avec un sac à dos bleu attendait à l’arrêt de bus.',
    language: 'fr',
    appeal: missing!.slug,
  });
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const shot = (page: Page, name: string) => screenshot(page, `find-${name}`, { fullPage: false });

/** Resolves when the inbox's own request for these words has been answered. */
const answered = (page: Page, words: string) =>
  page.waitForResponse((res) => {
    const url = new URL(res.url());
    return url.pathname === '/api/tips' && url.searchParams.get('q') === words;
  });

/**
 * Types a search the way an investigator does: `/`, the words, Enter; and waits for the rows of
 * that search. The URL changes before React draws, so the list it replaces can still be on screen
 * when the URL says the search was made: the search's own response is awaited, then its rows.
 * Words already searched on this page are answered from the cache, without a request: each
 * search here is new.
 */
async function search(page: Page, words: string) {
  await page.locator('.inbox-row, .notice').first().waitFor();
  const response = answered(page, words);
  await page.locator('body').focus();
  await page.keyboard.press('/');
  await page.keyboard.press('Control+a');
  await page.keyboard.type(words);
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === words);
  await response;
  await page.locator('.inbox-row, .notice').first().waitFor();
}

const codes = (page: Page) => page.locator('.inbox-row__open').allTextContents();

it('finds a tip by its spoken code and by a plate in its text, and an appeal’s tips by its title', async () => {
  await withPage(browser, 'find-search', { ...WIDE, locale: 'en-CA' }, async (page) => {
    await signIn(page, app.baseUrl, 'investigator@demo.test', { lang: 'en' });
    await page.goto(`${app.baseUrl}/desk?lang=en`);

    // Read over the phone: lower case, no dash.
    await search(page, plateTip.replace('-', '').toLowerCase());
    await page.locator('.inbox-row__open', { hasText: plateTip }).waitFor();
    await expect(codes(page)).resolves.toEqual([plateTip]);

    // A plate, typed another way than the tipster wrote it; its observables are read by a job,
    // seconds after intake, so the search is sent again until the job has run.
    await search(page, 'FXK 482');
    for (let i = 0; i < 40 && !(await codes(page)).includes(plateTip); i++) {
      await page.waitForTimeout(500);
      const response = answered(page, 'FXK 482');
      await page.reload();
      await response;
      await page.locator('.inbox-row, .notice').first().waitFor();
    }
    await expect(codes(page)).resolves.toEqual([plateTip]);
    await search(page, 'fxk482');
    await expect(codes(page)).resolves.toEqual([plateTip]);

    // The appeal's title, any case, no accents: its tips, and the title shown, not the slug.
    await search(page, 'lea tremblay');
    const row = page.locator('.inbox-row', { hasText: appealTip });
    await row.waitFor();
    await expect(codes(page)).resolves.toEqual([appealTip]);
    await row.getByText('Appeal: Missing: Léa Tremblay, 14').waitFor();
    await row.locator('.inbox-row__open').click();
    const detail = page.getByRole('article');
    await detail.locator('dd', { hasText: 'Missing: Léa Tremblay, 14' }).waitFor();
    await shot(page, 'appeal-title-1440-en');
    await expectAccessible(page);
  });
});

it('keeps a search as a saved view: saved, applied from the keyboard, renamed and deleted', async () => {
  await withPage(browser, 'find-views', { ...WIDE, locale: 'en-CA' }, async (page) => {
    await signIn(page, app.baseUrl, 'investigator@demo.test', { lang: 'en' });
    await page.goto(`${app.baseUrl}/desk?lang=en&status=NEW&q=${encodeURIComponent('lea tremblay')}`);
    await page.locator('.inbox-row', { hasText: appealTip }).waitFor();
    const views = page.getByRole('group', { name: 'Saved views' });
    await views.getByRole('button', { name: 'Save view' }).click();
    const name = views.getByLabel('Name of this view');
    await expect(name.inputValue()).resolves.toBe('New · “lea tremblay”');
    await name.fill('Léa · new');
    await page.keyboard.press('Enter');
    const saved = views.getByRole('button', { name: 'Léa · new' });
    await saved.waitFor();
    await expect(saved.getAttribute('aria-pressed')).resolves.toBe('true');
    await shot(page, 'views-1440-en');
    await expectAccessible(page);

    // Elsewhere in the inbox, `v` reaches the views and Enter applies one.
    await page.goto(`${app.baseUrl}/desk?lang=en`);
    await page.locator('.inbox-row').first().waitFor();
    await expect(saved.getAttribute('aria-pressed')).resolves.toBe('false');
    await page.locator('body').focus();
    await page.keyboard.press('v');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Léa · new');
    const response = answered(page, 'lea tremblay');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === 'lea tremblay');
    await response;
    await page.locator('.saved-views [aria-pressed="true"]', { hasText: 'Léa · new' }).waitFor();
    await expect(page.getByLabel('Search: words, tip code, plate, appeal').inputValue()).resolves.toBe(
      'lea tremblay',
    );
    await page.locator('.inbox-row', { hasText: appealTip }).waitFor();
    await expect(codes(page)).resolves.toEqual([appealTip]);

    // Renamed and deleted from the views' dialog.
    await views.getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog', { name: 'Your saved views' });
    await dialog.getByLabel('New name for “Léa · new”').fill('Léa Tremblay, new tips');
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await views.getByRole('button', { name: 'Léa Tremblay, new tips', exact: true }).waitFor();
    await shot(page, 'views-dialog-1440-en');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Delete the view “Léa Tremblay, new tips”' }).click();
    await dialog.getByText('None yet').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await views.locator('.saved-views__none', { hasText: 'None yet' }).waitFor();
    await expect(
      views.getByRole('button', { name: 'Léa Tremblay, new tips', exact: true }).count(),
    ).resolves.toBe(0);
  });
});

it('says it all in French, on a phone and a desktop', async () => {
  const sizes: [string, BrowserContextOptions][] = [
    ['390', PHONE],
    ['1440', WIDE],
  ];
  for (const [size, options] of sizes) {
    await withPage(browser, `find-fr-${size}`, { ...options, locale: 'fr-CA' }, async (page) => {
      await signIn(page, app.baseUrl, 'investigator@demo.test', { lang: 'fr' });
      await page.goto(`${app.baseUrl}/desk?lang=fr&q=${encodeURIComponent('disparue')}`);
      const row = page.locator('.inbox-row', { hasText: appealTip });
      await row.getByText('Avis : Disparue : Léa Tremblay, 14 ans').waitFor();
      const views = page.getByRole('group', { name: 'Vues enregistrées' });
      await views.getByRole('button', { name: 'Enregistrer' }).click();
      await expect(views.getByLabel('Nom de cette vue').inputValue()).resolves.toBe('« disparue »');
      await page.keyboard.press('Enter');
      await views.getByRole('button', { name: '« disparue »' }).waitFor();
      await shot(page, `views-${size}-fr`);
      await expectAccessible(page);
      await row.locator('.inbox-row__open').click();
      await page.getByRole('article').locator('dd', { hasText: 'Disparue : Léa Tremblay, 14 ans' }).waitFor();
      await shot(page, `appeal-title-${size}-fr`);
      await expectAccessible(page);
      // The same name again is refused, said in French.
      await page.goto(`${app.baseUrl}/desk?lang=fr&q=${encodeURIComponent('disparue')}`);
      await views.getByRole('button', { name: 'Enregistrer' }).click();
      await page.keyboard.press('Enter');
      await views.getByText('Vous avez déjà une vue de ce nom. Choisissez-en un autre.').waitFor();
      await page.keyboard.press('Escape');
      await views.getByRole('button', { name: 'Modifier' }).click();
      const dialog = page.getByRole('dialog', { name: 'Vos vues enregistrées' });
      const remove = dialog.getByRole('button', { name: 'Supprimer la vue « « disparue » »' });
      await remove.click();
      await remove.waitFor({ state: 'detached' });
      await dialog.getByRole('button', { name: 'Fermer' }).click();
    });
  }
});
