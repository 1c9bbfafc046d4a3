import { AppealKind } from '@vigie/common';
import type { QueryRunner } from 'typeorm';
import { SubjectVocabularies1763701500000 } from '../../apps/api/src/database/migrations/1763701500000-subject-vocabularies';
import { ApiClient } from '../support/api-client';
import { appealBody, publishedAppeal } from '../support/appeal-factory';
import { startTestApp, TestApp } from '../support/test-app';

let t: TestApp;
let pio: ApiClient;
let supervisor: ApiClient;
let slug: string;

const subject = {
  role: 'MISSING',
  name: 'Anne Roy',
  sex: 'FEMALE',
  ageMin: 80,
  ageMax: 80,
  race: 'WHITE',
  hair: 'WHITE',
  eyes: 'BLUE',
  build: 'SLIM',
  languages: ['fr', 'en'],
  description: { fr: 'Cheveux courts, lunettes', en: 'Short hair, glasses' },
};

/** The <info> block of one language in a CAP message. */
const info = (xml: string, language: string) =>
  xml.split('<info>').find((b) => b.includes(`<language>${language}</language>`)) ?? '';

beforeAll(async () => {
  t = await startTestApp();
  pio = await ApiClient.signedIn(t.baseUrl, 'pio@demo.test');
  supervisor = await ApiClient.signedIn(t.baseUrl, 'supervisor@demo.test');
  slug = (
    await publishedAppeal(
      pio,
      supervisor,
      appealBody(AppealKind.MISSING_PERSON, {
        title: { fr: 'Disparue : Anne Roy, 80 ans', en: 'Missing: Anne Roy, 80' },
        subjects: [subject],
      }),
    )
  ).slug;
});
afterAll(() => t.close());

describe('a person described from the vocabularies', () => {
  it('reads in French only on the French side of CAP, and in English only on the English side', async () => {
    const xml = await (await fetch(`${t.baseUrl}/feeds/appeals/${slug}.cap.xml`)).text();
    const fr = info(xml, 'fr-CA');
    const en = info(xml, 'en-CA');
    expect(fr).toContain('cheveux : blancs');
    expect(fr).toContain('yeux : bleus');
    expect(fr).toContain('corpulence : mince');
    expect(fr).toContain('parle français, anglais');
    expect(fr).toContain('Cheveux courts, lunettes');
    expect(fr).not.toMatch(/\b(white|blue|slim|hair|glasses|English)\b/i);
    expect(en).toContain('hair: white');
    expect(en).toContain('eyes: blue');
    expect(en).toContain('build: slim');
    expect(en).toContain('speaks French, English');
    expect(en).toContain('Short hair, glasses');
    expect(en).not.toMatch(/\b(blancs|bleus|mince|cheveux|lunettes|anglais)\b/i);
  });

  it('puts both languages side by side on the poster, each term in its own words', async () => {
    const html = await (await fetch(`${t.baseUrl}/appeals/${slug}/poster`)).text();
    expect(html).toContain('<dt>Cheveux · Hair</dt><dd>Blancs / White</dd>');
    expect(html).toContain('<dt>Yeux · Eyes</dt><dd>Bleus / Blue</dd>');
    expect(html).toContain('<dt>Origine ethnique · Ethnicity</dt><dd>Blanc / White</dd>');
    expect(html).toContain('français / French, anglais / English');
  });

  it('refuses a term that is not in the list, and changes nothing', async () => {
    for (const bad of [
      { hair: 'Purple' },
      { eyes: 'Brown' },
      { build: 42 },
      { race: 'Martian' },
      { languages: ['French'] },
      { languages: 'fr' },
    ]) {
      const res = await pio.post(
        '/api/appeals',
        appealBody(AppealKind.MISSING_PERSON, { subjects: [{ ...subject, ...bad }] }),
      );
      expect(`${JSON.stringify(bad)} ${res.status}`).toBe(`${JSON.stringify(bad)} 400`);
    }
  });
});

describe('a description written before the vocabularies', () => {
  it('is still readable on the public page, in the language it was written in', async () => {
    // A version published before the vocabularies (written here past the guard that keeps
    // published versions unchanged, as only a database superuser could); the public read gives
    // codes and text, and the record stays as it was.
    const legacy = await publishedAppeal(
      pio,
      supervisor,
      appealBody(AppealKind.MISSING_PERSON, {
        title: { fr: 'Disparu : Paul Roy, 81 ans', en: 'Missing: Paul Roy, 81' },
      }),
    );
    await t.db.query(`SET session_replication_role = replica`);
    await t.db.query(
      `UPDATE appeal_version SET public = jsonb_set(public, '{content,subjects,0}',
         (public->'content'->'subjects'->0) || $2::jsonb)
        WHERE appeal_id = $1`,
      [
        legacy.id,
        JSON.stringify({
          hair: 'Blancs, courts',
          eyes: 'Green',
          build: 'Short, dark',
          languages: ['French', 'Cree'],
        }),
      ],
    );
    await t.db.query(`SET session_replication_role = origin`);
    const res = await fetch(`${t.baseUrl}/api/public/appeals/${legacy.slug}`);
    const [person] = (await res.json()).subjects;
    expect(person).toMatchObject({
      hair: 'WHITE',
      eyes: 'GREEN',
      languages: ['fr', 'cr'],
      description: { fr: 'Cheveux : courts', en: 'Build: Short, dark' },
    });
    expect(person.build).toBeUndefined();
    // The record keeps exactly what was published.
    const { rows } = await t.db.query(
      `SELECT public->'content'->'subjects'->0->>'hair' AS hair FROM appeal_version WHERE appeal_id = $1`,
      [legacy.id],
    );
    expect(rows[0].hair).toBe('Blancs, courts');
  });

  it('in a working copy is moved into the codes by the migration, the rest kept in its language', async () => {
    const draft = await pio.post(
      '/api/appeals',
      appealBody(AppealKind.MISSING_PERSON, { title: { fr: 'Disparu : Jean' } }),
    );
    expect(draft.status).toBe(201);
    await t.db.query(
      `UPDATE appeal SET draft = jsonb_set(draft, '{subjects,0}', (draft->'subjects'->0) || $2::jsonb) WHERE id = $1`,
      [draft.body.id, JSON.stringify({ hair: 'Bruns, aux épaules', race: 'Blanc', languages: ['anglais'] })],
    );
    const runner = { query: async (sql: string, params?: unknown[]) => (await t.db.query(sql, params)).rows };
    await new SubjectVocabularies1763701500000().up(runner as unknown as QueryRunner);
    const { rows } = await t.db.query(`SELECT draft->'subjects'->0 AS s FROM appeal WHERE id = $1`, [
      draft.body.id,
    ]);
    // A French-only appeal: what no list holds is French text.
    expect(rows[0].s).toMatchObject({
      hair: 'BROWN',
      race: 'WHITE',
      languages: ['en'],
      description: { fr: 'Cheveux : aux épaules' },
    });
    // Running it again changes nothing.
    await new SubjectVocabularies1763701500000().up(runner as unknown as QueryRunner);
    const again = await t.db.query(`SELECT draft->'subjects'->0 AS s FROM appeal WHERE id = $1`, [
      draft.body.id,
    ]);
    expect(again.rows[0].s).toEqual(rows[0].s);
  });
});
