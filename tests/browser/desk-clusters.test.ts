import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { jpegWithGps } from '../support/media-fixtures';
import { ApiClient } from '../support/api-client';
import { BuiltApp, startBuiltApp } from '../support/built-app';
import { tipForm } from '../support/tip-client';
import { chooseWithKeys, expectAccessible, launchBrowser, screenshot, withPage } from './support/browser';
import { signIn } from './support/sign-in';

/**
 * Triage by group (issue 17, "Done means"): 50 tips triaged with the keyboard alone, among them 10
 * tips of one re-shared photo that the inbox shows as one line ("10 tips · same photo"), opened with
 * e, merged in one action after a confirmation listing them, one of them unmerged again; then every
 * tip's status set in one bulk action. Screenshots of the expanded group, of a tip's duplicates panel
 * and of their confirmations at 1440×900 and 390×844, in English and French, and of the inbox on a
 * 1024×768 tablet (its first row above the fold), go to tests/artifacts/desk-groups-*.
 */
let app: BuiltApp;
let browser: Browser;
let staff: ApiClient;

// A word of this run only: the inbox is filtered on it, so the seeded demo tips stay out of the way.
const run = `lot${Date.now().toString(36)}`;
const codes: string[] = [];
const photoCodes: string[] = [];
/** The tip unmerged by the first journey: its duplicates panel lists the nine still merged. */
let unmergedCode = '';

