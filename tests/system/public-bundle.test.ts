import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, PHONE } from '../browser/support/browser';
import { BuiltApp, startBuiltApp } from '../support/built-app';
import { gzippedBytes, kb, KB, reachableScripts } from '../support/bundle';

/**
 * The phone budget (DESIGN.md): the JavaScript of public routes stays under 150 KB gzipped. Measured on
 * the built app in a real browser, as a tipster's phone loads it: every script the page fetches, lazy
 * chunks and the proof-of-work worker included, counted at gzip level 9 (what the server sends is
 * brotli, a little smaller). The tip form is walked to the end, since most of its code loads on the way.
 */
let app: BuiltApp;
let browser: Browser;

beforeAll(async () => {
  // The proof-of-work stays on (the default): its worker is part of what the form needs.
  [app, browser] = await Promise.all([startBuiltApp(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

interface Loaded {
  /** Script files (under /assets/) the browser asked for, page and workers. */
  files: Set<string>;
  /** How each was sent: its Content-Encoding and Cache-Control. */
  headers: Map<string, { encoding?: string; cache?: string }>;
}

/** Records every script a page of this context fetches, workers' included. */
function recordScripts(context: BrowserContext): Loaded {
  const loaded: Loaded = { files: new Set(), headers: new Map() };
  context.on('response', (response) => {
    const match = /\/assets\/([\w.-]+\.js)$/.exec(new URL(response.url()).pathname);
    if (!match) return;
    loaded.files.add(match[1]);
    const headers = response.headers();
    loaded.headers.set(match[1], { encoding: headers['content-encoding'], cache: headers['cache-control'] });
  });
  return loaded;
}

async function onPhone<T>(journey: (page: Page, loaded: Loaded) => Promise<T>): Promise<[T, Loaded]> {
  const context = await browser.newContext(PHONE);
  const loaded = recordScripts(context);
  try {
    const page = await context.newPage();
    const result = await journey(page, loaded);
    return [result, loaded];
  } finally {
    await context.close();
  }
}

/** Compressed once at build time and kept for a year, as a phone on 4G needs them. */
function expectServedWell(loaded: Loaded) {
  for (const [file, { encoding, cache }] of loaded.headers) {
    expect({ file, encoding, cache }).toEqual({
      file,
      encoding: 'br',
      cache: 'public, max-age=31536000, immutable',
    });
  }
}

const DESK = /^(desk-app|desk-catalogue|sign-in-page|case-map|tips-per-hour-chart)-/;

async function demoAppealSlug(): Promise<string> {
  const { items } = (await (await fetch(`${app.baseUrl}/api/public/appeals`)).json()) as {
    items: { slug: string; agency: { slug: string } }[];
  };
  const appeal = items.find((a) => a.agency.slug === 'demo') ?? items[0];
  if (!appeal) throw new Error('The demo seed has no published appeal');
  return appeal.slug;
}

it('keeps the home page and an appeal page under 130 KB of gzipped JavaScript, desk code excluded', async () => {
  const slug = await demoAppealSlug();
  for (const path of ['/', `/appeals/${slug}`]) {
    const [, loaded] = await onPhone(async (page) => {
      await page.goto(`${app.baseUrl}${path}`, { waitUntil: 'networkidle' });
      await page.getByRole('heading', { level: 1 }).first().waitFor();
    });
    const size = gzippedBytes(loaded.files);
    console.log(`${path}: ${kb(size)} of JavaScript gzipped (${[...loaded.files].join(', ')})`);
    expect(size).toBeLessThanOrEqual(130 * KB);
    expect([...loaded.files].filter((file) => DESK.test(file))).toEqual([]);
    expectServedWell(loaded);
  }
});

it('keeps the tip form under 150 KB of gzipped JavaScript through to the receipt, and says what a language switch or a large video adds', async () => {
  const slug = await demoAppealSlug();
  const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#5a7896' } })
    .jpeg()
    .toBuffer();

  const [, loaded] = await onPhone(async (page) => {
    const next = async (heading: RegExp) => {
      await page.getByRole('button', { name: 'Continuer' }).click();
      await page.getByRole('heading', { level: 2, name: heading }).waitFor();
    };
    await page.goto(`${app.baseUrl}/tips/new?appeal=${slug}`);
    await page.getByRole('heading', { level: 2, name: /Que s’est-il passé/ }).waitFor();
    // A field left empty shows its message: the form's checks are loaded.
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.getByText('Décrivez ce que vous avez vu ou ce que vous savez.').waitFor();
    await page
      .getByLabel('Ce que vous avez vu ou ce que vous savez')
      .fill('Une Honda Civic grise, plaque FXR.');
    await next(/Quand était-ce/);
    await page.getByRole('button', { name: 'Mettre l’heure actuelle' }).click();
    await next(/Où était-ce/);
    await page.getByLabel(/^Lieu/).fill('Métro Berri-UQAM');
    await next(/Photos, vidéos ou enregistrements/);
    await page.getByLabel('Choisir des fichiers').setInputFiles({
      name: 'photo.jpg',
      mimeType: 'image/jpeg',
      buffer: photo,
    });
    await next(/Voulez-vous qu’on puisse vous joindre/);
    await next(/Vérifiez, puis envoyez/);
    await page.getByRole('button', { name: 'Envoyer l’information' }).click();
    await page
      .getByRole('heading', { level: 1, name: /votre information est reçue/ })
      .waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
  });

  const files = [...loaded.files];
  const size = gzippedBytes(files);
  console.log(`tip form to the receipt: ${kb(size)} of JavaScript gzipped (${files.join(', ')})`);
  // The walk really reached what loads late: the sending step and the proof-of-work worker.
  expect(files.some((f) => f.startsWith('send-step-'))).toBe(true);
  expect(files.some((f) => f.startsWith('proof-of-work.worker-'))).toBe(true);
  expect(files.filter((file) => DESK.test(file))).toEqual([]);
  expect(size).toBeLessThanOrEqual(150 * KB);
  expectServedWell(loaded);

  // The page itself named its chunks, so that they load beside the main bundle rather than after it.
  const html = await (await fetch(`${app.baseUrl}/tips/new?appeal=${slug}`)).text();
  const page = files.find((f) => f.startsWith('tip-form-page-'));
  expect(html).toContain(`<link rel="modulepreload" crossorigin href="/assets/${page}">`);

  // Switching to English on the way brings the form's texts in that language too: still in budget.
  const english = reachableScripts(['lazy-json:tip:', 'lazy-json:tipSend:'], loaded.files);
  const switched = size + gzippedBytes(english);
  console.log(`… with a switch to English: ${kb(switched)}`);
  expect(switched).toBeLessThanOrEqual(150 * KB);

  // A video over 20 MB goes after the receipt, resumably (tus): that code loads only then.
  const largeVideo = reachableScripts(['src/public/tips/components/receipt-large-uploads.tsx'], loaded.files);
  const extra = gzippedBytes(largeVideo);
  console.log(`… with a video over 20 MB: ${kb(size + extra)} (${[...largeVideo].join(', ')})`);
  expect(extra).toBeLessThanOrEqual(20 * KB);
});
