import { AppealKind } from '@vigie/common';
import sharp from 'sharp';
import type { Browser } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { appealBody, publishedAppeal } from '../support/appeal-factory';
import { upload } from '../support/media-fixtures';
import { BuiltApp, startBuiltApp } from '../support/built-app';
import { DESKTOP, expectAccessible, launchBrowser, withPage } from './support/browser';
import { signIn } from './support/sign-in';

let app: BuiltApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startBuiltApp(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

// Unique to this run, so that the feeds and the search find this appeal and no seeded one.
const run = Date.now().toString(36);
const TITLE_EN = `Missing: Noah Gagnon, 15 (${run})`;
const TITLE_FR = `Disparu : Noah Gagnon, 15 ans (${run})`;

const text = async (path: string) => {
  const res = await fetch(app.baseUrl + path);
  expect(`${path} ${res.status}`).toBe(`${path} 200`);
  return res.text();
};

const metaContent = (html: string, attribute: 'property' | 'name', key: string) =>
  new RegExp(`<meta[^>]+${attribute}="${key}"[^>]+content="([^"]+)"`).exec(html)?.[1];

it('a PIO publishes a missing-person appeal with a photo and a reward; a supervisor approves it, a rumour correction, then the outcome', async () => {
  const photo = await sharp({
    create: { width: 900, height: 1200, channels: 3, background: { r: 140, g: 110, b: 90 } },
  })
    .jpeg()
    .toBuffer();

  await withPage(browser, 'pio-desktop', DESKTOP, async (pio) => {
    await withPage(browser, 'supervisor-desktop', DESKTOP, async (supervisor) => {
      await withPage(browser, 'public-desktop', DESKTOP, async (visitor) => {
        // --- The PIO writes the appeal in both languages, with a person, a reward and a photo.
        await signIn(pio, app.baseUrl, 'pio@demo.test');
        await pio.goto(`${app.baseUrl}/desk/appeals/new`);
        await pio.getByRole('heading', { name: 'New appeal' }).first().waitFor();
        await expectAccessible(pio);
        await pio.getByRole('combobox', { name: 'Kind of appeal' }).selectOption('MISSING_PERSON');
        const group = (name: RegExp) => pio.getByRole('group', { name }).first();
        await group(/^Title/)
          .getByLabel('French')
          .fill(TITLE_FR);
        await group(/^Title/)
          .getByLabel('English')
          .fill(TITLE_EN);
        await group(/^Summary/)
          .getByLabel('French')
          .fill('Vu pour la dernière fois au parc La Fontaine.');
        await group(/^Summary/)
          .getByLabel('English')
          .fill('Last seen in La Fontaine Park.');
        await pio.getByRole('button', { name: 'Add a person' }).click();
        await group(/^Person 1/)
          .getByRole('textbox', { name: 'Name' })
          .fill('Noah Gagnon');
        const age = group(/^Person 1/).getByRole('group', { name: 'Age (years)' });
        await age.getByRole('textbox', { name: 'Min.' }).fill('15');
        await age.getByRole('textbox', { name: 'Max.' }).fill('16');
        // The description from the lists, each term then shown in each language's own words.
        await group(/^Person 1/)
          .getByRole('combobox', { name: 'Hair' })
          .selectOption('BROWN');
        await group(/^Person 1/)
          .getByRole('checkbox', { name: 'French' })
          .check();
        await group(/^Other details/)
          .getByLabel('French')
          .fill('Cheveux bouclés');
        await group(/^Other details/)
          .getByLabel('English')
          .fill('Curly hair');
        await pio.getByRole('checkbox', { name: 'A reward is offered' }).check();
        await pio.getByRole('textbox', { name: 'Amount' }).fill('5000');
        await group(/^Terms/)
          .getByLabel('French')
          .fill('Pour une information menant à le retrouver.');
        await group(/^Terms/)
          .getByLabel('English')
          .fill('For information leading to finding him.');
        await pio.getByRole('button', { name: 'Create draft' }).click();
        await pio.getByText('Draft created. You can now add photos.').waitFor();
        const appealId = /\/desk\/appeals\/([0-9a-f-]{36})/.exec(pio.url())?.[1];
        expect(appealId).toBeTruthy();

        await pio.getByLabel('Add photos or composite sketches').setInputFiles({
          name: 'noah.jpg',
          mimeType: 'image/jpeg',
          buffer: photo,
        });
        await pio
          .getByRole('textbox', { name: 'Alternative text (French)' })
          .fill('Noah Gagnon, photo récente');
        await pio
          .getByRole('textbox', { name: 'Alternative text (English)' })
          .fill('Noah Gagnon, recent photo');
        await pio.getByRole('button', { name: 'Upload', exact: true }).click();
        await pio.getByText('Main image (cards and sharing)').waitFor();
        await expectAccessible(pio);
        await pio.getByRole('button', { name: 'Submit for review' }).click();
        await pio.getByText(/Submitted: a supervisor who did not write it must now approve it/).waitFor();

        // --- The supervisor reads the whole proposal and approves it.
        await signIn(supervisor, app.baseUrl, 'supervisor@demo.test');
        await supervisor.goto(`${app.baseUrl}/desk/review`);
        const proposal = supervisor.getByRole('article').filter({ hasText: TITLE_EN });
        await proposal.getByText('Never published: everything is new.').waitFor();
        await proposal.getByText('Noah Gagnon').first().waitFor();
        // The review reads in the form's order: the minimum age before the maximum.
        const rows = await proposal.locator('tbody th').allInnerTexts();
        const at = (label: string) => rows.findIndex((r) => r.startsWith(label));
        expect(at('Person 1 · Age (years) · Min.')).toBeGreaterThan(at('Person 1 · Name'));
        expect(at('Person 1 · Age (years) · Max.')).toBe(at('Person 1 · Age (years) · Min.') + 1);
        await expectAccessible(supervisor);
        await proposal.getByRole('button', { name: 'Approve and publish…' }).click();
        await proposal.getByRole('heading', { name: 'What will go out (version 1)' }).waitFor();
        await proposal.getByRole('button', { name: 'Publish this version now' }).click();
        await supervisor.getByText(/Approved: the new version is live/).waitFor();

        // --- It is public: the page, its share card in the raw HTML, the feeds and CAP.
        const list = JSON.parse(await text('/api/public/appeals?lang=en')) as {
          items: { slug: string; title: { en?: string } }[];
        };
        const slug = list.items.find((a) => a.title.en === TITLE_EN)?.slug;
        expect(slug).toBeTruthy();
        await visitor.goto(`${app.baseUrl}/appeals/${slug}?lang=en`);
        await visitor.getByRole('heading', { level: 1, name: TITLE_EN }).waitFor();
        await visitor.getByRole('img', { name: 'Noah Gagnon, recent photo' }).waitFor();
        await visitor.getByText(/Up to \$5,000/).waitFor();
        // What to do, in the kind's words: a missing person is someone to stay with.
        await visitor
          .getByText('If you see this person, stay with them if it is safe to do so and call 911.')
          .waitFor();
        await expectAccessible(visitor);
        const facts = visitor.locator('.subject .facts');
        await facts.getByText('Curly hair').waitFor();
        expect(await facts.innerText()).toMatch(/Hair\s+Brown/);
        expect(await facts.innerText()).toMatch(/Languages spoken\s+French/);
        await visitor.goto(`${app.baseUrl}/appeals/${slug}?lang=fr`);
        await visitor.locator('.subject .facts').getByText('Cheveux bouclés').waitFor();
        const frFacts = await visitor.locator('.subject .facts').innerText();
        expect(frFacts).toMatch(/Cheveux\s+Bruns/);
        expect(frFacts).toMatch(/Langues parlées\s+français/);
        expect(frFacts).not.toMatch(/Brown|Curly|French/);
        await visitor.goto(`${app.baseUrl}/appeals/${slug}?lang=en`);

        const html = await text(`/appeals/${slug}`);
        expect(metaContent(html, 'property', 'og:title')).toContain(`Noah Gagnon`);
        expect(metaContent(html, 'property', 'og:image')).toMatch(
          /^http:\/\/127\.0\.0\.1:\d+\/.+\.(jpg|jpeg|png)$/,
        );
        expect(metaContent(html, 'property', 'og:url')).toContain(`/appeals/${slug}`);
        expect(metaContent(html, 'name', 'twitter:card')).toBe('summary_large_image');

        const rss = await text('/feeds/appeals.rss');
        expect(rss).toContain(`/appeals/${slug}`);
        expect(rss).toMatch(/Noah Gagnon/);
        const cap = await text(`/feeds/appeals/${slug}.cap.xml`);
        expect(cap).toContain('urn:oasis:names:tc:emergency:cap:1.2');
        expect(cap).toMatch(/Noah Gagnon/);
        // CAP tells alerting systems exactly what the page tells the reader.
        expect(cap).toContain(
          '<instruction>If you see this person, stay with them if it is safe to do so and call 911.</instruction>',
        );
        expect(cap).not.toMatch(/approchez pas|do not approach/);

        // --- A rumour goes round; the PIO corrects it, the supervisor approves the correction.
        await pio.goto(`${app.baseUrl}/desk/appeals/${appealId}`);
        await pio.getByRole('heading', { name: 'Post an update' }).waitFor();
        await expectAccessible(pio);
        await pio.getByRole('radio', { name: 'Rumour correction' }).check();
        const update = pio.getByRole('form', { name: 'Post an update' });
        await update
          .getByLabel('French')
          .fill('Faux : Noah n’a pas été vu à Laval. Ne partagez pas cette rumeur.');
        await update
          .getByLabel('English')
          .fill('False: Noah was not seen in Laval. Do not share this rumour.');
        await update.getByRole('button', { name: 'Post' }).click();
        await pio.getByText('The update is waiting for a supervisor’s approval.').waitFor();

        await supervisor.goto(`${app.baseUrl}/desk/review`);
        const pending = supervisor.getByRole('article').filter({ hasText: TITLE_EN });
        await pending.getByText('Noah was not seen in Laval', { exact: false }).first().waitFor();
        await expectAccessible(supervisor);
        await pending.getByRole('button', { name: 'Approve the update' }).click();
        await supervisor.getByText('Update published.').waitFor();

        await visitor.reload();
        const correction = visitor.locator('.update--rumour');
        await correction.getByText(/Noah was not seen in Laval/).waitFor();
        await expectAccessible(visitor);

        // --- Noah is found safe: the outcome is published at once, and his photo leaves the page.
        await pio.reload();
        await pio.getByRole('combobox', { name: 'Outcome' }).selectOption('FOUND_SAFE');
        await pio.getByRole('button', { name: 'Resolve…' }).click();
        await pio.getByRole('button', { name: 'Confirm and publish the outcome' }).click();
        await pio.getByText(/resolved or archived/).waitFor();
        await expectAccessible(pio);

        await visitor.reload();
        await visitor.getByText('Resolved: found safe').waitFor();
        expect(await visitor.locator('#main img').count()).toBe(0);
        expect(await visitor.locator('#main').innerText()).not.toContain('I have information');
        await expectAccessible(visitor);

        // --- The outcome is the same everywhere: the correction that said he was still missing is
        // gone, sharing stops, and his name leaves the page, the feeds, CAP, the poster and the card.
        await visitor.getByRole('heading', { level: 1, name: 'Missing person found safe' }).waitFor();
        const page = await visitor.locator('#main').innerText();
        expect(page).not.toContain('Noah');
        expect(page).not.toContain('Do not share this rumour');
        expect(await visitor.locator('.update--rumour').count()).toBe(0);
        expect(await visitor.getByRole('button', { name: 'Share' }).count()).toBe(0);
        expect(await visitor.getByRole('heading', { name: 'Spread the word' }).count()).toBe(0);
        await visitor
          .getByText('This appeal has ended: no action is needed. Please stop sharing it.')
          .waitFor();
        await visitor.goto(`${app.baseUrl}/appeals/${slug}?lang=fr`);
        await visitor
          .getByRole('heading', { level: 1, name: 'Personne disparue retrouvée saine et sauve' })
          .waitFor();
        expect(await visitor.locator('#main').innerText()).not.toContain('Noah');
        await expectAccessible(visitor);

        for (const path of [
          '/feeds/appeals.rss',
          '/feeds/appeals.rss?lang=en',
          '/feeds/appeals.atom',
          '/feeds/appeals.json?lang=en',
          `/feeds/appeals/${slug}.cap.xml`,
          `/appeals/${slug}/poster`,
          `/appeals/${slug}`,
          `/appeals/${slug}?lang=en`,
          `/api/public/appeals/${slug}`,
        ]) {
          const body = await text(path);
          expect(`${path}: ${/Noah[^<"]*/.exec(body)?.[0] ?? 'no name'}`).toBe(`${path}: no name`);
        }
        const cancel = await text(`/feeds/appeals/${slug}.cap.xml`);
        expect(cancel).toContain('<msgType>Cancel</msgType>');
        expect(cancel).toContain('<headline>Missing person found safe</headline>');
        const resolvedPage = await text(`/appeals/${slug}?lang=en`);
        const card = await fetch(metaContent(resolvedPage, 'property', 'og:image')!);
        expect(card.status).toBe(200);
      });
    });
  });
});

it('approving shows what will go out (page, feed entry, card, CAP) from the revision in review, and only then publishes it', async () => {
  const pio = await ApiClient.signedIn(app.baseUrl, 'pio@demo.test');
  const body = appealBody(AppealKind.MISSING_PERSON, {
    title: { fr: `Disparue : Léa Roy, 81 ans (${run})`, en: `Missing: Léa Roy, 81 (${run})` },
  });
  const live = await publishedAppeal(
    pio,
    await ApiClient.signedIn(app.baseUrl, 'supervisor@demo.test'),
    body,
  );
  const photo = await sharp({
    create: { width: 900, height: 1200, channels: 3, background: { r: 90, g: 120, b: 140 } },
  })
    .jpeg()
    .toBuffer();
  const image = await pio.post(
    `/api/appeals/${live.id}/images`,
    upload('file', photo, 'lea.jpg', 'image/jpeg', {
      isComposite: 'false',
      altEn: 'Léa Roy',
      altFr: 'Léa Roy',
    }),
  );
  expect(image.status).toBe(201);
  const newTitle = {
    fr: `Disparue : Léa Roy, 81 ans, vue à Longueuil (${run})`,
    en: `Missing: Léa Roy, 81, seen in Longueuil (${run})`,
  };
  const edited = await pio.patch(`/api/appeals/${live.id}`, {
    content: {
      ...body.content,
      title: newTitle,
      images: [{ id: image.body.images[0].id, isComposite: false, alt: { fr: 'Léa Roy', en: 'Léa Roy' } }],
    },
    version: image.body.version,
  });
  expect(edited.status).toBe(200);
  expect((await pio.post(`/api/appeals/${live.id}/submit`)).status).toBe(200);

  await withPage(browser, 'supervisor-approval-preview', DESKTOP, async (supervisor) => {
    await withPage(browser, 'public-before-approval', DESKTOP, async (visitor) => {
      await signIn(supervisor, app.baseUrl, 'supervisor@demo.test');
      await supervisor.goto(`${app.baseUrl}/desk/review`);
      const proposal = supervisor
        .getByRole('article')
        .filter({ hasText: `(${run})` })
        .filter({ hasText: 'Longueuil' });
      await proposal.getByRole('button', { name: 'Approve and publish…' }).click();

      // What will go out, made by the API from the revision in review.
      const preview = proposal.getByRole('region', { name: 'What will go out (version 2)' });
      await preview.waitFor();
      const page = preview.getByTestId('approval-page');
      await page.getByRole('heading', { name: newTitle.en }).waitFor();
      await page.getByRole('img', { name: 'Léa Roy' }).waitFor();
      expect(await preview.getByTestId('approval-feed').innerText()).toContain(
        `Missing person · ${newTitle.en}`,
      );
      const card = preview.getByRole('img', { name: `Share card preview: ${newTitle.en}` });
      await card.waitFor();
      await supervisor.waitForFunction(
        (el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth === 1200,
        await card.elementHandle(),
      );
      await preview.getByText('Show the CAP 1.2 message (XML)').click();
      const cap = await preview.getByTestId('approval-cap').innerText();
      expect(cap).toContain(`<headline>`);
      expect(cap).toContain(newTitle.en);
      expect(cap).toContain('<msgType>Update</msgType>');
      await preview.getByRole('radio', { name: 'French' }).check();
      await page.getByRole('heading', { name: newTitle.fr }).waitFor();
      expect(await preview.getByTestId('approval-feed').innerText()).toContain(
        `Personne disparue · ${newTitle.fr}`,
      );
      await expectAccessible(supervisor);

      // Not out yet: the public page still shows the live version.
      await visitor.goto(`${app.baseUrl}/appeals/${live.slug}?lang=en`);
      await visitor.getByRole('heading', { level: 1, name: body.content.title.en as string }).waitFor();
      expect(await visitor.getByText('Longueuil').count()).toBe(0);

      await proposal.getByRole('button', { name: 'Publish this version now' }).click();
      await supervisor.getByText(/Approved: the new version is live/).waitFor();
      await visitor.reload();
      await visitor.getByRole('heading', { level: 1, name: newTitle.en }).waitFor();
      await visitor.getByRole('img', { name: 'Léa Roy' }).waitFor();
    });
  });
});
