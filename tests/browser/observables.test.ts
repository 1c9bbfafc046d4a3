import { CSRF_COOKIE } from '@vigie/common';
import type { Browser, Page } from 'playwright-core';
import { BuiltApp, startBuiltApp } from '../support/built-app';
import { tipForm } from '../support/tip-client';
import { expectAccessible, launchBrowser, screenshot, withPage } from './support/browser';
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

const FRENCH =
  "Vers 14 h 30, une Honda Civic grise, plaque FXK 482, s'est arrêtée au 1234 rue Ontario Est. Le conducteur portait une casquette rouge.";
const ENGLISH =
  'Around 2:30 PM a grey Honda Civic, plate fxk-482, stopped at 1234 Ontario St E; the driver wore a red cap.';

async function sendTip(description: string, language: 'fr' | 'en'): Promise<string> {
  const res = await fetch(`${app.baseUrl}/api/public/tips`, {
    method: 'POST',
    body: tipForm({ description, language }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { code: string }).code;
}

/** The tip's id, found the way an investigator would: its code in the inbox search. */
async function tipId(page: Page, code: string): Promise<string> {
  const res = await page.request.get(`${app.baseUrl}/api/tips?q=${code}`);
  return ((await res.json()) as { items: { id: string }[] }).items[0].id;
}

/**
 * Opens a tip's page, reloading until scoring has read its observables (a job, seconds after intake).
 * The chips are a request of their own, made once the tip is drawn: each load waits for the section
 * to show its answer (chips, or "none found") before deciding, instead of looking while it loads.
 */
async function openTipWithChips(page: Page, id: string, lang: 'fr' | 'en') {
  const section = page.getByRole('region', {
    name: /^(Identifiers in this tip|Identifiants dans ce signalement)$/,
  });
  for (let i = 0; i < 40; i++) {
    await page.goto(`${app.baseUrl}/desk/tips/${id}?lang=${lang}`);
    await section.locator('.observable-chips, .tip-muted, .notice').first().waitFor();
    if (await section.locator('.observable-chip').count()) return;
    await page.waitForTimeout(500);
  }
  throw new Error('the observables never appeared');
}

const SIZES = [
  { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  { viewport: { width: 1440, height: 900 } },
];

it('an investigator opens a plate chip on a French tip and lands on the English tip that mentions it, and adds one by hand', async () => {
  const frenchCode = await sendTip(FRENCH, 'fr');
  const englishCode = await sendTip(ENGLISH, 'en');
  await withPage(browser, 'observables-en', { ...SIZES[1], locale: 'en-CA' }, async (page) => {
    await signIn(page, app.baseUrl, 'investigator@demo.test', { lang: 'en' });
    const frenchId = await tipId(page, frenchCode);
    await openTipWithChips(page, frenchId, 'en');
    await page.getByRole('heading', { name: 'Identifiers in this tip' }).waitFor();
    const plate = page.getByRole('link', { name: /^Plate FXK482/ });
    await plate.waitFor();
    // The English tip is scored too (possibly a moment later): the chip then counts it.
    for (let i = 0; i < 30 && !(await plate.textContent())?.includes('+1 tip'); i++) {
      await page.waitForTimeout(500);
      await page.reload();
    }
    await expect(plate.textContent()).resolves.toContain('+1 tip');
    await expectAccessible(page);

    await plate.click();
    await page.waitForURL(/\/desk\/observables\/plate\/FXK482/);
    await page.getByRole('heading', { name: 'Plate FXK482' }).waitFor();
    await page.getByRole('heading', { name: '2 tips mention it' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: englishCode }).click();
    await page.getByRole('heading', { name: `Tip ${englishCode}` }).waitFor();
    await expect(page.locator('.tip-detail__text').textContent()).resolves.toContain('plate fxk-482');
    // The address, written in English here and in French there, is one chip shared by both.
    await expect(
      page.getByRole('link', { name: /^Address 1234 ontario st e/ }).textContent(),
    ).resolves.toContain('+1 tip');

    // A plate the words did not give, added by hand, normalised.
    await page.getByText('Add an identifier').click();
    await page.getByLabel('Kind').last().selectOption('PLATE');
    await page.getByLabel('Value, as written').last().fill('bxr 4821');
    await page.getByRole('button', { name: 'Add this identifier' }).click();
    await page.getByRole('link', { name: /^Plate BXR4821/ }).waitFor();
    await page.getByLabel('Value, as written').last().fill('45 $');
    await page.getByRole('button', { name: 'Add this identifier' }).click();
    await page.getByText('This is not a valid Plate').waitFor();
    await expectAccessible(page);
  });
});

it('the same journey in French, on a phone: the chip lands on the other tips, one written in French and one in English', async () => {
  // A plate of its own, so the page lists these three tips and nothing from the other journeys.
  const french = await sendTip(
    "Hier soir une Mazda 3 rouge, plaque GHT 917, tournait autour de l'école, le chauffeur prenait des photos.",
    'fr',
  );
  const english = await sendTip(
    'A red Mazda 3, plate ght-917, parked by the schoolyard for an hour this morning; the man inside was filming.',
    'en',
  );
  const opened = await sendTip('Mazda rouge GHT917 encore devant l’école à midi.', 'fr');
  await withPage(browser, 'observables-fr', { ...SIZES[0], locale: 'fr-CA' }, async (page) => {
    await signIn(page, app.baseUrl, 'investigator@demo.test', { lang: 'en' });
    await openTipWithChips(page, await tipId(page, opened), 'fr');
    await page.getByRole('heading', { name: 'Identifiants dans ce signalement' }).waitFor();
    const plate = page.getByRole('link', { name: /^Plaque GHT917/ });
    // The other two are scored too (possibly a moment later): the chip then counts them.
    for (let i = 0; i < 30 && !/\+2/.test((await plate.textContent()) ?? ''); i++) {
      await page.waitForTimeout(500);
      await page.reload();
    }
    await plate.click();
    await page.waitForURL(/\/desk\/observables\/plate\/GHT917/);
    await page.getByRole('heading', { name: 'Plaque GHT917' }).waitFor();
    await page.getByRole('heading', { name: /3 signalements le mentionnent/ }).waitFor();
    const row = (code: string) => page.locator('.observable-mentions li').filter({ hasText: code });
    await expect(row(french).locator('.inbox-row__excerpt').textContent()).resolves.toContain(
      'plaque GHT 917',
    );
    await expect(row(english).locator('.inbox-row__excerpt').textContent()).resolves.toContain(
      'plate ght-917',
    );
    await expectAccessible(page);
    // And each opens: the English tip, from the French desk.
    await row(english).getByRole('link', { name: english }).click();
    await page.getByRole('heading', { name: `Signalement ${english}` }).waitFor();
  });
});

it('screenshots of the chips, the mentions page and a case, FR and EN, phone and desktop', async () => {
  const code = await sendTip(FRENCH, 'fr');
  let caseId = '';
  for (const size of SIZES)
    for (const locale of ['fr-CA', 'en-CA']) {
      const lang = locale.slice(0, 2) as 'fr' | 'en';
      const tag = `${size.viewport.width}-${lang}`;
      await withPage(browser, `observables-shots-${tag}`, { ...size, locale }, async (page) => {
        await signIn(page, app.baseUrl, 'investigator@demo.test', { lang: 'en' });
        await openTipWithChips(page, await tipId(page, code), lang);
        await screenshot(page, `observables-tip-${tag}`);
        await page.goto(`${app.baseUrl}/desk/observables/plate/FXK482?lang=${lang}`);
        await page.locator('.observable-mentions li').first().waitFor();
        await screenshot(page, `observables-mentions-${tag}`);
        if (!caseId) {
          const csrf = (await page.context().cookies()).find((c) => c.name === CSRF_COOKIE)?.value ?? '';
          const created = await page.request.post(`${app.baseUrl}/api/cases`, {
            data: { title: 'Honda Civic grise, rue Ontario' },
            headers: { 'x-csrf-token': csrf },
          });
          caseId = ((await created.json()) as { id: string }).id;
          const linked = await page.request.post(`${app.baseUrl}/api/cases/${caseId}/tips`, {
            data: { tipIds: [await tipId(page, code)] },
            headers: { 'x-csrf-token': csrf },
          });
          expect(linked.status()).toBe(201);
        }
        await page.goto(`${app.baseUrl}/desk/cases/${caseId}?lang=${lang}`);
        await page.locator('.observable-chip').first().waitFor();
        await screenshot(page, `observables-case-${tag}`);
      });
    }
});
