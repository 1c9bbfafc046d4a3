import { describe, expect, it } from 'vitest';
import { appealKindFamily, pickText, toAppealCardView } from './appeal-card-view';

describe('appeal card view', () => {
  it('prefers the reader’s language and falls back to the other', () => {
    expect(pickText({ fr: 'Bonjour', en: 'Hello' }, 'en')).toEqual({ text: 'Hello', lang: 'en' });
    expect(pickText({ fr: 'Bonjour', en: '  ' }, 'en')).toEqual({ text: 'Bonjour', lang: 'fr' });
    expect(pickText('Plain', 'fr')).toEqual({ text: 'Plain', lang: 'fr' });
    expect(pickText(undefined, 'fr')).toBeNull();
  });

  it('groups the contract’s kinds into families, and unknown kinds into "other"', () => {
    expect(appealKindFamily('WANTED')).toBe('wanted');
    expect(appealKindFamily('MISSING_PERSON')).toBe('missing');
    expect(appealKindFamily('AMBER_ALERT')).toBe('amber');
    expect(appealKindFamily('UNIDENTIFIED_PERSON')).toBe('unidentified');
    expect(appealKindFamily('WITNESS_APPEAL')).toBe('witnesses');
    expect(appealKindFamily('SOMETHING_NEW')).toBe('other');
  });

  it('uses the card rendition, labels composites, and hides the reward once resolved', () => {
    const base = { slug: 's', kind: 'WANTED', title: 'T', publishedAt: '2026-01-01T00:00:00Z' };
    const withImage = toAppealCardView(
      {
        ...base,
        thumbnail: {
          isComposite: true,
          card: { jpeg: '/m/c.jpg', webp: '/m/c.webp', width: 640, height: 480 },
        },
        reward: { amount: 10000, currency: 'CAD' },
      },
      'fr',
    );
    expect(withImage.image).toMatchObject({ src: '/m/c.jpg', webp: '/m/c.webp', isComposite: true });
    expect(withImage.reward).toEqual({ amount: 10000, currency: 'CAD' });
    expect(withImage.outcome).toBeNull();

    const resolved = toAppealCardView(
      { ...base, status: 'RESOLVED', outcome: 'ARRESTED', reward: { amount: 5, currency: 'CAD' } },
      'fr',
    );
    expect(resolved.outcome).toBe('arrested');
    expect(resolved.reward).toBeNull();
    expect(toAppealCardView({ ...base, thumbnailUrl: '/t.jpg' }, 'fr').image?.src).toBe('/t.jpg');
  });
});
