import { choosePlace, metresBetween, type PlaceCandidate } from './place-resolution';

const candidate = (over: Partial<PlaceCandidate>): PlaceCandidate => ({
  kind: 'INTERSECTION',
  name: 'rue Rachel / avenue Papineau',
  municipality: 'Montréal',
  latitude: 45.5298,
  longitude: -73.5667,
  radiusM: 60,
  typed: true,
  ...over,
});

describe('choosePlace', () => {
  it('places a tip at the one entry it names', () => {
    expect(choosePlace([candidate({})], [])).toEqual({
      name: 'rue Rachel / avenue Papineau',
      municipality: 'Montréal',
      latitude: 45.5298,
      longitude: -73.5667,
      radiusM: 60,
    });
  });

  it('keeps only the municipality the tip names, in any spelling', () => {
    const granby = candidate({
      name: 'Principale / Saint-Joseph',
      municipality: 'Granby',
      latitude: 45.4,
      longitude: -72.73,
    });
    const jerome = candidate({
      name: 'Principale / Saint-Joseph',
      municipality: 'Saint-Jérôme',
      latitude: 45.78,
      longitude: -74.0,
    });
    expect(choosePlace([granby, jerome], ['saint-jerome'])?.municipality).toBe('Saint-Jérôme');
    expect(choosePlace([granby, jerome], ['St-Jérôme'])?.municipality).toBe('Saint-Jérôme');
    // Another municipality than any entry's: the tip is not placed.
    expect(choosePlace([granby, jerome], ['sherbrooke'])).toBeNull();
  });

  it('does not guess between two places of one name kilometres apart', () => {
    const granby = candidate({ municipality: 'Granby', latitude: 45.4, longitude: -72.73 });
    const jerome = candidate({ municipality: 'Saint-Jérôme', latitude: 45.78, longitude: -74.0 });
    expect(choosePlace([granby, jerome], [])).toBeNull();
  });

  it('takes the most precise of entries naming one spot (a station and its corner)', () => {
    const station = candidate({
      kind: 'PLACE',
      name: 'Station Papineau',
      radiusM: 150,
      latitude: 45.5237,
      longitude: -73.5524,
    });
    const corner = candidate({
      name: 'De Maisonneuve / Papineau',
      radiusM: 60,
      latitude: 45.524,
      longitude: -73.553,
    });
    expect(choosePlace([station, corner], [])?.name).toBe('De Maisonneuve / Papineau');
  });

  it('prefers what the form’s "where" names over a place the description mentions', () => {
    const typed = candidate({ typed: true });
    const mentioned = candidate({
      kind: 'PLACE',
      name: 'Marché Atwater',
      typed: false,
      latitude: 45.478,
      longitude: -73.577,
    });
    expect(choosePlace([mentioned, typed], [])?.name).toBe('rue Rachel / avenue Papineau');
    // With nothing typed, two places far apart in the words are a route, not a spot.
    expect(choosePlace([mentioned, { ...typed, typed: false }], [])).toBeNull();
  });

  it('places nothing without a candidate', () => {
    expect(choosePlace([], ['montreal'])).toBeNull();
  });
});

describe('metresBetween', () => {
  it('measures on the globe', () => {
    // One thousandth of a degree of latitude is about 111 m.
    expect(
      Math.round(metresBetween({ latitude: 45.5, longitude: -73.6 }, { latitude: 45.501, longitude: -73.6 })),
    ).toBe(111);
  });
});
