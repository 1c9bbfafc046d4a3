import { comparePlaces, placeParts, placeWords } from './place-parts';

const NO_HIGHWAY = { highways: [], exits: [] };

const typed = (a: string, b: string) => comparePlaces(placeParts(a, 'typed'), placeParts(b, 'typed'));

describe('placeParts: what a typed place names', () => {
  it('reads a municipality, a street and its civic number, in French and English', () => {
    expect(placeParts('Pharmacie Jean Coutu, 2250 boul. Curé-Labelle, Blainville', 'typed')).toEqual({
      municipalities: ['blainville'],
      streets: [{ name: 'cure labelle', direction: null, kind: 'boulevard', numbers: [2250] }],
      highways: NO_HIGHWAY,
    });
    expect(placeParts('2250 Cure-Labelle Blvd, Blainville', 'typed')).toEqual({
      municipalities: ['blainville'],
      streets: [{ name: 'cure labelle', direction: null, kind: 'boulevard', numbers: [2250] }],
      highways: NO_HIGHWAY,
    });
  });

  it('writes saints and directions one way in both languages', () => {
    const french = placeParts('rue Sainte-Catherine Est', 'typed');
    expect(french.streets).toEqual([{ name: 'st catherine', direction: 'e', kind: 'rue', numbers: [] }]);
    expect(placeParts('St. Catherine Street East', 'typed').streets).toEqual(french.streets);
    // No kind word: the same street, its kind unsaid.
    expect(placeParts('Ste-Catherine E.', 'typed').streets).toEqual([{ ...french.streets[0], kind: null }]);
  });

  it('takes a name that is also a street for the street beside a kind word', () => {
    expect(placeParts('rue Sherbrooke Ouest', 'typed')).toEqual({
      municipalities: [],
      streets: [{ name: 'sherbrooke', direction: 'w', kind: 'rue', numbers: [] }],
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
      streets: [{ name: 'fullum', direction: null, kind: 'rue', numbers: [812] }],
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
      weakened: [],
    });
    expect(typed('Walmart Gatineau', 'Walmart, Ottawa')).toMatchObject({
      verdict: 'different',
      differed: ['municipality gatineau / ottawa'],
      weakened: [],
    });
  });

  it('the same station name in two cities is not a match', () => {
    expect(typed('Terminus Centre-ville, Montréal', 'Terminus centre-ville, Québec')).toMatchObject({
      verdict: 'different',
      differed: ['municipality montreal / quebec'],
      weakened: [],
    });
  });

  it('the same street name in two municipalities is not a match', () => {
    expect(typed('rue Principale, Granby', 'Main St, Cowansville')).toEqual({
      verdict: 'different',
      matched: ['street principale'],
      differed: ['municipality granby / cowansville'],
      weakened: [],
    });
    expect(typed('rue Saint-Georges, Saint-Jérôme', 'St-Georges St, Laval')).toEqual({
      verdict: 'different',
      matched: ['street st georges'],
      differed: ['municipality saint-jerome / laval'],
      weakened: [],
    });
  });

  it('the same street far along is not a match; a door or two away is', () => {
    expect(typed('1200 rue Beaubien Est', '6400 Beaubien St E')).toEqual({
      verdict: 'different',
      matched: ['street beaubien'],
      differed: ['number 1200 / 6400'],
      weakened: [],
    });
    expect(typed('1234 rue Ontario Est', '1240 Ontario St E')).toEqual({
      verdict: 'same',
      matched: ['street ontario', 'number 1234 / 1240'],
      differed: [],
      weakened: [],
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
      weakened: [],
    });
    expect(typed('rue Saint-Jacques Ouest, Montréal', 'St-Jacques St W, Montreal')).toEqual({
      verdict: 'same',
      matched: ['municipality montreal', 'street st jacques'],
      differed: [],
      weakened: [],
    });
  });

  it('names only (a station, a chain) leave it to the words: unknown', () => {
    expect(typed('Gare Centrale', 'Central Station')).toEqual({
      verdict: 'unknown',
      matched: [],
      differed: [],
      weakened: [],
    });
    expect(typed('Tim Hortons', 'Tim Hortons, Laval')).toEqual({
      verdict: 'unknown',
      matched: [],
      differed: [],
      weakened: [],
    });
  });

  it('a typed place against running text that names another municipality', () => {
    const text = placeParts("J'ai vu le gars au Tim Hortons à Longueuil vers 22 h", 'text');
    expect(comparePlaces(placeParts('Tim Hortons, Laval', 'typed'), text)).toMatchObject({
      verdict: 'different',
      differed: ['municipality laval / longueuil'],
      weakened: [],
    });
  });
});

