import { findAddresses } from './addresses';
import { readings } from './spec-support';

const addresses = (text: string) => readings(text, findAddresses(text));

describe('findAddresses', () => {
  it.each([
    ['Je l’ai vu au 1234 rue Ontario Est vers midi', '1234 ontario st e', '1234 rue Ontario Est'],
    ['I saw him at 1234 Ontario St E around noon', '1234 ontario st e', '1234 Ontario St E'],
    ['at 1234 Ontario Street East.', '1234 ontario st e', '1234 Ontario Street East'],
    ['au 1234, rue ontario est, en face', '1234 ontario st e', '1234, rue ontario est'],
    ['45 av. du Parc, près du métro', '45 parc ave', '45 av. du Parc'],
    ['12 chemin de la Côte-des-Neiges', '12 cote des neiges rd', '12 chemin de la Côte-des-Neiges'],
    ['12 Côte-des-Neiges Road', '12 cote des neiges rd', '12 Côte-des-Neiges Road'],
    ['1234 boul. Saint-Laurent', '1234 saint laurent blvd', '1234 boul. Saint-Laurent'],
    ['1234 St-Laurent Blvd', '1234 saint laurent blvd', '1234 St-Laurent Blvd'],
    ['8 rue d’Iberville', '8 iberville st', '8 rue d’Iberville'],
    ['300 3e Avenue, Verdun', '300 3 ave', '300 3e Avenue'],
    ['300 3rd Avenue', '300 3 ave', '300 3rd Avenue'],
    ['55 promenade Sussex', '55 sussex dr', '55 promenade Sussex'],
  ])('reads %j', (text, value, written) => {
    expect(addresses(text)).toEqual([[value, written]]);
  });

  it('stops a street name at the words that follow it', () => {
    expect(addresses('au 1234 rue Ontario vers 14 h avec un ami')).toEqual([
      ['1234 ontario st', '1234 rue Ontario'],
    ]);
    expect(addresses('at 10 Main Street and then')).toEqual([['10 main st', '10 Main Street']]);
  });

  it.each([
    ['a price', 'Il a payé 45 $ rue Ontario'],
    ['the end of a French time', 'vers 14 h 30 rue Ontario'],
    ['the end of a clock', 'à 2:30 rue Ontario'],
    ['a distance', 'à 200 m de la rue Ontario'],
    ['a count of streets', '2 rues plus loin'],
    ['lower-case English words', 'the 2 guys on main street'],
    ['a postal code', 'H2X 1Y4'],
  ])('does not take %s for an address', (_what, text) => {
    expect(addresses(text)).toEqual([]);
  });
});
