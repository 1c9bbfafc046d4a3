import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContextOptions } from 'playwright-core';
import sharp from 'sharp';
import { ApiClient } from '../support/api-client';
import { BuiltApp, startBuiltApp } from '../support/built-app';
import { tipForm } from '../support/tip-client';
import { expectAccessible, launchBrowser, screenshot, withPage } from './support/browser';
import { signIn } from './support/sign-in';

/**
 * With no MAP_TILES_URL, the case page asks nothing of any other server: the tips' positions are
 * drawn on a plain plan with a scale bar, beside their coordinates. The case's lead is chosen there.
 */
let app: BuiltApp;
let browser: Browser;
let caseId: string;

const SIZES: Record<string, BrowserContextOptions> = {
  '1440-en': { viewport: { width: 1440, height: 900 }, locale: 'en-CA' },
  '1440-fr': { viewport: { width: 1440, height: 900 }, locale: 'fr-CA' },
  '390-en': { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, locale: 'en-CA' },
  '390-fr': { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, locale: 'fr-CA' },
};

beforeAll(async () => {
  [app, browser] = await Promise.all([startBuiltApp({ TIP_CHALLENGE: 'off' }), launchBrowser()]);
  const staff = await ApiClient.signedIn(app.baseUrl, 'investigator@demo.test');
  const tipIds: string[] = [];
  // Three sightings a few hundred metres apart around the Jean-Talon market.
  for (const [latitude, longitude] of [
    ['45.5363', '-73.6149'],
    ['45.5381', '-73.6120'],
    ['45.5342', '-73.6101'],
  ]) {
    const receipt = await new ApiClient(app.baseUrl).post(
      '/api/public/tips',
      tipForm({ description: 'Camionnette grise près du marché.', latitude, longitude, accuracyM: '20' }),
    );
    expect(receipt.status).toBe(201);
    tipIds.push((await staff.get(`/api/tips?q=${receipt.body.code}`)).body.items[0].id);
  }
  const created = await staff.post('/api/cases', { title: 'Vols de câble de cuivre' });
  caseId = created.body.id;
  expect((await staff.post(`/api/cases/${caseId}/tips`, { tipIds })).status).toBe(201);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

it('shows the tips’ positions on a plain plan, with a scale and coordinates, asking no other server', async () => {
  await withPage(browser, 'case-plan', SIZES['1440-en'], async (page) => {
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await signIn(page, app.baseUrl, 'investigator@demo.test', { lang: 'en' });
    await page.goto(`${app.baseUrl}/desk/cases/${caseId}`);
    const plan = page.getByRole('img', { name: /Plan of the positions of 3 tips/ });
    await plan.waitFor();
    await expect(plan.locator('.case-plan__point').count()).resolves.toBe(3);
    const scale = (await plan.locator('.case-plan__scale text').textContent()) ?? '';
    expect(scale).toMatch(/^(100|200|500) m$/);
    await page.getByText('45.53630, -73.61490').waitFor();
    await page.getByText('45.53810, -73.61200').waitFor();
    await page.waitForLoadState('networkidle');

    const elsewhere = requested.filter(
      (url) => !url.startsWith(`${app.baseUrl}/`) && !url.startsWith('data:') && !url.startsWith('blob:'),
    );
    expect(elsewhere).toEqual([]);
    expect(requested.some((url) => url.includes('/api/cases/'))).toBe(true); // the recorder saw the page's own calls
    await expectAccessible(page);
  });
});

it('sets the case’s lead from the page, and keeps it', async () => {
  await withPage(browser, 'case-lead', SIZES['1440-en'], async (page) => {
    await signIn(page, app.baseUrl, 'investigator@demo.test', { lang: 'en' });
    await page.goto(`${app.baseUrl}/desk/cases/${caseId}`);
    const lead = page.getByLabel('Lead investigator');
    await lead.locator('option').nth(1).waitFor({ state: 'attached' });
    const chosen = (await lead.locator('option').nth(1).textContent()) ?? '';
    await lead.selectOption({ label: chosen });
    await page.waitForResponse(
      (r) => r.url().endsWith(`/api/cases/${caseId}`) && r.request().method() === 'PATCH',
    );
    await page.reload();
    await expect(
      page.getByLabel('Lead investigator').evaluate((s: HTMLSelectElement) => s.selectedOptions[0].text),
    ).resolves.toBe(chosen);
  });
});

it('reads in both languages on a phone and a desktop (screenshots)', async () => {
  for (const [size, options] of Object.entries(SIZES)) {
    await withPage(browser, `case-page-${size}`, options, async (page) => {
      await signIn(page, app.baseUrl, 'investigator@demo.test', { lang: size.endsWith('fr') ? 'fr' : 'en' });
      await page.goto(`${app.baseUrl}/desk/cases/${caseId}`);
      await page.locator('svg.case-plan').waitFor();
      await expectAccessible(page);
      await screenshot(page, `case-page-${size}`);
    });
  }
});

it('with MAP_TILES_URL, draws the map from that server alone, which the CSP lets through', async () => {
  // A tile server of the agency's own, on loopback: every tile is the same small PNG.
  const tile = await sharp({ create: { width: 256, height: 256, channels: 3, background: '#dfe6d8' } })
    .png()
    .toBuffer();
  const tileRequests: string[] = [];
  const server = createServer((req, res) => {
    tileRequests.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'image/png' }).end(tile);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const tilesOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const mapped = await startBuiltApp({
    TIP_CHALLENGE: 'off',
    MAP_TILES_URL: `${tilesOrigin}/tiles/{z}/{x}/{y}.png`,
    MAP_TILES_ATTRIBUTION: 'Carte <b>du service</b>',
  });
  try {
    const staff = await ApiClient.signedIn(mapped.baseUrl, 'investigator@demo.test');
    const receipt = await new ApiClient(mapped.baseUrl).post(
      '/api/public/tips',
      tipForm({ description: 'Camionnette grise.', latitude: '45.5363', longitude: '-73.6149' }),
    );
    const tipId = (await staff.get(`/api/tips?q=${receipt.body.code}`)).body.items[0].id;
    const created = await staff.post('/api/cases', { title: 'Carte' });
    await staff.post(`/api/cases/${created.body.id}/tips`, { tipIds: [tipId] });

    // withPage fails the journey on any Content-Security-Policy report in the console.
    await withPage(browser, 'case-map-tiles', SIZES['1440-en'], async (page) => {
      const requested: string[] = [];
      page.on('request', (request) => requested.push(request.url()));
      await signIn(page, mapped.baseUrl, 'investigator@demo.test', { lang: 'en' });
      await page.goto(`${mapped.baseUrl}/desk/cases/${created.body.id}`);
      await page.locator('.leaflet-tile-loaded').first().waitFor();
      expect(await page.locator('svg.case-plan').count()).toBe(0);
      // The credit is shown as text, never as markup.
      await page.locator('.leaflet-control-attribution', { hasText: 'Carte <b>du service</b>' }).waitFor();
      const elsewhere = requested.filter(
        (url) =>
          !url.startsWith(`${mapped.baseUrl}/`) &&
          !url.startsWith(`${tilesOrigin}/tiles/`) &&
          !/^(data|blob):/.test(url),
      );
      expect(elsewhere).toEqual([]);
    });
    expect(tileRequests.length).toBeGreaterThan(0);
    expect(tileRequests.every((url) => /^\/tiles\/\d+\/\d+\/\d+\.png$/.test(url))).toBe(true);
  } finally {
    await mapped.stop();
    server.close();
  }
});
