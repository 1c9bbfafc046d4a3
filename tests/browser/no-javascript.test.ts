import type { Browser, Page, Request } from 'playwright-core';
import sharp from 'sharp';
import { ApiClient } from '../support/api-client';
import { BuiltApp, startBuiltApp } from '../support/built-app';
import { expectAccessible, launchBrowser, PHONE, withPage } from './support/browser';

/*
 * A tipster whose browser runs no JavaScript (Tor Browser at "Safest"), on a phone: from an appeal's shared
 * link to a tip with a photo, the receipt, then the follow-up, in a Chromium with JavaScript turned off.
 * The proof-of-work stays on: these pages must not need it. The form must have been open a second.
 */

let app: BuiltApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startBuiltApp({ BASIC_FORM_MIN_SECONDS: '1' }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const NO_SCRIPT = { ...PHONE, javaScriptEnabled: false };

/** axe needs a script of its own: the same server-drawn page is checked in a context that runs it. */
async function expectPageAccessible(page: Page): Promise<void> {
  const html = await page.content();
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const copy = await context.newPage();
  await copy.route(`${app.baseUrl}/__a11y`, (route) =>
    route.fulfill({ contentType: 'text/html', body: html }),
  );
  await copy.goto(`${app.baseUrl}/__a11y`);
  await expectAccessible(copy);
  await context.close();
}

async function demoAppeal(): Promise<{ slug: string; title: { fr?: string; en?: string } }> {
  const { items } = (await (await fetch(`${app.baseUrl}/api/public/appeals`)).json()) as {
    items: { slug: string; title: { fr?: string; en?: string }; agency: { slug: string } }[];
  };
  const appeal = items.find((a) => a.agency.slug === 'demo');
  if (!appeal) throw new Error('The demo seed has no published appeal for the demo agency');
  return appeal;
}

it('a tipster without JavaScript sends a tip with a photo, keeps the receipt, then signs in to answer the investigator', async () => {
  const appeal = await demoAppeal();
  const photo = await sharp({
    create: { width: 1200, height: 900, channels: 3, background: { r: 90, g: 110, b: 140 } },
  })
    .jpeg({ quality: 80 })
    .toBuffer();

  await withPage(browser, 'no-javascript-phone', NO_SCRIPT, async (page) => {
    const elsewhere: string[] = [];
    page.on('request', (request: Request) => {
      if (!request.url().startsWith(app.baseUrl)) elsewhere.push(request.url());
    });

    // The shared link: the app cannot draw the appeal without scripts, so it says so and offers the form.
    await page.goto(`${app.baseUrl}/appeals/${appeal.slug}`);
    await page.getByRole('heading', { name: 'JavaScript est désactivé' }).waitFor();
    await page.getByRole('link', { name: 'Transmettre une information (version simple)' }).click();
    await page.waitForURL(/\/basic\/tips\/new\?lang=fr&appeal=/);
    await page.getByRole('heading', { level: 1, name: 'Transmettre de l’information' }).waitFor();
    await page.getByText(appeal.title.fr ?? appeal.title.en ?? '').waitFor();
    await expectPageAccessible(page);

    // Sent empty first: the form comes back with the error summary, linked to the field. (The form must
    // have been open a second, BASIC_FORM_MIN_SECONDS, which a person always takes; a robot here does not.)
    await page.waitForTimeout(1100);
    await page.getByRole('button', { name: 'Envoyer l’information' }).click();
    await page.getByRole('heading', { name: 'Il y a un problème' }).waitFor();
    await page.getByRole('link', { name: 'Décrivez ce que vous avez vu ou ce que vous savez.' }).waitFor();
    await expectPageAccessible(page);

    await page
      .getByLabel('Ce que vous avez vu ou ce que vous savez')
      .fill('Elle montait dans un autobus 80, avenue du Parc, vers le nord.');
    await page.getByLabel(/^Date et heure/).fill('2026-12-06T17:45');
    await page.getByLabel(/^Lieu/).fill('Avenue du Parc et Mont-Royal');
    await page
      .getByLabel('Choisir des fichiers')
      .setInputFiles({ name: 'autobus.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.getByRole('button', { name: 'Envoyer l’information' }).click();

    // The receipt: code and passphrase, once.
    await page.getByRole('heading', { level: 1, name: 'Merci : votre information est reçue' }).waitFor();
    const code = (await page.locator('#tip-code').textContent())!.trim();
    const password = (await page.locator('#tip-password').textContent())!.trim();
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    expect(password.split('-')).toHaveLength(5);
    await expectPageAccessible(page);

    // The tip is in the inbox with its photo; an investigator asks a question.
    const investigator = await ApiClient.signedIn(app.baseUrl, 'investigator@demo.test');
    const found = await investigator.get(`/api/tips?q=${encodeURIComponent(code)}`);
    const tip = (found.body.items as { id: string; code: string; mediaCount?: number }[]).find(
      (t) => t.code === code,
    );
    expect(tip).toBeDefined();
    const detail = await investigator.get(`/api/tips/${tip!.id}`);
    expect(detail.body.description).toContain('autobus 80');
    expect(detail.body.media ?? detail.body.files).toHaveLength(1);
    const question = 'Pouvez-vous décrire son manteau ?';
    expect((await investigator.post(`/api/tips/${tip!.id}/messages`, { body: question })).status).toBe(201);

    // Follow-up: sign in with what the receipt said, as a person types it.
    await page.getByRole('link', { name: 'Suivre mon information' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Suivre mon information' }).waitFor();
    await expectPageAccessible(page);
    await page.getByLabel('Code de suivi').fill(code.toLowerCase());
    await page.getByLabel('Mot de passe').fill(password.replace(/-/g, ' '));
    await page.getByRole('button', { name: 'Ouvrir mon suivi' }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`Votre information ${code}`) }).waitFor();
    await page.getByText(question).waitFor();
    await expectPageAccessible(page);

    // The answer, with another photo: back on the thread, said and shown.
    await page.getByLabel('Votre message').fill('Un manteau rouge, capuchon gris.');
    await page
      .getByLabel(/^Photos, vidéos ou sons/)
      .setInputFiles({ name: 'manteau.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
    await page.getByText('Message envoyé.').waitFor();
    await page.locator('.thread').getByText('Un manteau rouge, capuchon gris.').waitFor();
    await page.getByText('Vous avez envoyé 2 fichiers.').waitFor();

    const thread = await investigator.get(`/api/tips/${tip!.id}`);
    expect(JSON.stringify(thread.body)).toContain('Un manteau rouge, capuchon gris.');

    await page.getByRole('button', { name: 'Fermer mon suivi' }).click();
    await page.getByText('Votre suivi est fermé.').waitFor();
    expect(await page.context().cookies()).toEqual([]);
    expect(elsewhere).toEqual([]);
  });
});

it('a browser without JavaScript opening /tips/new lands on the simple form, in English when it asks for English', async () => {
  await withPage(browser, 'no-javascript-redirect', { ...NO_SCRIPT, locale: 'en-CA' }, async (page) => {
    await page.goto(`${app.baseUrl}/tips/new`);
    await page.waitForURL(/\/basic\/tips\/new$/);
    await page.getByRole('heading', { level: 1, name: 'Send information' }).waitFor();
    await page.getByRole('link', { name: 'Français' }).click();
    await page.getByRole('heading', { level: 1, name: 'Transmettre de l’information' }).waitFor();
    await page.goto(`${app.baseUrl}/tips/follow-up`);
    await page.waitForURL(/\/basic\/tips\/follow-up$/);
    await page.getByRole('heading', { level: 1, name: 'Follow up on my information' }).waitFor();
  });
});
