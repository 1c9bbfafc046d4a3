import type { Browser, Page } from 'playwright-core';
import { BuiltApp, startBuiltApp } from '../support/built-app';
import { tipForm } from '../support/tip-client';
import { DESKTOP, expectAccessible, launchBrowser, withPage } from './support/browser';
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

// Unique to this run, so the dedupe signals pair these tips and nothing seeded.
const run = Date.now().toString(36);
const PHONE = '+1 514 555 0142';
const FIRST = `Grey van ${run} parked behind the Jean-Talon market at 3 pm, two men loading copper cable into it`;
const SECOND = `Grey van ${run} behind Jean-Talon market around 3 pm, two men were loading copper cable into it`;

async function sendTip(description: string): Promise<{ code: string; password: string }> {
  const res = await fetch(`${app.baseUrl}/api/public/tips`, {
    method: 'POST',
    body: tipForm({ description, contactPhone: PHONE }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { code: string; password: string };
}

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

it('an investigator triages a live tip with the keyboard, asks the tipster, links it to a case and merges its duplicate', async () => {
  await withPage(browser, 'investigator-desktop', DESKTOP, async (page) => {
    await signIn(page, app.baseUrl, 'investigator@demo.test');
    await page.getByRole('heading', { name: 'Incoming tips' }).waitFor();
    await page.locator('.inbox-row, .notice').first().waitFor();
    await expectAccessible(page);

    // --- A tip sent now arrives in the open inbox, without a reload, and is announced politely.
    const first = await sendTip(FIRST);
    const row = page.locator('.inbox-row', { hasText: first.code });
    await row.waitFor({ timeout: 20_000 });
    await expect(page.locator('.inbox__live').textContent()).resolves.toMatch(/new tip/i);
    await expect(row.textContent()).resolves.toContain('Not assigned');

    // --- The keyboard alone: j/k to reach it, a to take it, s 2 for "In review", Enter to open.
    await page.locator('#inbox-heading').click();
    for (let i = 0; i < 60 && (await focusedText(page)) !== first.code; i++) await page.keyboard.press('j');
    expect(await focusedText(page)).toBe(first.code);
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    expect(await focusedText(page)).toBe(first.code);
    await page.keyboard.press('a');
    await row.getByText('Held by me').waitFor();
    await page.keyboard.press('s');
    await page.keyboard.press('2');
    await row.getByText('In review').waitFor();
    await page.locator('.inbox-row__open', { hasText: first.code }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: `Tip ${first.code}` }).waitFor();
    // On a desktop the tip was already open beside the list, as fetched before it was taken and moved:
    // its heading says nothing new. Its history line for the move comes with the tip read again.
    await page.locator('.tip-history').getByText('Status: New → In review').waitFor();
    await expect(page.getByRole('combobox', { name: 'Status' }).inputValue()).resolves.toBe('IN_REVIEW');
    await expectAccessible(page);

    // --- A question to the tipster, which they read when they follow up.
    const question = `What colour were the men's jackets? (${run})`;
    await page.getByLabel(/Write to the tipster/).fill(question);
    await page.getByRole('button', { name: 'Send to the tipster' }).click();
    await page.locator('.tip-thread').getByText(question).waitFor();
    const token = (await (
      await fetch(`${app.baseUrl}/api/public/tips/follow-up`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: first.code, password: first.password }),
      })
    ).json()) as { token: string };
    const followUp = await fetch(`${app.baseUrl}/api/public/tips/follow-up`, {
      headers: { authorization: `Bearer ${token.token}` },
    });
    expect(followUp.status).toBe(200);
    expect(JSON.stringify(await followUp.json())).toContain(question);

    // --- Linked to a new case: the tip shows it, and the case page lists the tip.
    const caseTitle = `Copper thefts ${run}`;
    await page.getByRole('combobox', { name: 'Link to a case' }).selectOption('new');
    await page.getByRole('textbox', { name: 'Title of the new case' }).fill(caseTitle);
    await page.getByRole('button', { name: 'Link', exact: true }).click();
    const caseLink = page.getByRole('link', { name: new RegExp(caseTitle) });
    await caseLink.waitFor();
    await expect(page.getByRole('combobox', { name: 'Status' }).inputValue()).resolves.toBe('LINKED');

    // --- A near-identical tip from the same phone: dedupe suggests it, with its reasons; confirm it.
    const second = await sendTip(SECOND);
    const suggestion = page.locator('.tip-dupes__item', { hasText: second.code });
    const deadline = Date.now() + 60_000;
    while (!(await suggestion.count())) {
      if (Date.now() > deadline) throw new Error(`No duplicate suggestion for ${second.code}`);
      await page.waitForTimeout(1_000);
      await page.reload();
      await page.getByRole('heading', { name: `Tip ${first.code}` }).waitFor();
      await page
        .getByText(/No likely duplicate|Likely duplicates/)
        .first()
        .waitFor();
    }
    await expect(suggestion.textContent()).resolves.toMatch(/Same contact details|similar/);
    await expectAccessible(page);
    // Merging asks first, naming both tips; m on the suggestion does what its button does.
    await suggestion.getByRole('link', { name: second.code }).focus();
    await page.keyboard.press('m');
    const merge = page.getByRole('dialog', { name: `Merge 1 tip into ${first.code}?` });
    await merge.getByRole('listitem').filter({ hasText: second.code }).waitFor();
    await expectAccessible(page);
    await page.keyboard.press('Enter');
    const dupes = page.locator('section[aria-labelledby="tip-dupes-heading"]');
    await dupes
      .getByRole('status')
      .filter({ hasText: `${second.code} merged into ${first.code}.` })
      .waitFor();
    await merge.waitFor({ state: 'hidden' });
    await dupes.getByText('1 tip is merged into this one.').waitFor();

    // On the merged tip's page: what it was merged into, and its unmerge, confirmed (Enter).
    await dupes.getByRole('list', { name: 'Merged tips' }).getByRole('link', { name: second.code }).click();
    await page.getByRole('heading', { name: `Tip ${second.code}` }).waitFor();
    await dupes.getByText(`Merged into ${first.code}`).waitFor();
    await dupes.getByRole('button', { name: `Unmerge ${second.code}… (u)` }).focus();
    await page.keyboard.press('u');
    await page.getByRole('dialog', { name: `Unmerge ${second.code}?` }).waitFor();
    await page.keyboard.press('Enter');
    await dupes
      .getByRole('status')
      .filter({ hasText: `${second.code} is no longer merged.` })
      .waitFor();
    await dupes.getByRole('button', { name: `Merge with ${first.code}… (m)` }).waitFor();
    // The history names the other tip, and says it was undone.
    const lines = page.locator('.tip-history');
    await lines.getByText(`Merged into ${first.code}`).waitFor();
    await lines.getByText(`Unmerged from ${first.code}`).waitFor();
    await expectAccessible(page);

    await dupes.getByRole('link', { name: first.code }).click();
    await page.getByRole('heading', { name: `Tip ${first.code}` }).waitFor();
    await caseLink.click();
    await page.getByRole('heading', { name: new RegExp(caseTitle) }).waitFor();
    await page.locator('.case-timeline').getByRole('link', { name: first.code }).waitFor();
    await expectAccessible(page);
  });
});
