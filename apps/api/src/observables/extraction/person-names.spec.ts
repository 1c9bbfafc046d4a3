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
  ])('does not take %s for a name', (_what, text) => {
    expect(names(text)).toEqual([]);
  });
});
