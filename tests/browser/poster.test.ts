import { AppealKind } from '@vigie/common';
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { ApiClient } from '../support/api-client';
import { appealBody } from '../support/appeal-factory';
import { BuiltApp, startBuiltApp } from '../support/built-app';
import { upload } from '../support/media-fixtures';
import { ARTIFACTS, launchBrowser } from './support/browser';

let app: BuiltApp;
let browser: Browser;
let slug: string;

// Long texts in both languages: the poster must still fit, its QR code and contact on the page.
const TERMS_FR =
  'La récompense est offerte pour une information menant à l’arrestation de la personne recherchée. ' +
  'Le comité décide seul de son attribution et de son montant, qui peut être partagé entre plusieurs personnes. '.repeat(
    5,
  );
const TERMS_EN =
  'The reward is offered for information leading to the arrest of the wanted person. ' +
  'The committee alone decides whether it is paid and how much, and it may be shared between several people. '.repeat(
    5,
  );

beforeAll(async () => {
  [app, browser] = await Promise.all([startBuiltApp(), launchBrowser()]);
  const pio = await ApiClient.signedIn(app.baseUrl, 'pio@demo.test');
  const supervisor = await ApiClient.signedIn(app.baseUrl, 'supervisor@demo.test');
  const created = await pio.post(
    '/api/appeals',
    appealBody(AppealKind.WANTED, {
      title: {
        fr: 'Recherché : vol qualifié au dépanneur de la rue Sainte-Catherine Est, à Montréal',
        en: 'Wanted: armed robbery at the convenience store on Sainte-Catherine Street East, Montréal',
      },
      summary: {
        fr: 'Un homme armé d’un couteau a menacé le commis puis s’est enfui à pied vers le métro Papineau. '.repeat(
          3,
        ),
        en: 'A man armed with a knife threatened the clerk, then ran towards Papineau metro station. '.repeat(
          3,
        ),
      },
      caution: { fr: 'Armé et dangereux : ne l’approchez pas.', en: 'Armed and dangerous: do not approach.' },
      subjects: [
        {
          role: 'SUSPECT',
          name: 'Inconnu',
          sex: 'MALE',
          ageMin: 25,
          ageMax: 35,
          heightMinCm: 175,
          heightMaxCm: 185,
          clothing: { fr: 'Manteau noir à capuchon, jeans', en: 'Black hooded coat, jeans' },
          scarsAndMarks: { fr: 'Tatouage au cou', en: 'Neck tattoo' },
        },
      ],
      lastSeen: {
        place: { fr: 'Métro Papineau, Montréal', en: 'Papineau metro, Montréal' },
        at: '2026-12-06T13:30:00Z',
      },
      reward: {
        amount: 10000,
        currency: 'CAD',
        terms: { fr: TERMS_FR.slice(0, 2000), en: TERMS_EN.slice(0, 2000) },
        expiresAt: '2099-03-31T16:00:00Z',
      },
    }),
  );
  expect(created.status).toBe(201);
  const photo = await sharp({
    create: { width: 900, height: 1200, channels: 3, background: { r: 120, g: 120, b: 130 } },
  })
    .jpeg()
    .toBuffer();
  const image = await pio.post(
    `/api/appeals/${created.body.id}/images`,
    upload('file', photo, 'suspect.jpg', 'image/jpeg', {
      isComposite: 'true',
      altFr: 'Suspect',
      altEn: 'Suspect',
    }),
  );
  expect(image.status).toBe(201);
  await pio.post(`/api/appeals/${created.body.id}/submit`);
  expect((await supervisor.post(`/api/appeals/${created.body.id}/approve`)).status).toBe(200);
  slug = created.body.slug;
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function printed(format: 'Letter' | 'A4'): Promise<{ pages: number; text: string; file: string }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${app.baseUrl}/appeals/${slug}/poster`, { waitUntil: 'networkidle' });
    const pdf = await page.pdf({ format, printBackground: true });
    await mkdir(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, `poster-${format}.pdf`);
    await writeFile(file, pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    return { pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]), text, file };
  } finally {
    await context.close();
  }
}

describe.each(['Letter', 'A4'] as const)('the poster printed on %s', (format) => {
  it('is one page with the QR code, the reward, its terms and end date, and dates as people write them', async () => {
    const { pages, text } = await printed(format);
    expect(pages).toBe(1);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toMatch(/Récompense · Reward: 10 000 \$/);
    expect(flat).toContain('La récompense est offerte pour une information');
    expect(flat).toContain('The reward is offered for information');
    expect(flat).toContain('Offre valable jusqu’au 31 mars 2099');
    expect(flat).toContain('Offer ends March 31, 2099');
    // 13:30 UTC is 8:30 in Montréal (the demo agency's zone), written as each language writes it.
    expect(flat).toContain('6 décembre 2026, 8 h 30');
    expect(flat).toContain('December 6, 2026, 8:30 a.m.');
    expect(flat).not.toMatch(/\d{4}-\d{2}-\d{2}|h \d+ min|\d+ s\b/);
    // The address may wrap on the page; its characters are all there.
    expect(text.replace(/\s+/g, '')).toContain(`/tips/new?appeal=${slug}`);
    expect(flat).toContain('Urgence · Emergency: 911');
    // The caution is never the part that gives way.
    expect(flat).toContain('Armé et dangereux : ne l’approchez pas.');
    expect(flat).toContain('Armed and dangerous: do not approach.');
  });
});

it('draws the QR code on the printed page (its modules are in the PDF page, not on a second one)', async () => {
  const { file } = await printed('Letter');
  const png = join(ARTIFACTS, 'poster-Letter-page');
  execFileSync('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '1', file, png]);
  const { data, info } = await sharp(`${png}-1.png`).greyscale().raw().toBuffer({ resolveWithObject: true });
  // The bottom quarter of the page, left side, where the QR code sits: many dark modules.
  let dark = 0;
  for (let y = Math.floor(info.height * 0.75); y < info.height; y++)
    for (let x = 0; x < Math.floor(info.width / 3); x++) if (data[y * info.width + x] < 80) dark++;
  expect(dark).toBeGreaterThan(800);
});
