import { SQUARE_KINDS, streetKindOf, STREET_KIND_WORDS } from './street-kinds';

describe('streetKindOf', () => {
  it('gives one kind for the French and English words and abbreviations of it', () => {
    expect(['rue', 'street'].map(streetKindOf)).toEqual(['rue', 'rue']);
    expect(['boulevard', 'boul', 'blvd', 'bd'].map(streetKindOf)).toEqual(Array(4).fill('boulevard'));
    expect(['avenue', 'ave', 'av'].map(streetKindOf)).toEqual(Array(3).fill('avenue'));
    expect(['chemin', 'ch', 'road', 'rd'].map(streetKindOf)).toEqual(Array(4).fill('chemin'));
    expect(['route', 'rte'].map(streetKindOf)).toEqual(['route', 'route']);
    expect(['allee', 'lane'].map(streetKindOf)).toEqual(['lane', 'lane']);
    expect(streetKindOf('croissant')).toBe('croissant');
  });

  it('is null for a word that names no kind of street, and for what an object has of its own', () => {
    for (const word of [
      'jarry',
      'st',
      'crescent',
      'metro',
      '',
      'constructor',
      '__proto__',
      'toString',
      undefined,
    ])
      expect(streetKindOf(word)).toBeNull();
  });

  it('keeps the words of squares apart, and every word is folded (lower case, no accents, no dot)', () => {
    expect(streetKindOf('place')).toBe('place');
    expect(SQUARE_KINDS.has('place')).toBe(true);
    expect(SQUARE_KINDS.has('rue')).toBe(false);
    for (const word of Object.keys(STREET_KIND_WORDS)) expect(word).toMatch(/^[a-z]+$/);
  });
});
