import { findVehicles } from './vehicles';
import { readings } from './spec-support';

const vehicles = (text: string) => readings(text, findVehicles(text));

describe('findVehicles', () => {
  it.each([
    ['une Honda Civic grise, vitres teintées', 'honda civic grey', 'Honda Civic grise'],
    ['a grey Honda Civic, tinted windows', 'honda civic grey', 'grey Honda Civic'],
    ['un Toyota RAV4 de couleur noire', 'toyota rav4 black', 'Toyota RAV4 de couleur noire'],
    ['a black Ford F-150', 'ford f150 black', 'black Ford F-150'],
    ['une Mazda rouge', 'mazda red', 'Mazda rouge'],
    ['a silver VW Jetta', 'volkswagen jetta silver', 'silver VW Jetta'],
    ['un chevy silverado blanc', 'chevrolet silverado white', 'chevy silverado blanc'],
  ])('reads %j', (text, value, written) => {
    expect(vehicles(text)).toEqual([[value, written]]);
  });

  it('reads a French and an English description of one car as one value', () => {
    expect(findVehicles('Nissan Rogue bleue')[0].value).toBe(findVehicles('blue Nissan Rogue')[0].value);
  });

  it.each([
    ['a make alone', 'il conduisait une Honda'],
    ['an actor', 'a film with Harrison Ford'],
    ['a make that is a word', 'the ram in the field, a Dodge ball'],
    ['a colour alone', 'une voiture grise'],
  ])('does not take %s for a vehicle', (_what, text) => {
    expect(vehicles(text)).toEqual([]);
  });
});
