import { intersectionKey, mentionKeys, municipalityKey, placeKey, streetKey, words } from './place-names';

describe('words', () => {
  it('folds case, accents, saints and ordinals, and keeps the corner signs', () => {
    expect(words('Ste-Catherine / 3e Avenue')).toEqual(['st', 'catherine', '/', '3', 'avenue']);
    expect(words('Third Ave & Saint-Zotique')).toEqual(['3', 'ave', '&', 'st', 'zotique']);
    expect(words('1re Avenue')).toEqual(['1', 'avenue']);
    expect(words('Première Avenue')).toEqual(['1', 'avenue']);
  });
});

describe('streetKey', () => {
  it('is one key for a street written in French and in English', () => {
    expect(streetKey('rue Saint-Hubert')).toBe('st hubert');
    expect(streetKey('St-Hubert St')).toBe('st hubert');
    expect(streetKey('Saint Hubert Street')).toBe('st hubert');
    expect(streetKey('avenue du Mont-Royal Est')).toBe('mont royal');
    expect(streetKey('Mont-Royal Ave E')).toBe('mont royal');
    expect(streetKey('6e Avenue')).toBe('6');
    expect(streetKey('6th Ave')).toBe('6');
  });

  it('keeps a saint at the start and drops only the English "St" after a name', () => {
    expect(streetKey('St-Laurent')).toBe('st laurent');
    expect(streetKey('Principale St')).toBe('principale');
  });

  it('drops every kind of street in the shared list (street-kinds.ts), French and English', () => {
    expect(streetKey('rang Saint-Joseph')).toBe('st joseph');
    expect(streetKey('rte de la Montagne')).toBe('montagne');
    expect(streetKey('Place Ville-Marie')).toBe('ville marie');
    // "Crescent" is a street's name in Montréal, not a kind.
    expect(streetKey('rue Crescent')).toBe('crescent');
    expect(streetKey('Crescent St')).toBe('crescent');
  });

  it('is null when nothing but kind words is left', () => {
    expect(streetKey('rue')).toBeNull();
    expect(streetKey('  ')).toBeNull();
  });
});

describe('intersectionKey', () => {
  it('is the same whichever street comes first and however each is written', () => {
    expect(intersectionKey('rue Rachel', 'avenue Papineau')).toBe('x:papineau|rachel');
    expect(intersectionKey('Papineau Ave', 'Rachel St E')).toBe('x:papineau|rachel');
  });

  it('refuses a street crossing itself', () => {
    expect(intersectionKey('rue Rachel', 'Rachel St')).toBeNull();
  });
});

describe('placeKey', () => {
  it('is the words in order, so a name in either language order meets', () => {
    expect(placeKey('Marché Atwater')).toBe(placeKey('Atwater Marché'));
    expect(placeKey('Place des Arts')).toBe('p:arts place');
  });

  it('needs two words: one names too many things', () => {
    expect(placeKey('Atwater')).toBeNull();
    expect(placeKey('le Atwater')).toBeNull();
  });
});

describe('mentionKeys: what a typed place or a description could name', () => {
  it('reads a corner written every way', () => {
    const corner = 'x:papineau|rachel';
    expect(mentionKeys('coin Rachel et Papineau')).toContain(corner);
    expect(mentionKeys('au coin de Rachel et Papineau')).toContain(corner);
    expect(mentionKeys('Rachel / Papineau')).toContain(corner);
    expect(mentionKeys('Rachel/Papineau')).toContain(corner);
    expect(mentionKeys('corner of Rachel and Papineau')).toContain(corner);
    expect(mentionKeys('Rachel St E & Papineau Ave')).toContain(corner);
    expect(mentionKeys('angle Papineau et rue Rachel')).toContain(corner);
    expect(mentionKeys('Papineau at Rachel')).toContain(corner);
    expect(mentionKeys('rue Rachel près de Papineau')).toContain(corner);
    expect(mentionKeys('Rachel near Papineau')).toContain(corner);
  });

  it('finds a corner inside a sentence, with numbered avenues', () => {
    expect(
      mentionKeys("Je l'ai vu entrer au dépanneur au coin de Beaubien et 6e Avenue vers midi"),
    ).toContain('x:6|beaubien');
    expect(mentionKeys('He went into the store at Beaubien and 6th Avenue around noon')).toContain(
      'x:6|beaubien',
    );
  });

  it('offers each run of words as a place name', () => {
    expect(mentionKeys('devant le Marché Atwater, côté canal')).toContain(placeKey('Marché Atwater'));
    expect(mentionKeys('at the Atwater Market entrance')).toContain(placeKey('Atwater Market'));
  });

  it('offers no corner where no word joins two names', () => {
    expect(mentionKeys('rue Rachel').filter((k) => k.startsWith('x:'))).toEqual([]);
  });
});

describe('municipalityKey', () => {
  it('is one form for a name with or without accents and saints spelt out', () => {
    expect(municipalityKey('Saint-Jérôme')).toBe(municipalityKey('St-Jerome'));
    expect(municipalityKey('Montréal')).toBe('montreal');
  });
});
