import { findPhones } from './phones';
import { readings } from './spec-support';

const phones = (text: string) => readings(text, findPhones(text));

describe('findPhones', () => {
  it.each([
    ['Appelez-le au 514 555-0199 svp', '+15145550199', '514 555-0199'],
    ['son cell: (438) 555 0123.', '+14385550123', '(438) 555 0123'],
    ['call 1-800-555-0199 anytime', '+18005550199', '1-800-555-0199'],
    ['his number is 514.555.0199', '+15145550199', '514.555.0199'],
    ['texted from 5145550199', '+15145550199', '5145550199'],
    ['un numéro français +33 6 12 34 56 78', '+33612345678', '+33 6 12 34 56 78'],
  ])('reads %j in E.164', (text, value, written) => {
    expect(phones(text)).toEqual([[value, written]]);
  });

  it('reads the same number written in French and in English as one value', () => {
    expect(findPhones('au 514 555-0199')[0].value).toBe(findPhones('at +1 (514) 555 0199')[0].value);
  });

  it.each([
    ['a price', 'Il a payé 45 $, puis 1 500 000 $'],
    ['times', 'vers 14 h 30, at 2:30, 21:45'],
    ['dates', 'le 2026-12-07, 07/12/2026, December 7, 2026'],
    ['a postal code', 'H2X 1Y4'],
    ['a tip code', 'K7QM-2XH9'],
    ['a civic address', 'au 1234 rue Ontario Est'],
    ['too few digits', 'call 555-0199'],
  ])('does not take %s for a phone number', (_what, text) => {
    expect(phones(text)).toEqual([]);
  });
});
