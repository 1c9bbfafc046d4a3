import { statedClock } from './stated-clock';

describe('statedClock', () => {
  it.each([
    ['Vers 14 h, j’ai vu une adolescente', [14], 0],
    ['J’ai aperçu un homme au métro vers 9h05.', [9], 5],
    ['autour de 21 h 30 : un homme qui courait', [21], 30],
    ['Around 2 p.m., I saw a teenage girl', [14], 0],
    ['at about 11:45 a.m. near the park', [11], 45],
    ['I saw him at 7PM by the market', [19], 0],
    ['at 12 a.m. exactly', [0], 0],
    ['seen at 12:15 p.m.', [12], 15],
    ['it was 18:20 at the station', [18], 20],
    ['Vers midi devant la gare', [12], 0],
    ['around midnight', [0], 0],
    ['Cet après-midi vers 15h30 devant chez Simons', [15], 30],
    ['cet apres midi, vers 4 p.m.', [16], 0],
    ["Dans l'avant-midi, vers 10 h 15", [10], 15],
    ['this afternoon around 3:30 p.m.', [15], 30],
  ])('reads the clock in %j', (text, hours, minute) => {
    expect(statedClock(text)).toEqual({ hours, minute, daysBack: 0 });
  });

  it('keeps both readings of a 12-hour clock without a.m. or p.m.', () => {
    expect(statedClock('I saw her around 2:30 by the bus stop')).toEqual({
      hours: [2, 14],
      minute: 30,
      daysBack: 0,
    });
  });

  it('reads yesterday, in French and English', () => {
    expect(statedClock('Hier vers 22 h, rue Saint-Denis')?.daysBack).toBe(1);
    expect(statedClock('Yesterday at 3 p.m. on Main Street')?.daysBack).toBe(1);
  });

  it('reads the clock beside a duration', () => {
    expect(statedClock('Il y a 2 h, vers 21 h 15, un homme courait')).toMatchObject({
      hours: [21],
      minute: 15,
    });
  });

  it('takes the first clock in the text', () => {
    expect(statedClock('Vers 14 h, puis encore à 16 h 10')).toMatchObject({ hours: [14], minute: 0 });
    expect(statedClock('At 3 p.m. and again at 16:10')).toMatchObject({ hours: [15], minute: 0 });
  });

  it.each([
    'A-40 sortie 73, une voiture grise',
    'Highway 40 exit 73',
    "l'autobus 55 vers le nord",
    'il y avait 14 hommes',
    'a 2019 Honda Civic, plate ABC 123',
    'version 1.2:30 of the app',
    'Is this him?',
    'at 25 h',
    'at 13 p.m.',
    'Je l’ai vu il y a 2 h près du parc',
    'il attend depuis 2 h devant la porte',
    'la voiture est restée pendant 1 h',
    'he waited for 2 h outside',
    'I saw him 2 h ago',
    'cet après-midi, au parc',
    "dans l'avant-midi",
    'this afternoon',
  ])('finds no clock in %j', (text) => {
    expect(statedClock(text)).toBeNull();
  });
});
