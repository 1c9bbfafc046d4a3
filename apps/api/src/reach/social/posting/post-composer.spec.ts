import { AppealKind, AppealUpdateKind, type PublicAppeal } from '@vigie/common';
import type { SocialNetworkLimits } from '../networks/social-network';
import { composePost, networkLength } from './post-composer';

const bluesky: SocialNetworkLimits = {
  maxTextLength: 300,
  linkLength: null,
  maxImages: 4,
  maxImageBytes: 1_000_000,
  maxAltTextLength: 2000,
  canEdit: false,
  canDelete: true,
};
const x: SocialNetworkLimits = { ...bluesky, maxTextLength: 280, linkLength: 23 };

function appeal(over: Partial<PublicAppeal> = {}): PublicAppeal {
  return {
    kind: AppealKind.AMBER_ALERT,
    title: { fr: 'Léa Tremblay, 8 ans', en: 'Léa Tremblay, 8' },
    summary: { fr: 'Enlevée à Gatineau vers 15 h.', en: 'Abducted in Gatineau around 3 p.m.' },
    images: [{ id: 'img-1', isComposite: true, alt: { fr: 'Suspect', en: 'Suspect' } }],
    links: { page: 'https://vigie.example/appeals/lea' },
    updates: [],
    ...over,
  } as unknown as PublicAppeal;
}

describe('composePost', () => {
  it('writes the kind, title, summary, link and hashtag in each language, with the image and its alt text', () => {
    const fr = composePost(appeal(), { event: 'APPROVED' }, 'fr', bluesky, true);
    expect(fr.text).toBe(
      'Alerte AMBER : Léa Tremblay, 8 ans\n\nEnlevée à Gatineau vers 15 h.\n\nhttps://vigie.example/appeals/lea\n#AlerteAMBER',
    );
    expect(fr.image).toEqual({ imageId: 'img-1', altText: 'Suspect — Portrait-robot, pas une photographie' });
    const en = composePost(appeal(), { event: 'APPROVED' }, 'en', bluesky, false);
    expect(en.text).toContain('https://vigie.example/appeals/lea?lang=en\n#AMBERAlert');
    expect(en.image).toBeNull();
    expect(en.problem).toBeNull();
  });

  it('does not add the kind’s label to a title that leads with its own, and puts an outcome in its place', () => {
    const titled = appeal({
      kind: AppealKind.MISSING_PERSON,
      title: { fr: 'Disparue : Léa Roy, 14 ans', en: 'Missing: Léa Roy, 14' },
    } as Partial<PublicAppeal>);
    const fr = composePost(titled, { event: 'APPROVED' }, 'fr', bluesky, false);
    expect(fr.text.startsWith('Disparue : Léa Roy, 14 ans\n\n')).toBe(true);
    const en = composePost(titled, { event: 'APPROVED' }, 'en', bluesky, false);
    expect(en.text.startsWith('Missing: Léa Roy, 14\n\n')).toBe(true);
    const found = composePost(
      { ...titled, outcome: 'FOUND_SAFE' } as PublicAppeal,
      { event: 'RESOLVED' },
      'en',
      bluesky,
      false,
    );
    expect(found.text.startsWith('Found safe: Léa Roy, 14\n\n')).toBe(true);
    // A comma, a time or a plain title is not a label of its own.
    const plain = composePost(appeal(), { event: 'APPROVED' }, 'fr', bluesky, false);
    expect(plain.text.startsWith('Alerte AMBER : Léa Tremblay, 8 ans')).toBe(true);
  });

  it('shortens a long body to the network’s limit, as the network counts (graphemes, X’s 23 per link)', () => {
    const long = appeal({
      summary: { fr: 'Très long résumé. '.repeat(40), en: 'A very long summary. '.repeat(40) },
    });
    const post = composePost(long, { event: 'APPROVED' }, 'fr', bluesky, false);
    expect(post.shortened).toBe(true);
    expect(post.length).toBeLessThanOrEqual(300);
    expect(post.text).toContain('…');
    expect(post.text).toMatch(/#AlerteAMBER$/);
    const onX = composePost(long, { event: 'APPROVED' }, 'en', x, false);
    expect(onX.length).toBeLessThanOrEqual(280);
    expect(networkLength(onX.text, x)).toBe(onX.length);
    expect(onX.length).toBeGreaterThan(networkLength(onX.text, bluesky) - 33 - 2);
    // Emoji and accents count once each on Bluesky.
    expect(networkLength('👩‍👧 é', bluesky)).toBe(3);
  });

  it('refuses clearly when even the title, link and hashtag cannot fit', () => {
    const tiny = { ...bluesky, maxTextLength: 40 };
    const post = composePost(appeal(), { event: 'APPROVED' }, 'fr', tiny, false);
    expect(post.problem).toMatch(/this network takes 40/);
  });

  it('labels a rumour correction and says a resolved appeal needs no more sharing', () => {
    const correction = composePost(
      appeal(),
      {
        event: 'UPDATE',
        update: {
          kind: AppealUpdateKind.RUMOUR_CORRECTION,
          text: { fr: 'Aucune arrestation.', en: 'No arrest.' },
        },
      },
      'en',
      bluesky,
      false,
    );
    expect(correction.text.startsWith('Correction: Léa Tremblay, 8\n\nNo arrest.')).toBe(true);
    const resolved = composePost(
      appeal({ outcome: 'FOUND_SAFE' } as Partial<PublicAppeal>),
      { event: 'RESOLVED' },
      'en',
      bluesky,
      false,
    );
    expect(resolved.text).toContain('Found safe: Léa Tremblay, 8');
    expect(resolved.text).toContain('Please stop sharing it.');
  });
});
