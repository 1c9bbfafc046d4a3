import type { Browser, Page } from 'playwright-core';
import { BuiltApp, startBuiltApp } from '../support/built-app';
import { tipForm } from '../support/tip-client';
import { chooseWithKeys, expectAccessible, launchBrowser, screenshot, withPage } from './support/browser';
import { signIn } from './support/sign-in';

/**
 * The triage workspace (issue 17, points 1 and 4): on a 1440×900 desktop the inbox and the open
 * tip side by side, many tips triaged with the keyboard alone (select, bulk status, bulk assign,
 * move), a refused status move explained, and a tip streamed in while working moves nothing.
 * Screenshots of the desktop, tablet and phone layouts in FR and EN go to tests/artifacts/desk-*.
 */
let app: BuiltApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startBuiltApp({ TIP_CHALLENGE: 'off' }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

// A word of this run only: the inbox is filtered on it, so the seeded tips stay out of the way.
const run = `lot${Date.now().toString(36)}`;
const WIDE = { viewport: { width: 1440, height: 900 }, locale: 'en-CA' };

/**
 * Eight different things seen, each too short for its words to be compared: near-identical texts
 * would rightly be likely duplicates, shown as one line of the inbox (desk-clusters.test.ts).
 */
const SIGHTINGS = [
  'grey van, two men',
  'red bike by the park',
  'dog barking all night',
  'broken shop window',
  'man in a blue cap',
  'loud music downtown',
  'car parked for days',
  'smoke near the mill',
];

async function sendTip(description: string): Promise<{ code: string }> {
  const res = await fetch(`${app.baseUrl}/api/public/tips`, {
    method: 'POST',
    body: tipForm({ description }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { code: string };
}

const shot = (page: Page, name: string) => screenshot(page, `desk-${name}`, { fullPage: false });
const activeCode = (page: Page) => page.locator('.inbox-row--active .inbox-row__open').textContent();
const rowOf = (page: Page, code: string) => page.locator('.inbox-row', { hasText: code });

it('triages many tips with the keyboard alone in the split view; a streamed tip moves nothing', async () => {
  const codes: string[] = [];
  for (let i = 0; i < 8; i++) codes.push((await sendTip(`${run}: ${SIGHTINGS[i]}`)).code);

  await withPage(browser, 'desk-triage-desktop', WIDE, async (page) => {
    await signIn(page, app.baseUrl, 'investigator@demo.test');
    await page.goto(`${app.baseUrl}/desk?q=${run}`);
    await page.locator('.inbox-row').first().waitFor();
    // The first rows are above the fold of a 1440×900 screen, with the detail pane beside them.
    const firstRow = await page.locator('.inbox-row').first().boundingBox();
    expect(firstRow!.y + firstRow!.height).toBeLessThan(900);
    await expect(page.locator('.inbox__pane--detail').isVisible()).resolves.toBe(true);
    expect(await page.locator('.inbox-row').count()).toBe(8);
    await expectAccessible(page);

    // j opens the first tip on the right, and the URL names it (a link, Back).
    await page.keyboard.press('j');
    const first = (await activeCode(page))!;
    await page.getByRole('heading', { name: `Tip ${first}` }).waitFor();
    // The address follows the drawing of the tip, when the browser has a moment.
    await page.waitForURL(/\/desk\/tips\/[0-9a-f-]{36}\?q=/);
    // Back returns to the list with no tip open; Forward opens it again.
    await page.goBack();
    await page.locator('.inbox__pane--empty').waitFor();
    await page.goForward();
    await page.getByRole('heading', { name: `Tip ${first}` }).waitFor();
    expect(await activeCode(page)).toBe(first);

    // x selects; j moves; Shift+X selects everything up to here; four tips selected.
    await page.keyboard.press('x');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('Shift+X');
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    await page.getByText('4 tips selected').waitFor();
    const picked = await page.locator('.inbox-row--selected .inbox-row__open').allTextContents();
    expect(picked).toHaveLength(4);

    // b goes to the actions on the selection: status "In review" for all four, in one request.
    await page.keyboard.press('b');
    await page.keyboard.press('Tab');
    await chooseWithKeys(page, /In review/);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('.inbox__live', { hasText: '4 tips changed.' }).waitFor();
    for (const code of picked) await rowOf(page, code).getByText('In review').waitFor();

    // The same four again (Escape, then select), given to a colleague.
    await page.locator('#inbox-heading').focus();
    for (const code of picked) {
      await page.locator('.inbox-row__open', { hasText: code }).focus();
      await page.keyboard.press('x');
    }
    await page.getByText('4 tips selected').waitFor();
    await page.keyboard.press('b');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await chooseWithKeys(page, /Supervisor/);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('.inbox__live', { hasText: '4 tips changed.' }).waitFor();
    for (const code of picked)
      await rowOf(page, code)
        .getByText(/Held by .*Supervisor/)
        .waitFor();

    // The history of one of them says what changed, in words.
    await page.locator('.inbox-row__open', { hasText: picked[0] }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: `Tip ${picked[0]}` }).waitFor();
    const history = page.locator('.tip-history');
    await history.getByText('Status: New → In review').waitFor();
    await history.getByText(/Assigned to .*Supervisor/).waitFor();

    // A move the workflow refuses is explained, not sent: a new tip cannot be closed.
    const untouched = codes.find((code) => !picked.includes(code))!;
    await page.locator('.inbox-row__open', { hasText: untouched }).focus();
    await page.keyboard.press('s');
    await page.keyboard.press('6');
    await page.getByText(`Tip ${untouched} is New: it can move to In review, Not actionable.`).waitFor();
    // k moves up from it (it is the oldest, last in the list) and opens that tip on the right.
    await page.keyboard.press('k');
    await page.waitForFunction(
      (code) => document.querySelector('.inbox-row--active .inbox-row__open')?.textContent !== code,
      untouched,
    );
    const open = (await activeCode(page))!;
    await page.getByRole('heading', { name: `Tip ${open}` }).waitFor();
    await shot(page, 'split-1440-en');

    // A tip streamed in while working: the highlighted row, the open tip and the selection stay put.
    await page.keyboard.press('x');
    const openHref = await page.locator('.inbox-row--active .inbox-row__open').getAttribute('href');
    await page.waitForURL((url) => `${url.pathname}${url.search}` === openHref);
    const before = {
      url: page.url(),
      top: (await page.locator('.inbox-row--active').boundingBox())!.y,
      selected: await page.locator('.inbox-row--selected .inbox-row__open').allTextContents(),
    };
    const streamed = await sendTip(`Sighting ${run} streamed while the investigator works.`);
    await page.locator('.inbox__live', { hasText: /new tip/i }).waitFor({ timeout: 20_000 });
    await page.waitForFunction(
      () => document.querySelector('.inbox-row')?.getAttribute('aria-setsize') === '9',
    );
    expect(page.url()).toBe(before.url);
    expect(await activeCode(page)).toBe(open);
    expect((await page.locator('.inbox-row--active').boundingBox())!.y).toBeCloseTo(before.top, 0);
    expect(await page.locator('.inbox-row--selected .inbox-row__open').allTextContents()).toEqual(
      before.selected,
    );
    // It is there, above what is on screen.
    await page.locator('.inbox-list__scroller').evaluate((el) => el.scrollTo(0, 0));
    await rowOf(page, streamed.code).waitFor();
    await expectAccessible(page);
  });
});

it('shows the list then the tip on a tablet and a phone, and the split view in French', async () => {
  await withPage(
    browser,
    'desk-layouts',
    { viewport: { width: 1440, height: 900 }, locale: 'fr-CA' },
    async (page) => {
      await signIn(page, app.baseUrl, 'investigator@demo.test');
      await page.goto(`${app.baseUrl}/desk?q=${run}`);
      await page.locator('.inbox-row').first().waitFor();
      await page.keyboard.press('j');
      // The open tip's own heading ("Signalement 64NN-8QRC"): the list's ("Signalements reçus") is
      // on screen beside it in the split view, and alone would pass before j had opened anything.
      await page.getByRole('heading', { name: /^Signalement [A-Z0-9]{4}-[A-Z0-9]{4}$/ }).waitFor();
      await expectAccessible(page);
      await shot(page, 'split-1440-fr');
    },
  );
  for (const [name, viewport, locale] of [
    ['tablet-1024-en', { width: 1024, height: 768 }, 'en-CA'],
    ['tablet-1024-fr', { width: 1024, height: 768 }, 'fr-CA'],
    ['tablet-820-fr', { width: 820, height: 1180 }, 'fr-CA'],
    ['phone-390-en', { width: 390, height: 844 }, 'en-CA'],
    ['phone-390-fr', { width: 390, height: 844 }, 'fr-CA'],
  ] as const) {
    await withPage(
      browser,
      `desk-${name}`,
      { viewport, locale, isMobile: viewport.width < 500 },
      async (page) => {
        await signIn(page, app.baseUrl, 'investigator@demo.test');
        await page.goto(`${app.baseUrl}/desk?q=${run}`);
        await page.locator('.inbox-row').first().waitFor();
        // No split: the list alone, then the tip alone with its way back.
        await expect(page.locator('.inbox__pane--detail').count()).resolves.toBe(0);
        await shot(page, `list-${name}`);
        if (name.startsWith('tablet')) await tabletFilters(page, viewport.height);
        await page.locator('.inbox-row__open').first().click();
        await page.locator('.tip-detail').waitFor();
        await expect(page.locator('.inbox-row').count()).resolves.toBe(0);
        await expectAccessible(page);
        await shot(page, `tip-${name}`);
        await page.getByRole('link', { name: /Back to incoming tips|Retour/ }).click();
        await page.locator('.inbox-row').first().waitFor();
      },
    );
  }
});

/**
 * On a tablet the desk's header is compact: the filters other than the search fold behind one button,
 * so the list starts high enough for two rows and more (at 1024×768 the first row used to start at
 * 649 px); the button opens them from the keyboard and says how many are set.
 */
async function tabletFilters(page: Page, height: number) {
  const row = (await page.locator('.inbox-row').first().boundingBox())!;
  expect(row.y + 2 * row.height).toBeLessThanOrEqual(height);
  const priority = page.getByRole('combobox', { name: /^(Priority|Priorité)$/ });
  await expect(priority.isVisible()).resolves.toBe(false);
  await page.getByRole('button', { name: /^(Filters|Filtres)$/ }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(priority.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
  // The tips sent here are of low priority, the last choice: End picks it in one change.
  await page.keyboard.press('End');
  await page
    .getByRole('button', { name: /^(Filters \(1 applied\)|Filtres \(1 actif\))$/, expanded: true })
    .waitFor();
  await page.waitForURL(/priority=LOW/);
  await page.locator('.inbox-row').first().waitFor();
  await expectAccessible(page);
  await shot(page, `filters-${await page.evaluate(() => `${innerWidth}-${document.documentElement.lang}`)}`);
}
