import { AppealKind } from '@vigie/common';
import sharp from 'sharp';
import { ApiClient } from '../support/api-client';
import { appealBody, publishedAppeal } from '../support/appeal-factory';
import { carriesNoMetadata, jpegWithGps, upload } from '../support/media-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { capErrors, wellFormed } from '../support/xml-checks';

/** The text of one element in the <info> block of one language, entities left as written. */
function field(xml: string, name: string, language: 'fr-CA' | 'en-CA'): string | undefined {
  const block = xml.split('<info>').find((b) => b.includes(`<language>${language}</language>`));
  return block && new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(block)?.[1];
}

let t: TestApp;
let pio: ApiClient;
let supervisor: ApiClient;
let amber: { id: string; slug: string };

beforeAll(async () => {
  t = await startTestApp();
  pio = await ApiClient.signedIn(t.baseUrl, 'pio@demo.test');
  supervisor = await ApiClient.signedIn(t.baseUrl, 'supervisor@demo.test');

  const created = await pio.post(
    '/api/appeals',
    appealBody(AppealKind.AMBER_ALERT, {
      title: {
        fr: 'Alerte AMBER : Noah, 6 ans, enlevé à Gatineau <script>alert(1)</script>',
        en: 'AMBER Alert: Noah, 6, abducted in Gatineau',
      },
      summary: {
        fr: 'Noah a été enlevé par un homme dans une berline grise.',
        en: 'Noah was taken by a man in a grey sedan.',
      },
      subjects: [
        { role: 'CHILD', name: 'Noah', sex: 'MALE', ageMin: 6, ageMax: 6, hair: 'BLOND' },
        { role: 'SUSPECT', sex: 'MALE', ageMin: 30, ageMax: 40 },
      ],
      vehicles: [{ make: 'Toyota', model: 'Camry', colour: 'Grey', plate: 'ABC 123', plateRegion: 'Québec' }],
      lastSeen: {
        place: { fr: 'Parc Jacques-Cartier, Gatineau', en: 'Jacques-Cartier Park, Gatineau' },
        latitude: 45.43,
        longitude: -75.7,
      },
      reward: {
        amount: 25000,
        currency: 'CAD',
        terms: {
          fr: 'Pour un renseignement menant au retour de l’enfant.',
          en: 'For information leading to the child’s return.',
        },
      },
    }),
  );
  amber = created.body;
  await pio.post(
    `/api/appeals/${amber.id}/images`,
    upload('file', await jpegWithGps(), 'noah.jpg', 'image/jpeg', {
      isComposite: 'false',
      altFr: 'Noah',
      altEn: 'Noah',
    }),
  );
  await pio.post(`/api/appeals/${amber.id}/submit`);
  await supervisor.post(`/api/appeals/${amber.id}/approve`);
});
afterAll(() => t.close());

describe('the shared page', () => {
  it('carries Open Graph and Twitter card tags in the HTML itself', async () => {
    const res = await fetch(`${t.baseUrl}/appeals/${amber.slug}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const meta = (key: string) =>
      new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)">`).exec(html)?.[1];
    expect(meta('og:title')!.length).toBeLessThanOrEqual(70);
    expect(meta('og:title')).toMatch(/^Alerte AMBER : Noah, 6 ans/);
    expect(meta('og:description')!.length).toBeLessThanOrEqual(200);
    expect(meta('og:image')).toMatch(new RegExp(`/media/appeals/${amber.slug}/social-v1\\.jpg$`));
    expect(meta('og:image:alt')).toBe('Noah');
    expect(meta('og:locale')).toBe('fr_CA');
    expect(meta('twitter:card')).toBe('summary_large_image');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('<html lang="fr"');
  });

  it('speaks English when asked', async () => {
    const html = await (await fetch(`${t.baseUrl}/appeals/${amber.slug}?lang=en`)).text();
    expect(html).toContain('content="AMBER Alert: Noah, 6, abducted in Gatineau"');
    expect(html).toContain('content="en_CA"');
  });

  it('serves a 1200x630 social card with no metadata', async () => {
    const html = await (await fetch(`${t.baseUrl}/appeals/${amber.slug}`)).text();
    const url = /property="og:image" content="([^"]+)"/.exec(html)![1];
    const res = await fetch(url.replace(/^https?:\/\/[^/]+/, t.baseUrl));
    expect(res.status).toBe(200);
    const card = Buffer.from(await res.arrayBuffer());
    expect(await sharp(card).metadata()).toMatchObject({ width: 1200, height: 630, format: 'jpeg' });
    expect(carriesNoMetadata(card)).toBe(true);
  });

  it('answers an unknown appeal with the app shell and 404', async () => {
    expect((await fetch(`${t.baseUrl}/appeals/no-such-appeal`)).status).toBe(404);
  });
});

