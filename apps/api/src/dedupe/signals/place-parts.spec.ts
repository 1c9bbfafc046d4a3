import { comparePlaces, placeParts, placeWords } from './place-parts';

const NO_HIGHWAY = { highways: [], exits: [] };

const typed = (a: string, b: string) => comparePlaces(placeParts(a, 'typed'), placeParts(b, 'typed'));

describe('placeParts: what a typed place names', () => {
  it('reads a municipality, a street and its civic number, in French and English', () => {
    expect(placeParts('Pharmacie Jean Coutu, 2250 boul. Curé-Labelle, Blainville', 'typed')).toEqual({
      municipalities: ['blainville'],
      streets: [{ name: 'cure labelle', direction: null, numbers: [2250] }],
      highways: NO_HIGHWAY,
    });
    expect(placeParts('2250 Cure-Labelle Blvd, Blainville', 'typed')).toEqual({
      municipalities: ['blainville'],
      streets: [{ name: 'cure labelle', direction: null, numbers: [2250] }],
      highways: NO_HIGHWAY,
    });
  });

  it('writes saints and directions one way in both languages', () => {
    const french = placeParts('rue Sainte-Catherine Est', 'typed');
    expect(french.streets).toEqual([{ name: 'st catherine', direction: 'e', numbers: [] }]);
    expect(placeParts('St. Catherine Street East', 'typed').streets).toEqual(french.streets);
    expect(placeParts('Ste-Catherine E.', 'typed').streets).toEqual(french.streets);
  });

  it('takes a name that is also a street for the street beside a kind word', () => {
    expect(placeParts('rue Sherbrooke Ouest', 'typed')).toEqual({
      municipalities: [],
      streets: [{ name: 'sherbrooke', direction: 'w', numbers: [] }],
      highways: NO_HIGHWAY,
    });
    expect(placeParts('boulevard de Laval', 'typed').municipalities).toEqual([]);
    // Alone between commas, it is the municipality.
    expect(placeParts('Dépanneur du coin, rue King Ouest, Sherbrooke', 'typed').municipalities).toEqual([
      'sherbrooke',
    ]);
  });

  it('does not take the streets of a corner for a municipality', () => {
    expect(placeParts('Sherbrooke & Papineau', 'typed').municipalities).toEqual([]);
    expect(placeParts('coin Laval et Duluth', 'typed').municipalities).toEqual([]);
  });

  it('in running text, counts only a municipality introduced as one, and streets with a kind word', () => {
    expect(placeParts("Il habite au 812 rue Fullum, à Montréal, près de l'épicerie", 'text')).toEqual({
      municipalities: ['montreal'],
      streets: [{ name: 'fullum', direction: null, numbers: [812] }],
      highways: NO_HIGHWAY,
    });
    expect(placeParts('We were driving on Sherbrooke going east when it happened', 'text')).toEqual({
      municipalities: [],
      streets: [],
      highways: NO_HIGHWAY,
    });
  });

  it('reads nothing from what names no municipality or street, and never fails on odd input', () => {
    for (const input of [
      '',
      '   ',
      '!!!',
      'Gare Centrale',
      'Tim Hortons',
      '🚓🚓',
      '9'.repeat(400),
      'rue',
      'st st st',
    ])
      expect(() => placeParts(input, 'typed')).not.toThrow();
    expect(placeParts('Gare Centrale', 'typed')).toEqual({
      municipalities: [],
      streets: [],
      highways: NO_HIGHWAY,
    });
    expect(placeParts('', 'text')).toEqual({ municipalities: [], streets: [], highways: NO_HIGHWAY });
    expect(placeWords('  Côte-des-Neiges / Queen-Mary  ')).toBe('cote des neiges queen mary');
  });
});