describe('comparePlaces: places on a highway', () => {
  it('one exit typed in two languages is the same place; the same exit of another highway is not', () => {
    expect(typed('Ultramar sortie 130 autoroute 20, Saint-Hyacinthe', 'Ultramar, Hwy 20 exit 130')).toEqual({
      verdict: 'same',
      matched: ['highway 20', 'exit 130'],
      differed: [],
      weakened: [],
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

describe('placeParts: a neighbourhood or borough is in its municipality', () => {
  it('reads a Montréal neighbourhood typed after the street as Montréal, in French and English', () => {
    expect(placeParts('rue Notre-Dame Ouest, Saint-Henri', 'typed')).toEqual({
      municipalities: ['montreal'],
      streets: [{ name: 'notre dame', direction: 'w', kind: 'rue', numbers: [] }],
      highways: NO_HIGHWAY,
    });
    expect(placeParts('Notre-Dame St W (St-Henri)', 'typed').municipalities).toEqual(['montreal']);
    expect(placeParts("Wellington coin de l'Église, Verdun", 'typed').municipalities).toEqual(['montreal']);
    expect(placeParts('avenue du Mont-Royal, Plateau-Mont-Royal', 'typed').municipalities).toEqual([
      'montreal',
    ]);
    expect(placeParts('Old Montreal, near the basilica', 'typed').municipalities).toEqual(['montreal']);
    expect(placeParts('rue Saint-Jean, Vieux-Québec', 'typed').municipalities).toEqual(['quebec']);
    expect(placeParts('boul. Le Corbusier, Chomedey', 'typed').municipalities).toEqual(['laval']);
  });

  it('in running text, counts a neighbourhood introduced as one', () => {
    expect(placeParts("Je l'ai vu dans le Mile End vers 22 h", 'text').municipalities).toEqual(['montreal']);
    expect(placeParts('I saw him in Verdun last night', 'text').municipalities).toEqual(['montreal']);
    expect(placeParts('Elle traînait dans Hochelaga avec deux gars', 'text').municipalities).toEqual([
      'montreal',
    ]);
  });

  it('takes a neighbourhood that is also a street or a station for the street or the station', () => {
    expect(placeParts('boulevard Rosemont', 'typed').municipalities).toEqual([]);
    expect(placeParts('Rosemont Blvd', 'typed').municipalities).toEqual([]);
    expect(placeParts('chemin de la Côte-des-Neiges', 'typed')).toMatchObject({
      municipalities: [],
      streets: [{ name: 'cote neiges', kind: 'chemin' }],
    });
    expect(placeParts('métro Verdun', 'typed').municipalities).toEqual([]);
    expect(placeParts('métro Place-Saint-Henri', 'typed').municipalities).toEqual([]);
    expect(placeParts('on Hochelaga near the park', 'text').municipalities).toEqual([]);
  });
});

describe('placeParts: the kind of street', () => {
  it('reads the kind a French word before or an English word after says, one kind in both languages', () => {
    expect(placeParts('rue Saint-Jean', 'typed').streets).toEqual([
      { name: 'st jean', direction: null, kind: 'rue', numbers: [] },
    ]);
    expect(placeParts('St-Jean St', 'typed').streets).toEqual(placeParts('rue Saint-Jean', 'typed').streets);
    expect(placeParts('boul. St-Jean', 'typed').streets).toEqual([
      { name: 'st jean', direction: null, kind: 'boulevard', numbers: [] },
    ]);
    expect(placeParts('St-Jean Blvd', 'typed').streets).toEqual(placeParts('boul. St-Jean', 'typed').streets);
    expect(placeParts('Park Ave', 'typed').streets).toEqual(placeParts('avenue du Parc', 'typed').streets);
  });

  it('knows no kind where no word says it', () => {
    expect(placeParts('1450 Principale', 'typed').streets).toEqual([
      { name: 'principale', direction: null, kind: null, numbers: [1450] },
    ]);
    expect(placeParts('Ste-Catherine O.', 'typed').streets).toEqual([
      { name: 'st catherine', direction: 'w', kind: null, numbers: [] },
    ]);
  });

  it('does not read a square, a mall or a station named "Place" as a street', () => {
    expect(placeParts('Place des Arts', 'typed').streets).toEqual([]);
    expect(placeParts('Place Versailles, entrée Sherbrooke', 'typed').streets).toEqual([]);
  });
});

describe('comparePlaces: places alike but not the same (issue 18, point 5)', () => {
  it('one street name in a Montréal neighbourhood and in another municipality is not a match', () => {
    expect(typed('rue Notre-Dame Ouest, Saint-Henri', 'rue Notre-Dame, Repentigny')).toEqual({
      verdict: 'different',
      matched: ['street notre dame'],
      differed: ['municipality montreal / repentigny'],
      weakened: [],
    });
    expect(typed('Notre-Dame St W, St-Henri', 'rue Notre-Dame, Repentigny')).toMatchObject({
      verdict: 'different',
    });
  });

  it('a rue in Québec and a boulevard of that name in Pointe-Claire are not a match, and it says both', () => {
    expect(typed('rue Saint-Jean, Vieux-Québec', 'boul. St-Jean, Pointe-Claire')).toEqual({
      verdict: 'different',
      matched: [],
      differed: ['municipality quebec / pointe-claire'],
      weakened: ['street rue st jean / boulevard st jean'],
    });
  });

  it('a rue and a boulevard of one name, no municipality named: neither a match nor a difference', () => {
    expect(typed('rue Saint-Jean', 'boul. St-Jean')).toEqual({
      verdict: 'unknown',
      matched: [],
      differed: [],
      weakened: ['street rue st jean / boulevard st jean'],
    });
    expect(typed('Saint-Jean Blvd', 'avenue Saint-Jean')).toMatchObject({
      weakened: ['street boulevard st jean / avenue st jean'],
    });
  });

  it('a rue and a boulevard of one name with civic numbers far apart are two spots; close numbers do not make them one', () => {
    expect(typed('1200 rue Saint-Jean', '4100 boul. Saint-Jean')).toEqual({
      verdict: 'different',
      matched: [],
      differed: ['number 1200 / 4100'],
      weakened: ['street rue st jean / boulevard st jean'],
    });
    expect(typed('1200 rue Saint-Jean', '1210 boul. Saint-Jean')).toEqual({
      verdict: 'unknown',
      matched: [],
      differed: [],
      weakened: ['street rue st jean / boulevard st jean'],
    });
  });

  it('reads a croissant as a kind of street', () => {
    expect(placeParts('12 croissant des Érables', 'typed').streets).toEqual([
      { name: 'erables', direction: null, kind: 'croissant', numbers: [12] },
    ]);
  });

  it('leaves out neighbourhood names that another municipality has too', () => {
    for (const place of [
      'rue Marie-Anne, Plateau',
      'Little Italy',
      'Quartier latin',
      'rue Principale, Mercier',
    ])
      expect(placeParts(place, 'typed').municipalities).toEqual([]);
    expect(placeParts('rue Rachel, Plateau-Mont-Royal', 'typed').municipalities).toEqual(['montreal']);
  });

  it('one street written in French and English, or with its kind on one side only, still matches', () => {
    expect(typed('rue Saint-Jean', 'St-Jean St')).toEqual({
      verdict: 'same',
      matched: ['street st jean'],
      differed: [],
      weakened: [],
    });
    expect(typed('boul. René-Lévesque Ouest', 'René-Lévesque Blvd W')).toMatchObject({
      verdict: 'same',
      weakened: [],
    });
    // "Ste-Catherine O." says no kind: it agrees with the rue.
    expect(typed('rue Sainte-Catherine Ouest', 'Ste-Catherine O.')).toMatchObject({
      verdict: 'same',
      matched: ['street st catherine'],
      weakened: [],
    });
    // Running text naming the rue agrees with the street typed in English.
    const text = placeParts('Deux gars sur la rue Notre-Dame vers 22 h', 'text');
    expect(comparePlaces(placeParts('Notre-Dame St W', 'typed'), text)).toMatchObject({
      verdict: 'same',
      matched: ['street notre dame'],
    });
  });

  it('a neighbourhood and its municipality, or two of its neighbourhoods, are not told apart', () => {
    expect(typed('rue Notre-Dame Ouest, Saint-Henri', 'Notre-Dame St W, Montreal')).toEqual({
      verdict: 'same',
      matched: ['municipality montreal', 'street notre dame'],
      differed: [],
      weakened: [],
    });
    expect(typed('rue Wellington, Verdun', 'Wellington St, Pointe-Saint-Charles')).toMatchObject({
      verdict: 'same',
      matched: ['municipality montreal', 'street wellington'],
    });
  });

  it('one side naming no municipality or no direction makes no difference', () => {
    expect(typed('rue Notre-Dame Ouest, Saint-Henri', 'rue Notre-Dame')).toEqual({
      verdict: 'same',
      matched: ['street notre dame'],
      differed: [],
      weakened: [],
    });
    expect(typed('rue Notre-Dame Ouest', 'rue Notre-Dame Est')).toMatchObject({ verdict: 'different' });
  });

  it('the same street in the same city a few doors apart is a match; across the city it is not', () => {
    expect(typed('1234 rue Ontario Est, Montréal', '1240 Ontario St E, Montreal')).toEqual({
      verdict: 'same',
      matched: ['municipality montreal', 'street ontario', 'number 1234 / 1240'],
      differed: [],
      weakened: [],
    });
    expect(typed('1234 rue Ontario Est, Montréal', '4200 Ontario St E, Montreal')).toMatchObject({
      verdict: 'different',
      differed: ['number 1234 / 4200'],
    });
  });

  it('one station or one corner named in two languages has nothing that differs', () => {
    expect(typed('métro Berri-UQAM', 'Berri-UQAM station')).toMatchObject({
      verdict: 'unknown',
      differed: [],
    });
    expect(typed('coin Ontario et Frontenac', 'Ontario St E & Frontenac')).toMatchObject({ differed: [] });
    expect(typed('Place-des-Arts', 'Place des Arts station')).toMatchObject({ differed: [] });
  });
});
