import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { BuiltApp, startBuiltApp } from '../support/built-app';
import { ARTIFACTS, expectAccessible, launchBrowser, PHONE, withPage } from './support/browser';

let app: BuiltApp;
let browser: Browser;

// The proof-of-work stays on (the default): the page itself must solve it before the API takes the tip.
beforeAll(async () => {
  [app, browser] = await Promise.all([startBuiltApp(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

interface PublicAppealSummary {
  slug: string;
  kind: string;
  title: { fr?: string; en?: string };
  agency: { slug: string };
  reward?: { amount: number } | null;
}

/** A published appeal of the demo agency, one with a reward if there is one (to see eligibility). */
async function demoAppeal(): Promise<PublicAppealSummary> {
  const { items } = (await (await fetch(`${app.baseUrl}/api/public/appeals`)).json()) as {
    items: PublicAppealSummary[];
  };
  const ours = items.filter((a) => a.agency.slug === 'demo');
  const appeal = ours.find((a) => a.reward) ?? ours[0];
  if (!appeal) throw new Error('The demo seed has no published appeal for the demo agency');
  return appeal;
}

const metaContent = (html: string, attribute: 'property' | 'name', key: string) =>
  new RegExp(`<meta[^>]+${attribute}="${key}"[^>]+content="([^"]+)"`).exec(html)?.[1];

async function continueTo(page: Page, legend: RegExp) {
  await page.getByRole('button', { name: 'Continuer' }).click();
  const heading = page.getByRole('heading', { level: 2, name: legend });
  await heading.waitFor();
  // Keyboard and screen reader start at the new step's heading.
  await page.waitForFunction(() => document.activeElement?.tagName === 'H2');
  await expectAccessible(page);
}

it('a citizen on a French phone sends a tip with a photo from a shared link, then follows it up', async () => {
  const appeal = await demoAppeal();
  const title = appeal.title.fr ?? appeal.title.en ?? '';

  // The shared link's raw HTML carries the preview card: crawlers run no JavaScript.
  const html = await (await fetch(`${app.baseUrl}/appeals/${appeal.slug}`)).text();
  expect(metaContent(html, 'property', 'og:title')).toBeTruthy();
  expect(metaContent(html, 'property', 'og:image')).toMatch(/^https?:\/\/.+/);
  expect(metaContent(html, 'name', 'twitter:card')).toBe('summary_large_image');

  const photo = await sharp({
    create: { width: 1200, height: 900, channels: 3, background: { r: 96, g: 120, b: 150 } },
  })
    .jpeg({ quality: 80 })
    .toBuffer();

  await withPage(browser, 'citizen-phone', PHONE, async (page, context) => {
    await context.grantPermissions(['geolocation'], { origin: app.baseUrl });
    await context.setGeolocation({ latitude: 45.5152, longitude: -73.5614, accuracy: 30 });

    await page.goto(`${app.baseUrl}/appeals/${appeal.slug}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'J’ai de l’information' }).first().tap();

    // Step 1: what. The appeal it answers is named; the emergency number is on every step.
    await page.waitForURL(/\/tips\/new\?appeal=/);
    await page.getByRole('heading', { level: 2, name: /Que s’est-il passé/ }).waitFor();
    await page.getByRole('link', { name: title }).waitFor();
    await page.getByRole('link', { name: /Composez le 911/ }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.getByText('Décrivez ce que vous avez vu ou ce que vous savez.').waitFor();
    await page
      .getByLabel('Ce que vous avez vu ou ce que vous savez')
      .fill('Un homme en manteau rouge est monté dans une Honda Civic grise, plaque commençant par FXR.');

    // Step 2: when.
    await continueTo(page, /Quand était-ce/);
    await page.getByRole('link', { name: /Composez le 911/ }).waitFor();
    await page.getByRole('button', { name: 'Mettre l’heure actuelle' }).click();

    // Step 3: where, with the phone's position (optional, on request only).
    await continueTo(page, /Où était-ce/);
    await page.getByLabel(/^Lieu/).fill('Métro Berri-UQAM, sortie Saint-Denis');
    // From the keyboard: the focus stays on the control (the button that removes the position now).
    await page.getByRole('button', { name: /Utiliser ma position/ }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(/Position ajoutée, à environ 30 m près/).waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === 'Retirer ma position', null, {
      timeout: 2_000,
    });
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => /Utiliser ma position/.test(document.activeElement?.textContent ?? ''),
      null,
      { timeout: 2_000 },
    );
    await page.keyboard.press('Enter');
    await page.getByText(/Position ajoutée, à environ 30 m près/).waitFor();

    // Step 4: a photo, with its thumbnail.
    await continueTo(page, /Photos, vidéos ou enregistrements/);
    await page.getByLabel('Choisir des fichiers').setInputFiles({
      name: 'IMG_20261120_184207.jpg',
      mimeType: 'image/jpeg',
      buffer: photo,
    });
    const row = page.getByRole('list', { name: 'Fichiers choisis' }).getByRole('listitem');
    await row.getByRole('button', { name: 'Retirer IMG_20261120_184207.jpg' }).waitFor();
    expect(await row.locator('img').getAttribute('src')).toMatch(/^blob:/);
    await expectAccessible(page);

    // Step 5: anonymous by default, with what is and is not kept in plain words.
    await continueTo(page, /Voulez-vous qu’on puisse vous joindre/);
    expect(await page.getByRole('radio', { name: 'Rester anonyme' }).isChecked()).toBe(true);
    await page.getByText('Nous n’enregistrons ni votre adresse IP ni le modèle de votre appareil.').waitFor();

    // Step 6: review, then send; the page solves the proof-of-work.
    await continueTo(page, /Vérifiez, puis envoyez/);
    await page.getByText('Position du téléphone ajoutée').waitFor();
    await page.getByText('1 fichier').waitFor();
    await page.getByRole('button', { name: 'Envoyer l’information' }).click();

    // The receipt: shown once, never stored.
    await page
      .getByRole('heading', { level: 1, name: /votre information est reçue/ })
      .waitFor({ timeout: 30_000 });
    const code = (await page.getByTestId('tip-code').innerText()).trim();
    const password = (await page.getByTestId('tip-password').innerText()).replace(/\s+/g, '');
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(password.split('-')).toHaveLength(5);
    await page.getByText(/ne peuvent pas être récupérés/).waitFor();
    await expectAccessible(page);
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    expect(stored).not.toContain(password);
    expect(stored).not.toContain('vigie.tipDraft');

    // The receipt card prints alone: the code and password, nothing of the tip.
    await mkdir(ARTIFACTS, { recursive: true });
    const cardFile = join(ARTIFACTS, 'receipt-card.pdf');
    await writeFile(cardFile, await page.pdf({ format: 'A4' }));
    const card = execFileSync('pdftotext', [cardFile, '-'], { encoding: 'utf8' });
    expect(card).toContain(code);
    // pdftotext drops a dash where the password wraps at it: compare the words only.
    expect(card.replace(/[\s-]+/g, '')).toContain(password.replace(/-/g, ''));
    expect(card).toContain('/tips/follow-up');
    expect(card).not.toMatch(/Honda|Berri|IMG_2026/);

    // Follow-up opens already signed in; the receipt stays one tap away in this tab.
    await page.locator('#main').getByRole('link', { name: 'Suivre mon information' }).tap();
    await page.getByRole('heading', { level: 2, name: 'Messages' }).waitFor();
    await page.getByText('Aucun message pour l’instant', { exact: false }).waitFor();
    await page.getByText('Vous avez envoyé 1 fichier.').waitFor();
    await page.getByRole('link', { name: 'Revoir mon code et mon mot de passe' }).waitFor();
    await expectAccessible(page);
    const kept = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    expect(kept).not.toContain(password);

    // Back shows the receipt again, the same code, until the tipster says it is written down.
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: /votre information est reçue/ }).waitFor();
    expect((await page.getByTestId('tip-code').innerText()).trim()).toBe(code);
    await page.getByRole('button', { name: 'J’ai noté mon code et mon mot de passe' }).click();
    await page.getByText(/C’est noté/).waitFor();
    await page.locator('#main').getByRole('link', { name: 'Suivre mon information' }).tap();
    await page.getByRole('heading', { level: 2, name: 'Messages' }).waitFor();
    expect(await page.getByRole('link', { name: 'Revoir mon code et mon mot de passe' }).count()).toBe(0);

    // An investigator asks a question from the desk's API.
    const investigator = await ApiClient.signedIn(app.baseUrl, 'investigator@demo.test');
    const inbox = await investigator.get('/api/tips?limit=50');
    expect(inbox.status).toBe(200);
    const tip = (inbox.body.items as { id: string; code: string; hasLocation: boolean }[]).find(
      (t) => t.code === code,
    );
    expect(tip).toMatchObject({ hasLocation: true });
    const question = 'Pouvez-vous décrire le conducteur ?';
    expect((await investigator.post(`/api/tips/${tip!.id}/messages`, { body: question })).status).toBe(201);

    // Reloading keeps the tab's follow-up session (sessionStorage), and shows the question.
    await page.reload();
    const thread = page.locator('.thread');
    await thread.getByText(question).waitFor();
    await thread.getByText('Enquêteur').first().waitFor();
    await page.getByLabel('Votre message').fill('Cheveux gris, lunettes, environ 60 ans.');
    await page.getByRole('button', { name: 'Envoyer le message' }).click();
    await page.getByText('Message envoyé.').waitFor();
    await thread.getByText('Cheveux gris, lunettes, environ 60 ans.').waitFor();
    await expectAccessible(page);

    // The desk sees the answer, from the tipster; the public side never shows a staff name.
    const detail = await investigator.get(`/api/tips/${tip!.id}`);
    expect(JSON.stringify(detail.body)).toContain('Cheveux gris, lunettes, environ 60 ans.');
    expect(await page.locator('#main').innerText()).not.toMatch(/Isa|Investigator|@demo\.test/);
  });
});

it('a tip that answers no appeal waits for the tipster to choose which police service receives it', async () => {
  await withPage(browser, 'citizen-no-appeal', PHONE, async (page) => {
    await page.goto(`${app.baseUrl}/tips/new`);
    const choice = page.getByLabel('Service de police qui recevra votre information');
    await choice.waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page
      .getByLabel('Ce que vous avez vu ou ce que vous savez')
      .fill('Une camionnette blanche tourne autour de l’école depuis trois jours, vers 15 h.');
    for (const legend of [/Quand était-ce/, /Où était-ce/, /Photos, vidéos/, /Voulez-vous/, /Vérifiez/])
      await continueTo(page, legend);

    // Sent without choosing: nothing goes out; the list says why and takes the focus.
    await page.getByRole('button', { name: 'Envoyer l’information' }).click();
    await page.getByText('Choisissez le service de police qui recevra votre information.').waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'tip-agency');

    await choice.selectOption({ label: 'Second Police Service' });
    await page.getByRole('button', { name: 'Envoyer l’information' }).click();
    await page
      .getByRole('heading', { level: 1, name: /votre information est reçue/ })
      .waitFor({ timeout: 30_000 });
    const code = (await page.getByTestId('tip-code').innerText()).trim();
    const second = await ApiClient.signedIn(app.baseUrl, 'investigator@second.test');
    const inbox = await second.get('/api/tips');
    expect(inbox.body.items.map((tip: { code: string }) => tip.code)).toContain(code);
  });
});

it('when the list of police services cannot load, "Send" says so, keeps the tip, and "Try again" brings the list', async () => {
  await withPage(browser, 'citizen-agencies-down', PHONE, async (page) => {
    // The API is down for that list: a 503 each time, through the page's own retries.
    let down = true;
    await page.route('**/api/public/agencies', (route) =>
      down
        ? route.fulfill({
            status: 503,
            contentType: 'application/json',
            body: JSON.stringify({ statusCode: 503, code: 'HTTP_503', message: 'Unavailable' }),
          })
        : route.continue(),
    );
    await page.goto(`${app.baseUrl}/tips/new`);
    await page
      .getByRole('status')
      .filter({ hasText: 'Chargement de la liste des services de police' })
      .waitFor();
    await page
      .getByRole('alert')
      .filter({ hasText: 'La liste des services de police n’a pas pu être chargée.' })
      .waitFor();
    await expectAccessible(page);

    const text = 'Un homme dépose des sacs dans le fossé du rang Saint-Joseph chaque nuit, vers 2 h.';
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.getByLabel('Ce que vous avez vu ou ce que vous savez').fill(text);
    for (const legend of [/Quand était-ce/, /Où était-ce/, /Photos, vidéos/, /Voulez-vous/, /Vérifiez/])
      await continueTo(page, legend);

    // Nothing goes out, and the tipster is told why, with the focus on what to do about it.
    await page.getByRole('button', { name: 'Envoyer l’information' }).click();
    await page.getByRole('alert').filter({ hasText: 'Votre information est conservée' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === 'Réessayer');
    await expectAccessible(page);

    down = false;
    await page.keyboard.press('Enter');
    const choice = page.getByLabel('Service de police qui recevra votre information');
    await choice.waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'tip-agency');
    // The tip is still there, on the review step it was about to be sent from.
    await page.getByText(text).waitFor();
    await choice.selectOption({ label: 'Second Police Service' });
    expect(await page.locator('#tip-agency-error').count()).toBe(0);
  });
});

it('a reloaded form says a draft was restored, keeps no position or contact details, and can start over', async () => {
  const appeal = await demoAppeal();
  await withPage(browser, 'citizen-draft', PHONE, async (page, context) => {
    await context.grantPermissions(['geolocation'], { origin: app.baseUrl });
    await context.setGeolocation({ latitude: 45.5152, longitude: -73.5614, accuracy: 30 });
    await page.goto(`${app.baseUrl}/tips/new?appeal=${appeal.slug}`);
    await page.getByRole('button', { name: 'Continuer' }).click();
    const text = 'Une camionnette blanche stationne devant l’école chaque soir vers 22 h.';
    await page.getByLabel('Ce que vous avez vu ou ce que vous savez').fill(text);
    await continueTo(page, /Quand était-ce/);
    await continueTo(page, /Où était-ce/);
    await page.getByRole('button', { name: /Utiliser ma position/ }).click();
    await page.getByText(/Position ajoutée/).waitFor();
    await continueTo(page, /Photos, vidéos/);
    await continueTo(page, /Voulez-vous qu’on puisse vous joindre/);
    await page.getByRole('radio', { name: 'Donner mes coordonnées' }).check();
    await page.getByLabel('Nom ou prénom').fill('Julie Tremblay');
    await page.getByLabel('Téléphone').fill('514 555-0199');
    // The draft is written a moment after typing stops.
    await page.waitForFunction(() => (localStorage.getItem('vigie.tipDraft') ?? '').includes('"step":4'));

    // Nothing of who the tipster is, nor where they were, is in the browser's storage.
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    expect(stored).toContain('camionnette blanche');
    expect(stored).not.toMatch(/Julie|555-0199|45\.51|73\.56/);

    // After a reload the form says what it brought back and what it did not, on the step it opens.
    await page.reload();
    const notice = page.getByRole('status').filter({ hasText: 'Brouillon restauré' });
    await notice.waitFor();
    await notice.getByText(/la position, les fichiers et vos coordonnées n’ont pas été gardés/).waitFor();
    await page.getByRole('heading', { level: 2, name: /Voulez-vous qu’on puisse vous joindre/ }).waitFor();
    const values = await page.evaluate(() =>
      Array.from(document.querySelectorAll('input, textarea'))
        .map((e) => (e as HTMLInputElement).value)
        .join(' '),
    );
    expect(values).not.toMatch(/Julie|555-0199/);
    await expectAccessible(page);

    // Start over: the form is empty, on its first step, and nothing is left on the device.
    await notice.getByRole('button', { name: 'Tout effacer et recommencer' }).click();
    await page.getByRole('heading', { level: 2, name: /Que s’est-il passé/ }).waitFor();
    expect(await page.getByLabel('Ce que vous avez vu ou ce que vous savez').inputValue()).toBe('');
    expect(await page.evaluate(() => localStorage.getItem('vigie.tipDraft'))).toBeNull();
  });
});
