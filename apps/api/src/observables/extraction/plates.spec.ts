import { findPlates } from './plates';
import { readings } from './spec-support';

const plates = (text: string) => readings(text, findPlates(text));

describe('findPlates', () => {
  it.each([
    ['Une Civic grise, plaque FXK 482, roulait vite', 'FXK482', 'FXK 482'],
    ['immatriculée fxk-482 au Québec', 'FXK482', 'fxk-482'],
    ['La voiture FXK482 est repartie vers le nord', 'FXK482', 'FXK482'],
    ['Québec, ancien format 123 ABC', '123ABC', '123 ABC'],
    ['plaque du Québec A12 BCD', 'A12BCD', 'A12 BCD'],
    ['Ontario plate CBDA 123 on a grey van', 'CBDA123', 'CBDA 123'],
    ['Alberta plate BXR-4821', 'BXR4821', 'BXR-4821'],
    ['a BC plate AB1 23C', 'AB123C', 'AB1 23C'],
    ['California plate 7ABC123 on the truck', '7ABC123', '7ABC123'],
    ['the licence was ab 1234, partly hidden', 'AB1234', 'ab 1234'],
    ['old Quebec tag ZX123 (five characters)', 'ZX123', 'ZX123'],
    ['a plate whose letters spell a month: MAR 123', 'MAR123', 'MAR 123'],
  ])('reads %j', (text, value, written) => {
    expect(plates(text)).toEqual([[value, written]]);
  });

  it('reads the same plate written three ways as one value', () => {
    const values = ['FXK 482', 'fxk-482 (plaque)', 'FXK482'].map((t) => findPlates(`plaque ${t}`)[0]?.value);
    expect(values).toEqual(['FXK482', 'FXK482', 'FXK482']);
  });

  it.each([
    ['a price', 'Il a payé 45 $ pour 2 billets, 1 500 000 $ en tout'],
    ['a French time', 'vers 14 h 30 ou 14H30'],
    ['an English time', 'around 2:30 PM'],
    ['a date', 'le 2026-12-07, or 7 DEC 2026'],
    ['a postal code', 'près du H2X 1Y4, code postal H2X1Y4'],
    ['a tip code', 'mon code est K7QM-2XH9'],
    ['a model and a year', 'a COVID-19 test, a BMW X5, a Ford F-150, an ES350'],
    ['lower-case words unannounced', 'the rav 4 and abc 123 are fine'],
    ['a highway', "sur l'A-40 à la sortie 73"],
    ['a handle', 'écrit par @FXK482'],
    ['a plate word announced far back in another clause', 'Sa plaque était cachée. Au 1234 RUE Ontario'],
  ])('does not take %s for a plate', (_what, text) => {
    expect(plates(text)).toEqual([]);
  });
});
