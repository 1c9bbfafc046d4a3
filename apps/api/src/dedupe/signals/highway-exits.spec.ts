import { compareHighways, highwayParts, namesAnExit } from './highway-exits';

const exitsOf = (text: string) => highwayParts(text).exits;

describe('highwayParts: highways and exits as tipsters write them', () => {
  it.each([
    ['A-40 sortie 73', 40, 73],
    ['autoroute 20, sortie 130', 20, 130],
    ['Accident sur la 40 est à la sortie 73, une auto dans le fossé', 40, 73],
    ['sortie 138 de l’autoroute 50', 50, 138],
    ['Hwy 20 exit 115', 20, 115],
    ['the gas station off exit 130 on the 20', 20, 130],
    ['Highway 401 exit #394 westbound', 401, 394],
    ['a40, sortie no 73', 40, 73],
  ])('reads %j', (text, highway, exit) => {
    expect(exitsOf(text)).toEqual([{ exit, highway }]);
  });

  it('reads an exit without its highway when the words do not say which', () => {
    expect(exitsOf('Tim Hortons, sortie 98')).toEqual([{ exit: 98, highway: null }]);
  });

  it('takes the only highway named for an exit named further on', () => {
    expect(
      exitsOf("J'étais sur l'autoroute 15 vers le nord depuis une demi-heure, juste avant la sortie 35"),
    ).toEqual([{ exit: 35, highway: 15 }]);
  });

  it.each([
    ['a distance', 'à 40 mètres de chez nous, vers 20 h'],
    ['a clock and a price', 'la 20 h, payé 40 $'],
    ['a metro exit without a number', 'à la sortie du métro Mont-Royal'],
    ['an age', 'a man in his 40s, the 20 year old'],
  ])('reads no exit in %s', (_what, text) => {
    expect(exitsOf(text)).toEqual([]);
    expect(namesAnExit(text)).toBe(false);
  });

  it('reads "la 40" as a highway only beside an exit', () => {
    expect(highwayParts('On a pris la 40 jusqu’au bout').highways).toEqual([]);
    expect(highwayParts('autoroute 40 direction est').highways).toEqual([40]);
  });
});

describe('compareHighways', () => {
  const compare = (a: string, b: string) => compareHighways(highwayParts(a), highwayParts(b));

  it('one exit in two languages is a match, saying which', () => {
    expect(compare('A-40 direction est, sortie 73', 'Highway 40 eastbound near exit 73')).toEqual({
      matched: ['highway 40', 'exit 73'],
      differed: [],
    });
    expect(compare('Ultramar sortie 130', 'Ultramar, Hwy 20 exit 130')).toEqual({
      matched: ['highway 20', 'exit 130'],
      differed: [],
    });
  });

  it('the same exit number on two highways is two places', () => {
    expect(compare('autoroute 40 sortie 98', 'autoroute 20, sortie 98')).toEqual({
      matched: [],
      differed: ['highway 40 / 20'],
    });
  });

  it('two exits of one highway are two places; the next one along is the same interchange', () => {
    expect(compare('A-20 sortie 98', 'Hwy 20 exit 115')).toEqual({
      matched: [],
      differed: ['exit 98 / 115'],
    });
    expect(compare('A-20 sortie 98', 'Hwy 20 exit 99').matched).toEqual(['highway 20', 'exit 98']);
  });

  it('two highways without exits differ only when none is common; nothing named, nothing said', () => {
    expect(compare('autoroute 13', 'Hwy 40')).toEqual({ matched: [], differed: ['highway 13 / 40'] });
    expect(compare('autoroute 40', 'Hwy 40, near Repentigny')).toEqual({ matched: [], differed: [] });
    expect(compare('Gare Centrale', 'Hwy 40 exit 73')).toEqual({ matched: [], differed: [] });
  });
});

describe('numbered routes', () => {
  it('reads "route 132" and not "en route 2 heures"', () => {
    expect(highwayParts('Route 132 à la sortie de Varennes').highways).toEqual([132]);
    expect(highwayParts('il était en route 2 heures plus tard').highways).toEqual([]);
  });
});
