import type { TipDetail } from '@vigie/common';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { iphoneHevcMov } from '../../apps/api/src/media/processing/processing.fixtures';
import { ApiClient } from '../support/api-client';
import { BuiltApp, startBuiltApp } from '../support/built-app';
import { jpegWithGps } from '../support/media-fixtures';
import { tipForm } from '../support/tip-client';
import { ARTIFACTS, expectAccessible, launchBrowser, screenshot, withPage } from './support/browser';
import { signIn } from './support/sign-in';

/**
 * An investigator sees a tip's evidence in the desk: the iPhone's HEVC video plays (from the
 * transcoded, metadata-free copy, with its poster frame, seeking by byte ranges), the photo opens
 * full size and zooms from the keyboard, and the evidence fields read as labelled rows.
 */
let app: BuiltApp;
let browser: Browser;
let tip: TipDetail;

const wide = (locale: string): BrowserContextOptions => ({ viewport: { width: 1440, height: 900 }, locale });
const phone = (locale: string): BrowserContextOptions => ({
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale,
});
const SIZES: Record<string, BrowserContextOptions> = {
  '1440-en': wide('en-CA'),
  '1440-fr': wide('fr-CA'),
  '390-en': phone('en-CA'),
  '390-fr': phone('fr-CA'),
};

beforeAll(async () => {
  [app, browser] = await Promise.all([startBuiltApp({ TIP_CHALLENGE: 'off' }), launchBrowser()]);
  const video = readFileSync(iphoneHevcMov(mkdtempSync(join(tmpdir(), 'vigie-evidence-'))));
  const receipt = await new ApiClient(app.baseUrl).post(
    '/api/public/tips',
    tipForm({ description: 'Vidéo et photo du stationnement, rue Ontario.' }, [
      { data: video, name: 'IMG_0420.MOV', type: 'video/quicktime' },
      { data: await jpegWithGps(), name: 'IMG_0421.JPG', type: 'image/jpeg' },
    ]),
  );
  expect(receipt.status).toBe(201);
  const staff = await ApiClient.signedIn(app.baseUrl, 'investigator@demo.test');
  const [found] = (await staff.get(`/api/tips?q=${receipt.body.code}`)).body.items;
  // Processing (a transcode) runs in the app's workers after the receipt: wait for both files.
  for (let i = 0; i < 240; i++) {
    tip = (await staff.get(`/api/tips/${found.id}`)).body;
    if (tip.media.every((m) => m.state === 'READY')) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  expect(tip.media.map((m) => m.state)).toEqual(['READY', 'READY']);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function openTip(page: Page, lang: 'en' | 'fr') {
  await signIn(page, app.baseUrl, 'investigator@demo.test', { lang });
  await page.goto(`${app.baseUrl}/desk/tips/${tip.id}`);
  await page.locator('.tip-media video').waitFor();
}

it('plays the tip’s video from its clean copy, with the poster frame, and seeks', async () => {
  await withPage(browser, 'evidence-video', SIZES['1440-en'], async (page) => {
    const ranges: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/play.mp4') && r.headers().range) ranges.push(r.headers().range);
    });
    await openTip(page, 'en');
    const video = page.getByLabel('Video 1 sent with the tip (cleaned copy)');
    await expect(video.getAttribute('poster')).resolves.toMatch(/\/poster\.webp$/);
    await expect(video.getAttribute('src')).resolves.toMatch(/\/play\.mp4$/);
    const poster = await page.request.get(`${app.baseUrl}${await video.getAttribute('poster')}`);
    expect(poster.status()).toBe(200);

    // Muted, so that no autoplay policy stands in the way; the time must advance.
    await video.evaluate((v: HTMLVideoElement) => {
      v.muted = true;
      return v.play();
    });
    await page.waitForFunction(
      () => (document.querySelector('.tip-media video') as HTMLVideoElement).currentTime > 0.5,
    );
    const playing = await video.evaluate((v: HTMLVideoElement) => ({
      error: v.error?.code ?? null,
      width: v.videoWidth,
      height: v.videoHeight,
      duration: v.duration,
    }));
    expect(playing).toEqual({ error: null, width: 360, height: 640, duration: expect.closeTo(3, 0) });

    // Seeking: the player asks for byte ranges, which the server answers.
    await video.evaluate((v: HTMLVideoElement) => {
      v.currentTime = 2.5;
    });
    await page.waitForFunction(() => {
      const v = document.querySelector('.tip-media video') as HTMLVideoElement;
      return !v.seeking && v.currentTime >= 2.4;
    });
    expect(ranges.length).toBeGreaterThan(0);
    await expectAccessible(page);
  });
});

it('opens the photo at full size, zooms from the keyboard, closes with Escape back to the photo', async () => {
  await withPage(browser, 'evidence-photo', SIZES['1440-en'], async (page) => {
    await openTip(page, 'en');
    const opener = page.getByRole('button', { name: /Photo 2 sent with the tip/ });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: /Photo 2 sent with the tip/ });
    await dialog.waitFor();
    const img = dialog.getByRole('img', { name: 'Photo 2 sent with the tip' });
    await page.waitForFunction(
      () => (document.querySelector('.photo-viewer__img') as HTMLImageElement)?.complete,
    );
    // The cleaned copy at its own size: the tipster's photo (1200 × 900 stored, shown upright), every pixel.
    await expect(img.evaluate((i: HTMLImageElement) => [i.naturalWidth, i.naturalHeight])).resolves.toEqual([
      900, 1200,
    ]);
    const shownWidth = () =>
      img.evaluate((i: HTMLImageElement) => Math.round(i.getBoundingClientRect().width));
    const fit = await shownWidth();
    expect(fit).toBeLessThan(900); // fitted into a 900 px high window
    await expectAccessible(page);

    await page.keyboard.press('+');
    await expect(dialog.getByRole('status').textContent()).resolves.toBe('100%');
    expect(await shownWidth()).toBe(900);
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    expect(await shownWidth()).toBe(1800);
    await page.keyboard.press('-');
    expect(await shownWidth()).toBe(1350);
    await page.keyboard.press('0');
    expect(await shownWidth()).toBe(fit);
    await screenshot(page, 'evidence-photo-viewer-1440-en', { fullPage: false });

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect(opener.evaluate((b) => b === document.activeElement)).resolves.toBe(true);
  });
});

it('labels the evidence fields in the desk’s language, never keys or JSON', async () => {
  for (const [size, options] of Object.entries(SIZES)) {
    const lang = size.endsWith('fr') ? 'fr' : 'en';
    await withPage(browser, `evidence-rows-${size}`, options, async (page) => {
      await openTip(page, lang);
      const video = page.locator('.tip-media__item').first();
      const labels =
        lang === 'fr'
          ? ['Prise de vue', 'Position', 'Appareil', 'Durée']
          : ['Taken', 'Position', 'Device', 'Length'];
      for (const label of labels) await video.locator('dt', { hasText: label }).waitFor();
      await video.getByText('45.50880, -73.58780 (± 15 m)').waitFor();
      await video.getByText('Apple iPhone 16').waitFor();
      const text = (await page.locator('.tip-media').textContent()) ?? '';
      expect(text).not.toMatch(/capturedAt|latitude|accuracyM|durationS|[{}"]/);
      await expectAccessible(page);
      await page
        .locator('.tip-card', { has: page.locator('#tip-media-heading') })
        .screenshot({ path: join(ARTIFACTS, `evidence-media-${size}.png`) });
    });
  }
});
