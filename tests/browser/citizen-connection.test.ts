import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { BuiltApp, startBuiltApp } from '../support/built-app';
import { expectAccessible, launchBrowser, PHONE, withPage } from './support/browser';

let app: BuiltApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startBuiltApp(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** A real phone-sized video over the form's 20 MB threshold (it goes after the receipt, with tus). */
function largeVideo(): Buffer {
  const file = join(mkdtempSync(join(tmpdir(), 'vigie-video-')), 'clip.mp4');
  execFileSync('ffmpeg', [
    '-loglevel',
    'error',
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=1280x720:rate=25,noise=alls=100:allf=t',
    '-t',
    '0.8',
    '-pix_fmt',
    'yuv420p',
    '-c:v',
    'mpeg4',
    '-q:v',
    '1',
    file,
  ]);
  const data = readFileSync(file);
  // Over LARGE_FILE_BYTES (20 MB) and over three of tus's 5 MB chunks.
  expect(data.length).toBeGreaterThan(21 * 1024 * 1024);
  return data;
}

async function next(page: Page, legend: RegExp) {
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.getByRole('heading', { level: 2, name: legend }).waitFor();
}

it('a cut connection is said, the tip is sent again without its files, and they follow resumably from what the server holds', async () => {
  const photo = await sharp({
    create: { width: 1000, height: 750, channels: 3, background: { r: 40, g: 90, b: 60 } },
  })
    .jpeg({ quality: 85 })
    .toBuffer();
  const video = largeVideo();

  await withPage(browser, 'citizen-connection', PHONE, async (page) => {
    // The first sending of the tip is cut before any answer; so is the video's second chunk.
    const tipBodies: number[] = [];
    // The next attempt is held until the page has been read.
    let release = () => {};
    const read = new Promise<void>((resolve) => (release = resolve));
    await page.route(`${app.baseUrl}/api/public/tips`, async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      tipBodies.push(route.request().postDataBuffer()?.length ?? 0);
      if (tipBodies.length === 1) return route.abort('connectionreset');
      await read;
      await route.continue();
    });
    const patchesOf = new Map<string, number>();
    await page.route(`${app.baseUrl}/api/public/tips/follow-up/uploads/*`, async (route) => {
      const url = route.request().url();
      const n = route.request().method() === 'PATCH' ? (patchesOf.get(url) ?? 0) + 1 : 0;
      if (n) patchesOf.set(url, n);
      if (n === 2) await route.abort('connectionreset');
      else await route.continue();
    });
    const uploadRequests: { url: string; method: string; offset: number | null }[] = [];
    page.on('request', (request) => {
      if (!request.url().includes('/api/public/tips/follow-up/uploads/')) return;
      const offset = request.headers()['upload-offset'];
      uploadRequests.push({
        url: request.url(),
        method: request.method(),
        offset: offset === undefined ? null : Number(offset),
      });
    });

    await page.goto(`${app.baseUrl}/tips/new`);
    // A tip that answers no appeal names the police service that receives it.
    await page.getByLabel('Service de police qui recevra votre information').selectOption({
      label: 'Demo Police Service',
    });
    await page.getByRole('heading', { level: 2, name: /Que s’est-il passé/ }).waitFor();
    await page
      .getByLabel('Ce que vous avez vu ou ce que vous savez')
      .fill('Une camionnette blanche sans plaque arrière stationne chaque nuit derrière l’aréna.');
    await next(page, /Quand était-ce/);
    await page.getByRole('button', { name: 'Mettre l’heure actuelle' }).click();
    await next(page, /Où était-ce/);
    await page.getByLabel(/^Lieu/).fill('Aréna Maurice-Richard, stationnement arrière');
    await next(page, /Photos, vidéos ou enregistrements/);
    await page.getByLabel('Choisir des fichiers').setInputFiles([
      { name: 'IMG_4471.jpg', mimeType: 'image/jpeg', buffer: photo },
      { name: 'VID_4472.mp4', mimeType: 'video/mp4', buffer: video },
    ]);
    await page.getByRole('button', { name: 'Retirer VID_4472.mp4' }).waitFor();
    await next(page, /Voulez-vous qu’on puisse vous joindre/);
    await next(page, /Vérifiez, puis envoyez/);
    await page.getByRole('button', { name: 'Envoyer l’information' }).click();

    // The cut is said, in the live region, while the tip waits and is sent again.
    await page.getByRole('status').filter({ hasText: 'Connexion coupée. ' }).waitFor({ timeout: 30_000 });
    await expectAccessible(page);
    release();

    await page
      .getByRole('heading', { level: 1, name: /votre information est reçue/ })
      .waitFor({ timeout: 60_000 });
    expect(tipBodies).toHaveLength(2);
    expect(tipBodies[0]).toBeGreaterThan(photo.length);
    expect(tipBodies[1]).toBeLessThan(16 * 1024);
    const code = (await page.getByTestId('tip-code').innerText()).trim();

    // The video's second chunk is cut: sending picks up from the server's offset, and says so.
    // The message lasts only while the rest is sent: it is read in the page the moment it shows, since
    // a second look may come after the file is received and the row says so instead.
    const resumed = await page.waitForFunction(
      () =>
        Array.from(document.querySelectorAll('[role="status"]'))
          .map((status) => (status.textContent ?? '').replace(/\s+/g, ' '))
          .find((text) => /Connexion coupée : l’envoi a repris à \d+ %/.test(text)),
      null,
      { timeout: 60_000 },
    );
    const percent = Number(/à (\d+) %/.exec(String(await resumed.jsonValue()))?.[1]);
    expect(percent).toBeGreaterThan(0);
    await expectAccessible(page);
    // Both files, each in its row.
    await page.getByRole('status').filter({ hasText: 'Reçu' }).nth(1).waitFor({ timeout: 120_000 });

    // The requests: a HEAD after the cut, then PATCHes from a non-zero offset, never from 0 again.
    const videoUrl = [...patchesOf].find(([, n]) => n > 2)?.[0];
    const ofVideo = uploadRequests.filter((r) => r.url === videoUrl);
    const patchAt = ofVideo.flatMap((r, i) => (r.method === 'PATCH' ? [i] : []));
    const cut = patchAt[1];
    const after = ofVideo.slice(cut + 1);
    expect(after[0]?.method).toBe('HEAD');
    const resumedPatch = after.find((r) => r.method === 'PATCH');
    expect(resumedPatch?.offset).toBe(ofVideo[cut].offset);
    expect(resumedPatch?.offset).toBeGreaterThan(0);
    expect(after.filter((r) => r.method === 'PATCH' && r.offset === 0)).toEqual([]);
    expect(Math.round(((resumedPatch?.offset ?? 0) / video.length) * 100)).toBeGreaterThanOrEqual(percent);

    // The tip arrived with its photo and its video, byte for byte.
    const investigator = await ApiClient.signedIn(app.baseUrl, 'investigator@demo.test');
    const found = await investigator.get(`/api/tips?q=${encodeURIComponent(code)}`);
    const tip = (found.body.items as { id: string; code: string }[]).find((t) => t.code === code);
    expect(tip).toBeDefined();
    const detail = await investigator.get(`/api/tips/${tip!.id}`);
    const hashes = (detail.body.media as { sha256: string }[]).map((m) => m.sha256).sort();
    expect(hashes).toEqual([sha256(photo), sha256(video)].sort());
  });
});
