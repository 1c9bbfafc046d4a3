import { normalizeObservable, ObservableKind, observableSearchValues } from '@vigie/common';
import { extractObservables } from './extract-observables';

const kindsAndValues = (text: string) => extractObservables(text).map((o) => `${o.kind} ${o.value}`);

describe('extractObservables', () => {
  const french =
    "Vers 14 h 30, une Honda Civic grise, plaque FXK 482, au 1234 rue Ontario Est. Le chauffeur s'appelle Marc-André Gagnon. Il m'a donné le 514 555-0199 et jean.t@exemple.ca, il publie sous @Kev_MTL.";
  const english =
    'Around 2:30 PM, a grey Honda Civic, plate fxk-482, at 1234 Ontario St E. The driver’s name is Marc-Andre Gagnon. He gave me (514) 555-0199 and Jean.T@exemple.ca, and posts as @kev_mtl.';

  it('reads every kind, in the order written, with the words each came from', () => {
    const found = extractObservables(french);
    expect(found.map((o) => [o.kind, o.value, french.slice(o.start, o.end)])).toEqual([
      ['VEHICLE', 'honda civic grey', 'Honda Civic grise'],
      ['PLATE', 'FXK482', 'FXK 482'],
      ['ADDRESS', '1234 ontario st e', '1234 rue Ontario Est'],
      ['PERSON', 'marc-andre gagnon', 'Marc-André Gagnon'],
      ['PHONE', '+15145550199', '514 555-0199'],
      ['EMAIL', 'jean.t@exemple.ca', 'jean.t@exemple.ca'],
      ['HANDLE', '@kev_mtl', '@Kev_MTL'],
    ]);
  });

  it('reads a French tip and an English tip about the same things as the same values', () => {
    expect(kindsAndValues(english).sort()).toEqual(kindsAndValues(french).sort());
  });

  it('reads a person and an account named in everyday words the same in French and English', () => {
    const fr = "Je pense que c'est Kevin Bouchard, son insta c'est kev.bouchard, il a la même veste.";
    const en = "It's Kevin Bouchard from Hochelaga, he's on Instagram as kev.bouchard with the same jacket.";
    expect(kindsAndValues(fr)).toEqual(['PERSON kevin bouchard', 'HANDLE @kev.bouchard']);
    expect(kindsAndValues(en)).toEqual(kindsAndValues(fr));
  });

  it('gives the same answer every time, and each value once', () => {
    const text = `${french} Encore: FXK482, plaque FXK-482.`;
    expect(extractObservables(text)).toEqual(extractObservables(text));
    expect(kindsAndValues(text).filter((k) => k === 'PLATE FXK482')).toHaveLength(1);
  });

  it('reads an e-mail as an e-mail only, not a link or a handle', () => {
    expect(kindsAndValues('écrire à kev@instagram.com')).toEqual(['EMAIL kev@instagram.com']);
  });

  it('finds nothing in a tip made only of near misses', () => {
    expect(
      extractObservables(
        'Payé 45 $ vers 14 h 30 (ou 2:30), le 2026-12-07, près du H2X 1Y4; mon code K7QM-2XH9; à 200 m de la rue Ontario.',
      ),
    ).toEqual([]);
  });
});

describe('normalizeObservable and observableSearchValues (libs/common)', () => {
  it.each([
    [ObservableKind.PLATE, 'fxk 482', 'FXK482'],
    [ObservableKind.PHONE, '(514) 555-0199', '+15145550199'],
    [ObservableKind.EMAIL, ' Jean@Exemple.CA ', 'jean@exemple.ca'],
    [ObservableKind.URL, 'https://www.instagram.com/kev/', 'instagram.com/kev'],
    [ObservableKind.HANDLE, 'Kev_MTL', '@kev_mtl'],
    [ObservableKind.ADDRESS, '1234 rue Ontario Est', '1234 ontario st e'],
    [ObservableKind.VEHICLE, 'Honda Civic grise', 'honda civic grey'],
    [ObservableKind.PERSON, '  Marc-André   Gagnon ', 'marc-andre gagnon'],
  ])('normalises a %s typed by hand', (kind, raw, value) => {
    expect(normalizeObservable(kind, raw)).toBe(value);
  });

  it.each([
    [ObservableKind.PLATE, '45 $'],
    [ObservableKind.PLATE, 'H2X 1Y4'],
    [ObservableKind.PHONE, '14 h 30'],
    [ObservableKind.EMAIL, 'jean@'],
    [ObservableKind.URL, 'pas un lien'],
    [ObservableKind.HANDLE, '@'],
    [ObservableKind.ADDRESS, 'rue Ontario'],
    [ObservableKind.VEHICLE, 'une voiture'],
    [ObservableKind.PERSON, 'Jean 2'],
  ])('refuses a %s that is not one: %j', (kind, raw) => {
    expect(normalizeObservable(kind, raw)).toBeNull();
  });

  it('reads a search for a plate typed any way as that plate', () => {
    for (const q of ['FXK 482', 'fxk-482', 'FXK482'])
      expect(observableSearchValues(q)).toEqual([{ kind: ObservableKind.PLATE, value: 'FXK482' }]);
  });

  it('reads phones, addresses and handles typed in the search box, and leaves words to the text search', () => {
    expect(observableSearchValues('514 555 0199')).toEqual([
      { kind: ObservableKind.PHONE, value: '+15145550199' },
    ]);
    expect(observableSearchValues('1234 Ontario St E')).toEqual([
      { kind: ObservableKind.ADDRESS, value: '1234 ontario st e' },
    ]);
    expect(observableSearchValues('@Kev_MTL')).toEqual([{ kind: ObservableKind.HANDLE, value: '@kev_mtl' }]);
    expect(observableSearchValues('voiture')).toEqual([]);
  });
});
