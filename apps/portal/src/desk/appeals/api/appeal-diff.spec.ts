import type { AppealContent } from '@vigie/common';
import { describe, expect, it } from 'vitest';
import { countChanges, diffAppealContent } from './appeal-diff';

const live: AppealContent = {
  title: { fr: 'Disparue : Léa', en: 'Missing: Léa' },
  summary: { fr: 'Vue à Berri-UQAM.', en: 'Seen at Berri-UQAM.' },
  caution: { fr: 'Ne l’approchez pas.' },
  subjects: [{ role: 'MISSING' as never, name: 'Léa', ageMin: 14, ageMax: 14, aliases: ['Lili'] }],
  images: [{ id: 'img-1', isComposite: false }],
};

const byPath = (rows: ReturnType<typeof diffAppealContent>) => new Map(rows.map((row) => [row.path, row]));

describe('diffAppealContent', () => {
  it('lists fields in the form’s order, minimum before maximum, whatever order the stored keys come in', () => {
    // As Postgres returns jsonb: keys by length, then alphabetically ("ageMax" before "ageMin").
    const stored = {
      title: { en: 'Missing: Léa', fr: 'Disparue : Léa' },
      reward: { amount: 5000, currency: 'CAD', terms: { en: 'Terms', fr: 'Conditions' } },
      subjects: [
        { name: 'Léa', role: 'MISSING', ageMax: 15, ageMin: 14, heightMaxCm: 160, heightMinCm: 150 },
      ],
      lastSeen: { at: '2026-03-01T10:00:00Z', place: { fr: 'Berri-UQAM' } },
    } as unknown as AppealContent;
    expect(diffAppealContent(undefined, stored).map((row) => row.path)).toEqual([
      'title.fr',
      'title.en',
      'subjects.0.role',
      'subjects.0.name',
      'subjects.0.ageMin',
      'subjects.0.ageMax',
      'subjects.0.heightMinCm',
      'subjects.0.heightMaxCm',
      'lastSeen.place.fr',
      'lastSeen.at',
      'reward.amount',
      'reward.currency',
      'reward.terms.fr',
      'reward.terms.en',
    ]);
  });

  it('marks every field of a never-published appeal as added, in the order of the form', () => {
    const rows = diffAppealContent(undefined, live);
    expect(rows.every((row) => row.change === 'added' && row.before === null)).toBe(true);
    expect(rows.map((row) => row.path)).toEqual([
      'title.fr',
      'title.en',
      'summary.fr',
      'summary.en',
      'caution.fr',
      'subjects.0.role',
      'subjects.0.name',
      'subjects.0.aliases',
      'subjects.0.ageMin',
      'subjects.0.ageMax',
      'images.0.id',
      'images.0.isComposite',
    ]);
    expect(countChanges(rows)).toBe(rows.length);
  });

  it('compares field by field: changed, added, removed and unchanged', () => {
    const draft: AppealContent = {
      ...live,
      title: { fr: 'Disparue : Léa', en: 'Missing: Léa, 14' },
      caution: undefined,
      subjects: [{ ...live.subjects[0], ageMax: 15, aliases: ['Lili', 'Lé'] }],
      reward: { amount: 5000, currency: 'CAD', terms: { fr: 'Conditions' } },
    };
    const rows = byPath(diffAppealContent(live, draft));
    expect(rows.get('title.fr')).toMatchObject({
      change: 'same',
      section: 'title',
      field: 'title',
      lang: 'fr',
    });
    expect(rows.get('title.en')).toMatchObject({
      change: 'changed',
      before: 'Missing: Léa',
      after: 'Missing: Léa, 14',
    });
    expect(rows.get('caution.fr')).toMatchObject({
      change: 'removed',
      before: 'Ne l’approchez pas.',
      after: null,
    });
    expect(rows.get('subjects.0.ageMax')).toMatchObject({
      change: 'changed',
      before: '14',
      after: '15',
      section: 'subjects.0',
    });
    expect(rows.get('subjects.0.aliases')).toMatchObject({
      change: 'changed',
      before: 'Lili',
      after: 'Lili, Lé',
    });
    expect(rows.get('reward.amount')).toMatchObject({
      change: 'added',
      after: '5000',
      section: 'reward',
      field: 'amount',
    });
    expect(rows.get('reward.terms.fr')).toMatchObject({ change: 'added', field: 'terms', lang: 'fr' });
    expect(rows.get('images.0.id')?.change).toBe('same');
    expect(countChanges([...rows.values()])).toBe(7);
  });

  it('treats blank and absent alike, since neither shows on the page', () => {
    const draft: AppealContent = {
      ...live,
      body: { fr: '   ', en: '' },
      caution: { fr: ' Ne l’approchez pas. ' },
    };
    const rows = diffAppealContent(live, draft);
    expect(rows.some((row) => row.path.startsWith('body'))).toBe(false);
    expect(countChanges(rows)).toBe(0);
  });

  it('shows an image taken off the appeal as removed and a new one as added', () => {
    const draft: AppealContent = { ...live, images: [{ id: 'img-2', isComposite: true }] };
    const rows = byPath(diffAppealContent(live, draft));
    expect(rows.get('images.0.id')).toMatchObject({ change: 'changed', before: 'img-1', after: 'img-2' });
    expect(rows.get('images.0.isComposite')).toMatchObject({
      change: 'changed',
      before: 'false',
      after: 'true',
    });
  });
});