describe('feeds', () => {
  it('RSS, Atom and JSON Feed list the appeal with its reward, text kept inert', async () => {
    const rss = await fetch(`${t.baseUrl}/feeds/appeals.rss`);
    expect(rss.headers.get('content-type')).toMatch(/application\/rss\+xml/);
    const rssText = await rss.text();
    expect(wellFormed(rssText)).toBe(true);
    expect(rssText).toContain(`/appeals/${amber.slug}`);
    expect(rssText).toMatch(/Récompense: 25\s000\s\$/);
    expect(rssText).not.toContain('<script>');

    const atom = await (await fetch(`${t.baseUrl}/feeds/appeals.atom?lang=en`)).text();
    expect(wellFormed(atom)).toBe(true);
    expect(atom).toContain('AMBER Alert: Noah, 6, abducted in Gatineau');

    const json: any = await (await fetch(`${t.baseUrl}/feeds/appeals.json`)).json();
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    const item = json.items.find((i: { url: string }) => i.url.endsWith(amber.slug));
    expect(item._vigie).toMatchObject({ kind: 'AMBER_ALERT', reward: { amount: 25000, currency: 'CAD' } });
  });

  it('changes the moment a new appeal is approved', async () => {
    const before = await fetch(`${t.baseUrl}/feeds/appeals.rss`);
    const etag = before.headers.get('etag')!;
    const appeal = await publishedAppeal(
      pio,
      supervisor,
      appealBody(AppealKind.WITNESS_APPEAL, {
        title: { fr: 'Témoins : incendie rue Ontario' },
        subjects: [],
      }),
    );
    const after = await fetch(`${t.baseUrl}/feeds/appeals.rss`, { headers: { 'if-none-match': etag } });
    expect(after.status).toBe(200);
    expect(await after.text()).toContain(appeal.slug);
  });

  it('refuses an unknown feed format', async () => {
    expect((await fetch(`${t.baseUrl}/feeds/appeals.xml`)).status).toBe(404);
  });
});

