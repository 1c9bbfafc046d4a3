import { findPersonNames } from './person-names';
import { readings } from './spec-support';

const names = (text: string) => readings(text, findPersonNames(text));

describe('findPersonNames', () => {
  it.each([
    ['Le gars, il s’appelle Marc-André Gagnon, je pense', 'marc-andre gagnon', 'Marc-André Gagnon'],
    ["Elle s'appelle Julie.", 'julie', 'Julie'],
    ['Son nom est Kevin Roy et il', 'kevin roy', 'Kevin Roy'],
    ['une femme prénommée Léa', 'lea', 'Léa'],
    ['His name is Marc-Andre Gagnon, I think', 'marc-andre gagnon', 'Marc-Andre Gagnon'],
    ['a guy named Kevin Roy. He ran', 'kevin roy', 'Kevin Roy'],
    ['she goes by Jules on the street', 'jules', 'Jules'],
  ])('reads %j', (text, value, written) => {
    expect(names(text)).toEqual([[value, written]]);
  });

  it.each([
    ["C'est Kevin Bouchard sur la vidéo, je le connais", 'kevin bouchard', 'Kevin Bouchard'],
    ["Je pense que c'est Marie-Ève Gagnon, elle habite", 'marie-eve gagnon', 'Marie-Ève Gagnon'],
    ["Le gars du vol c'était Steve Lapointe.", 'steve lapointe', 'Steve Lapointe'],
    ['un dénommé Réjean Roy', 'rejean roy', 'Réjean Roy'],
    ["It's Kevin Roy from Verdun", 'kevin roy', 'Kevin Roy'],
    ['The man in your video is Jonathan Pelletier. He lives', 'jonathan pelletier', 'Jonathan Pelletier'],
    ['pretty sure that was Léa Tremblay at the mall', 'lea tremblay', 'Léa Tremblay'],
    ['he looks like Daniel Côté, my neighbour', 'daniel cote', 'Daniel Côté'],
    ['a guy called Kevin Roy', 'kevin roy', 'Kevin Roy'],
    ["it's Jonathan Pelletier's car", 'jonathan pelletier', 'Jonathan Pelletier'],
  ])('reads a name introduced by a copula or a common phrase: %j', (text, value, written) => {
    expect(names(text)).toEqual([[value, written]]);
  });

  it('reads one person named in French and in English as one value', () => {
    expect(findPersonNames('il s’appelle Marc-André Gagnon')[0].value).toBe(
      findPersonNames('his name is Marc-Andre Gagnon')[0].value,
    );
  });

  it.each([
    ['a capitalised word not introduced as a name', 'Marc-André Gagnon était là'],
    ['a name not given', 'je ne sais pas comment il s’appelle'],
    ['lower case after the words', 'his name is unknown to me, named after a street'],
    ['a call', 'he called Kevin'],
    ['a call to a full name', 'he called Kevin Roy yesterday'],
    ['a place after "c’est"', "C'est Place Versailles, près du métro"],
    ['a chain after "it’s"', "It's Tim Hortons on the corner"],
    ['a metro station named after a person', "c'est Lionel Groulx, la station"],
    ['a given name alone after "c’est"', "C'est Kevin, mon voisin"],
    ['capitalised words that are not a given name', 'the car was Honda Civic, I think; it is Saint Denis'],
    ['a name in lower case', "c'est kevin bouchard"],
    ['a direction after a street', 'rue Ontario Est Kevin Bouchard'],
  ])('does not take %s for a name', (_what, text) => {
    expect(names(text)).toEqual([]);
  });
});