/** Sends a tip through the public API as a citizen would; short words, so only the photo links tips. */
async function sendTip(description: string, photo?: Buffer): Promise<string> {
  const res = await fetch(`${app.baseUrl}/api/public/tips`, {
    method: 'POST',
    body: tipForm({ description }, photo ? [{ data: photo, name: 'photo.jpg', type: 'image/jpeg' }] : []),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { code: string }).code;
}

interface InboxBody {
  groups: { count: number; complete: boolean; strongest: { signal: string } | null }[];
}

/** Waits for the media and scoring jobs by asking the inbox, as the desk does, until the group is whole. */
async function groupFormed(): Promise<void> {
  for (;;) {
    const res = await staff.get<InboxBody>(`/api/tips?q=${run}`);
    const group = res.body.groups?.[0];
    if (group?.count === 10 && group.complete && group.strongest?.signal === 'EXACT_MEDIA') return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

beforeAll(async () => {
  [app, browser] = await Promise.all([
    startBuiltApp({ TIP_CHALLENGE: 'off', TIP_RATE_LIMIT: '0' }),
    launchBrowser(),
  ]);
  staff = await ApiClient.signedIn(app.baseUrl, 'investigator@demo.test');
  const photo = await jpegWithGps(800, 600);
  for (let i = 0; i < 20; i++) codes.push(await sendTip(`${run} van ${i}`));
  for (let i = 0; i < 10; i++) photoCodes.push(await sendTip(`${run} photo ${i}`, photo));
  for (let i = 20; i < 40; i++) codes.push(await sendTip(`${run} van ${i}`));
  codes.push(...photoCodes);
  await groupFormed();
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const shot = (page: Page, name: string) => screenshot(page, `desk-groups-${name}`, { fullPage: false });
const setSize = (page: Page) => page.locator('.inbox-row').first().getAttribute('aria-setsize').then(Number);
const waitSetSize = (page: Page, size: number) =>
  page.waitForFunction(
    (n) => document.querySelector('.inbox-row')?.getAttribute('aria-setsize') === String(n),
    size,
  );
const activePosition = (page: Page) =>
  page.locator('.inbox-row--active').getAttribute('aria-posinset').then(Number);

/** Presses j until the highlighted line is the group's. */
async function toGroup(page: Page) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('j');
    if (await page.locator('.inbox-row--active.inbox-row--group').count()) return;
  }
  throw new Error('No group line reached with j');
}

it('triages 50 tips with the keyboard alone: a group of 10 duplicates merged in one action, one unmerged', async () => {
  await withPage(
    browser,
    'desk-groups',
    { viewport: { width: 1440, height: 900 }, locale: 'en-CA' },
    async (page) => {
      await signIn(page, app.baseUrl, 'investigator@demo.test');
      await page.goto(`${app.baseUrl}/desk?q=${run}`);
      await page.locator('.inbox-row').first().waitFor();
      // 50 tips, 41 lines: the ten with the same photo are one.
      expect(await setSize(page)).toBe(41);

      await toGroup(page);
      const group = page.locator('.inbox-row--group');
      await group.getByRole('button', { name: '10 tips · same photo' }).waitFor();
      const primary = (await group.locator('.inbox-row__open').textContent())!;
      expect(photoCodes).toContain(primary);

      // e shows its other nine under it, e hides them, e shows them again.
      await page.keyboard.press('e');
      await waitSetSize(page, 50);
      expect(await page.locator('.inbox-row--member').count()).toBe(9);
      await page.keyboard.press('e');
      await waitSetSize(page, 41);
      await page.keyboard.press('e');
      await waitSetSize(page, 50);
      await expectAccessible(page);

      // m: the confirmation lists the nine to merge into the primary, each with its code and reason.
      await page.keyboard.press('m');
      const dialog = page.getByRole('dialog', { name: `Merge 9 tips into ${primary}?` });
      await dialog.waitFor();
      const listed = dialog.getByRole('list', { name: 'Tips concerned' }).getByRole('listitem');
      expect(await listed.count()).toBe(9);
      expect(await listed.filter({ hasText: 'same photo' }).count()).toBe(9);
      for (const code of photoCodes.filter((c) => c !== primary))
        await listed.filter({ hasText: code }).waitFor();
      await expectAccessible(page);
      await shot(page, 'confirm-1440-en');
      // Enter on the focused button: one request for the nine.
      await page.keyboard.press('Enter');
      await page.locator('.inbox__live', { hasText: `9 tips merged into ${primary}.` }).waitFor();
      await page.waitForFunction(() => document.querySelectorAll('.inbox-row__member--merged').length === 9);
      await dialog.waitFor({ state: 'hidden' });

      // u on a merged tip: confirmed, then it stays listed with the group, no longer marked merged.
      await page.keyboard.press('j');
      const unmerged = (await page.locator('.inbox-row--active .inbox-row__open').textContent())!;
      unmergedCode = unmerged;
      await page.keyboard.press('u');
      const undo = page.getByRole('dialog', { name: `Unmerge ${unmerged}?` });
      await undo.waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.inbox__live', { hasText: `${unmerged} is no longer merged.` }).waitFor();
      await page.waitForFunction(() => document.querySelectorAll('.inbox-row__member--merged').length === 8);
      await page.locator('.inbox-row--member', { hasText: unmerged }).getByText('Likely duplicate').waitFor();
      await shot(page, 'expanded-1440-en');

      // Then all 50 at once: back to the first line, x, down to the last, Shift+x, b, "In review".
      const back = (await activePosition(page)) - 1;
      for (let i = 0; i < back; i++) await page.keyboard.press('k');
      expect(await activePosition(page)).toBe(1);
      await page.keyboard.press('x');
      for (let i = 1; i < 50; i++) await page.keyboard.press('j');
      expect(await activePosition(page)).toBe(50);
      await page.keyboard.press('Shift+X');
      await page.getByText('50 tips selected').waitFor();
      await page.keyboard.press('b');
      await page.keyboard.press('Tab');
      await chooseWithKeys(page, /In review/);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.locator('.inbox__live', { hasText: '50 tips changed.' }).waitFor();
    },
  );

  // What the server holds: every tip in review, nine merged, each decision in the audit trail.
  const inbox = await staff.get(`/api/tips?q=${run}&limit=100`);
  const all = [...inbox.body.items, ...inbox.body.groups.flatMap((g: { members: unknown[] }) => g.members)];
  const byCode = new Map(all.map((tip: { code: string; status: string }) => [tip.code, tip]));
  expect([...byCode.keys()].sort()).toEqual([...codes].sort());
  expect([...byCode.values()].every((tip) => tip.status === 'IN_REVIEW')).toBe(true);
  const [group] = inbox.body.groups as { members: { clusterId: string | null; id: string }[] }[];
  expect(group.members.filter((m) => m.clusterId).length).toBe(9);
  const history = await staff.get(`/api/tips/${group.members.find((m) => !m.clusterId)!.id}`);
  expect(history.body.history.map((h: { action: string }) => h.action)).toEqual(
    expect.arrayContaining(['tip.merge', 'tip.unmerge']),
  );
});

it("shows the expanded group, a tip's duplicates panel and their confirmations in French and English, on a desktop, a tablet and a phone", async () => {
  const views: [string, BrowserContextOptions][] = [
    ['1440-en', { viewport: { width: 1440, height: 900 }, locale: 'en-CA' }],
    ['1440-fr', { viewport: { width: 1440, height: 900 }, locale: 'fr-CA' }],
    ['1024-en', { viewport: { width: 1024, height: 768 }, locale: 'en-CA' }],
    ['390-en', { viewport: { width: 390, height: 844 }, locale: 'en-CA', isMobile: true }],
    ['390-fr', { viewport: { width: 390, height: 844 }, locale: 'fr-CA', isMobile: true }],
  ];
  const found = await staff.get<{ items: { id: string; code: string }[] }>(
    `/api/tips?q=${encodeURIComponent(unmergedCode)}`,
  );
  const unmergedId = found.body.items.find((tip) => tip.code === unmergedCode)!.id;
  for (const [name, options] of views) {
    await withPage(browser, `desk-groups-${name}`, options, async (page) => {
      await signIn(page, app.baseUrl, 'investigator@demo.test');
      await page.goto(`${app.baseUrl}/desk?q=${run}`);
      await page.locator('.inbox-row').first().waitFor();
      if (name === '1024-en') {
        // A tablet: the list alone, its first row above the fold.
        const row = (await page.locator('.inbox-row').first().boundingBox())!;
        expect(row.y + row.height).toBeLessThanOrEqual(768);
        await shot(page, `inbox-${name}`);
        return;
      }
      if (name !== '1440-en') await groupShots(page, name);
      await panelShots(page, name, unmergedId);
    });
  }
}, 300_000);

/** The group expanded, and its "not duplicates" confirmation (cancelled). */
async function groupShots(page: Page, name: string) {
  await toGroup(page);
  await page.keyboard.press('e');
  await waitSetSize(page, 50);
  await page
    .locator('.inbox-row--group')
    .getByRole('button', { name: /10 (tips|signalements)/ })
    .waitFor();
  await expectAccessible(page);
  // On a phone the list is below the page's header: bring the group into view for the picture.
  await page.locator('.inbox-row--group').scrollIntoViewIfNeeded();
  await shot(page, `expanded-${name}`);
  // "Not duplicates" for the whole group: the confirmation lists all ten (then cancelled).
  await page.keyboard.press('d');
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('listitem').first().waitFor();
  expect(await dialog.getByRole('listitem').count()).toBe(10);
  await expectAccessible(page);
  await shot(page, `confirm-${name}`);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
}

/** A tip's duplicates panel, and the confirmation of a merge asked from it (cancelled). */
async function panelShots(page: Page, name: string, tipId: string) {
  await page.goto(`${app.baseUrl}/desk/tips/${tipId}?q=${run}`);
  const panel = page.locator('section[aria-labelledby="tip-dupes-heading"]');
  const first = panel.locator('.tip-dupes__item').first();
  await first.waitFor();
  expect(await panel.locator('.tip-dupes__item').count()).toBe(9);
  await panel.evaluate((section) => section.scrollIntoView({ block: 'start' }));
  // Each decision's label on one line; on a phone without its key ("(d)": no keyboard at hand there),
  // which the button still names for assistive technologies.
  const phone = name.startsWith('390');
  for (const button of await first.locator('.tip-controls button').all()) {
    const lines = await button.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set(Array.from(range.getClientRects(), (rect) => Math.round(rect.top))).size;
    });
    expect(lines).toBe(1);
    expect(await button.locator('.key-hint').isVisible()).toBe(!phone);
    expect(await button.getAttribute('aria-keyshortcuts')).toMatch(/^[md]$/);
  }
  // The French pages are the same elements: axe on the English desktop and phone is enough.
  const checked = name.endsWith('-en');
  if (checked) await expectAccessible(page);
  await shot(page, `panel-${name}`);
  await first.getByRole('button', { name: /^(Merge with|Fusionner avec)/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('listitem').filter({ hasText: unmergedCode }).waitFor();
  if (checked) await expectAccessible(page);
  await shot(page, `panel-confirm-${name}`);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
}