describe('comparePlaces: alike, but the same place?', () => {
  it('the same chain in two cities is not a match, and says which cities', () => {
    expect(typed('McDonald’s, boul. Le Carrefour, Laval', 'McDonald’s, boul. Taschereau, Brossard')).toEqual({
      verdict: 'different',
      matched: [],
      differed: ['municipality laval / brossard', 'street carrefour / taschereau'],
    });
    expect(typed('Walmart Gatineau', 'Walmart, Ottawa')).toMatchObject({
      verdict: 'different',
      differed: ['municipality gatineau / ottawa'],
    });
  });

  it('the same station name in two cities is not a match', () => {
    expect(typed('Terminus Centre-ville, Montréal', 'Terminus centre-ville, Québec')).toMatchObject({
      verdict: 'different',
      differed: ['municipality montreal / quebec'],
    });
  });

  it('the same street name in two municipalities is not a match', () => {
    expect(typed('rue Principale, Granby', 'Main St, Cowansville')).toEqual({
      verdict: 'different',
      matched: ['street principale'],
      differed: ['municipality granby / cowansville'],
    });
    expect(typed('rue Saint-Georges, Saint-Jérôme', 'St-Georges St, Laval')).toEqual({
      verdict: 'different',
      matched: ['street st georges'],
      differed: ['municipality saint-jerome / laval'],
    });
  });

  it('the same street far along is not a match; a door or two away is', () => {
    expect(typed('1200 rue Beaubien Est', '6400 Beaubien St E')).toEqual({
      verdict: 'different',
      matched: ['street beaubien'],
      differed: ['number 1200 / 6400'],
    });
    expect(typed('1234 rue Ontario Est', '1240 Ontario St E')).toEqual({
      verdict: 'same',
      matched: ['street ontario', 'number 1234 / 1240'],
      differed: [],
    });
  });

  it('East and West are two streets of one name; a side without a direction agrees with either', () => {
    expect(typed('boul. René-Lévesque Est', 'René-Lévesque Blvd W')).toMatchObject({ verdict: 'different' });
    expect(typed('boul. René-Lévesque', 'René-Lévesque Blvd W')).toMatchObject({
      verdict: 'same',
      matched: ['street rene levesque'],
    });
  });

  it('one place written in two languages is a match, and says what agreed', () => {
    expect(typed('3575 avenue du Parc, Montréal', '3575 Park Ave. (Montreal)')).toEqual({
      verdict: 'same',
      matched: ['municipality montreal', 'street parc', 'number 3575'],
      differed: [],
    });
    expect(typed('rue Saint-Jacques Ouest, Montréal', 'St-Jacques St W, Montreal')).toEqual({
      verdict: 'same',
      matched: ['municipality montreal', 'street st jacques'],
      differed: [],
    });
  });

  it('names only (a station, a chain) leave it to the words: unknown', () => {
    expect(typed('Gare Centrale', 'Central Station')).toEqual({
      verdict: 'unknown',
      matched: [],
      differed: [],
    });
    expect(typed('Tim Hortons', 'Tim Hortons, Laval')).toEqual({
      verdict: 'unknown',
      matched: [],
      differed: [],
    });
  });

  it('a typed place against running text that names another municipality', () => {
    const text = placeParts("J'ai vu le gars au Tim Hortons à Longueuil vers 22 h", 'text');
    expect(comparePlaces(placeParts('Tim Hortons, Laval', 'typed'), text)).toMatchObject({
      verdict: 'different',
      differed: ['municipality laval / longueuil'],
    });
  });
});

describe('comparePlaces: places on a highway', () => {
  it('one exit typed in two languages is the same place; the same exit of another highway is not', () => {
    expect(typed('Ultramar sortie 130 autoroute 20, Saint-Hyacinthe', 'Ultramar, Hwy 20 exit 130')).toEqual({
      verdict: 'same',
      matched: ['highway 20', 'exit 130'],
      differed: [],
    });
    expect(typed('Tim Hortons, autoroute 40 sortie 98', 'Tim Hortons, autoroute 20 sortie 98')).toMatchObject(
      {
        verdict: 'different',
        differed: ['highway 40 / 20'],
      },
    );
  });

  it('a typed exit against running text naming it', () => {
    const text = placeParts('accident sur la 40 a la sortie 73, une auto blanche dans le fosse', 'text');
    expect(comparePlaces(placeParts('A40 sortie 73', 'typed'), text)).toMatchObject({
      verdict: 'same',
      matched: ['highway 40', 'exit 73'],
    });
  });
});