describe('CAP 1.2', () => {
  const cap = async (slug: string) => (await fetch(`${t.baseUrl}/feeds/appeals/${slug}.cap.xml`)).text();

  it('publishes an Alert with one info per language and the SAME CAE code, valid against the OASIS schema', async () => {
    const xml = await cap(amber.slug);
    expect(capErrors(xml)).toBe('');
    // An AMBER alert: call at once, never step in (the page says the same, from the same wording).
    expect(field(xml, 'instruction', 'fr-CA')).toBe(
      'Si vous voyez l’enfant, le suspect ou le véhicule, composez immédiatement le 911. N’intervenez pas vous-même.',
    );
    expect(field(xml, 'instruction', 'en-CA')).toBe(
      'If you see the child, the suspect or the vehicle, call 911 immediately. Do not intervene yourself.',
    );
    expect(field(xml, 'event', 'en-CA')).toBe('AMBER Alert – child abduction');
    expect(field(xml, 'web', 'en-CA')).toMatch(new RegExp(`/appeals/${amber.slug}\\?lang=en$`));
    expect(field(xml, 'contact', 'fr-CA')).toContain(`/tips/new?appeal=${amber.slug}`);
    expect(field(xml, 'contact', 'en-CA')).toMatch(
      /^Emergency: 911\. To send information, anonymously if you wish: .*&(amp|#38);lang=en$/,
    );
    expect(xml).toContain('<msgType>Alert</msgType>');
    expect(xml.match(/<info>/g)).toHaveLength(2);
    expect(xml).toContain('<language>fr-CA</language>');
    expect(xml).toContain('<language>en-CA</language>');
    expect(xml).toMatch(/<valueName>SAME<\/valueName>\s*<value>CAE<\/value>/);
    expect(xml).toContain('<circle>45.43,-75.7 100</circle>');
    expect(xml).not.toContain('<script>');
  });

  it('then an Update referencing the Alert, then a Cancel on resolution; every one valid', async () => {
    const first = await cap(amber.slug);
    const firstId = /<identifier>([^<]+)<\/identifier>/.exec(first)![1];
    const update = await pio.post(`/api/appeals/${amber.id}/updates`, {
      kind: 'UPDATE',
      text: { fr: 'Le véhicule a été vu sur la 50.', en: 'The vehicle was seen on Highway 50.' },
    });
    await supervisor.post(`/api/appeals/${amber.id}/updates/${update.body.updates[0].id}/approve`);
    const second = await cap(amber.slug);
    expect(capErrors(second)).toBe('');
    expect(second).toContain('<msgType>Update</msgType>');
    expect(second).toContain(`<references>demo@localhost,${firstId},`);

    expect(field(second, 'headline', 'fr-CA')).toMatch(/^Mise à jour : Alerte AMBER : Noah/);
    expect(field(second, 'headline', 'en-CA')).toMatch(/^Update: AMBER Alert: Noah/);
    expect(field(second, 'description', 'en-CA')).toMatch(/^The vehicle was seen on Highway 50\./);

    await pio.post(`/api/appeals/${amber.id}/resolve`, {
      outcome: 'FOUND_SAFE',
      note: { fr: 'L’enfant est en sécurité. Merci au public.', en: 'The child is safe. Thank you.' },
    });
    const third = await cap(amber.slug);
    expect(capErrors(third)).toBe('');
    expect(third).toContain('<msgType>Cancel</msgType>');
    expect(third).not.toContain('<resource>');
    expect(third).not.toContain('Blond');
    // The outcome, said in each language; the child's name has left the Cancel with everything else.
    expect(field(third, 'headline', 'fr-CA')).toBe(
      'Alerte AMBER terminée : l’enfant a été retrouvé sain et sauf',
    );
    expect(field(third, 'headline', 'en-CA')).toBe('AMBER Alert ended: the child was found safe');
    expect(field(third, 'description', 'en-CA')).toContain('The child is safe. Thank you.');
    expect(field(third, 'instruction', 'fr-CA')).toBe(
      'Cet avis est terminé : aucune action n’est requise. Merci de ne plus le partager.',
    );
    expect(field(third, 'instruction', 'en-CA')).toBe(
      'This appeal has ended: no action is needed. Please stop sharing it.',
    );
    expect(third).not.toContain('Noah');
  });

  it('is valid for a missing person in one language only', async () => {
    const appeal = await publishedAppeal(
      pio,
      supervisor,
      appealBody(AppealKind.MISSING_PERSON, {
        title: { fr: 'Disparue : Anne, 80 ans' },
        summary: { fr: 'Vue à Sherbrooke.' },
      }),
    );
    const xml = await cap(appeal.slug);
    expect(capErrors(xml)).toBe('');
    expect(xml.match(/<info>/g)).toHaveLength(1);
    expect(xml).not.toContain('CAE');
    // A missing person is someone to stay with, not someone to keep away from.
    expect(field(xml, 'instruction', 'fr-CA')).toBe(
      'Si vous voyez cette personne, restez avec elle si vous pouvez le faire sans danger et composez le 911.',
    );
    expect(xml).not.toContain('approchez pas');
    expect(field(xml, 'event', 'fr-CA')).toBe('Personne disparue');
  });

  it('for a missing person in both languages, keeps the agency’s caution first, then the kind’s instruction', async () => {
    const appeal = await publishedAppeal(
      pio,
      supervisor,
      appealBody(AppealKind.MISSING_PERSON, {
        caution: { fr: 'Elle a besoin de ses médicaments.', en: 'She needs her medication.' },
      }),
    );
    const xml = await cap(appeal.slug);
    expect(capErrors(xml)).toBe('');
    expect(field(xml, 'instruction', 'en-CA')).toBe(
      'She needs her medication. If you see this person, stay with them if it is safe to do so and call 911.',
    );
    expect(field(xml, 'headline', 'en-CA')).toBe('Missing: Marc Gagnon, 72');
    expect(xml).not.toMatch(/do not approach/i);
  });

  it('is not offered for a wanted appeal', async () => {
    const appeal = await publishedAppeal(pio, supervisor, appealBody(AppealKind.WANTED));
    expect((await fetch(`${t.baseUrl}/feeds/appeals/${appeal.slug}.cap.xml`)).status).toBe(404);
  });
});

describe('the poster', () => {
  it('is printable, bilingual, with the reward, a QR code to the tip form and a hash-pinned stylesheet', async () => {
    const appeal = await publishedAppeal(
      pio,
      supervisor,
      appealBody(AppealKind.WANTED, {
        reward: { amount: 5000, currency: 'CAD', terms: { fr: 'Conditions', en: 'Terms' } },
      }),
    );
    const res = await fetch(`${t.baseUrl}/appeals/${appeal.slug}/poster`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    const html = await res.text();
    expect(html).toContain('@page');
    expect(html).toContain('<svg');
    expect(html).toContain(`/tips/new?appeal=${appeal.slug}`);
    expect(html).toMatch(/Récompense · Reward: 5\s000\s\$/);
  });
});
