import { readings } from './spec-support';
import { findEmails, findHandles, findUrls } from './web-identifiers';

describe('findEmails', () => {
  it.each([
    ['Écrivez à Jean.Tremblay@Exemple.CA svp', 'jean.tremblay@exemple.ca', 'Jean.Tremblay@Exemple.CA'],
    [
      'his e-mail is kev_99+tips@mail.example.com.',
      'kev_99+tips@mail.example.com',
      'kev_99+tips@mail.example.com',
    ],
  ])('reads %j', (text, value, written) => {
    expect(readings(text, findEmails(text))).toEqual([[value, written]]);
  });

  it.each([
    ['a handle', 'suivez @jean_t'],
    ['an at sign alone', 'rendez-vous @ 14 h'],
    ['no domain', 'jean@localhost'],
  ])('does not take %s for an e-mail', (_what, text) => {
    expect(findEmails(text)).toEqual([]);
  });
});

describe('findUrls', () => {
  it('reads a link without its tracking, its www and its closing punctuation', () => {
    const text = 'Voir https://www.Facebook.com/jean.tremblay/?fbclid=IwAR0x).';
    expect(readings(text, findUrls(text))).toEqual([
      ['facebook.com/jean.tremblay', 'https://www.Facebook.com/jean.tremblay/?fbclid=IwAR0x'],
      ['@jean.tremblay', 'https://www.Facebook.com/jean.tremblay/?fbclid=IwAR0x'],
    ]);
  });

  it('reads a social link pasted without a scheme, and its account as a handle', () => {
    const text = 'his account: tiktok.com/@kev.mtl/video/123';
    expect(findUrls(text).map((o) => [o.kind, o.value])).toEqual([
      ['URL', 'tiktok.com/@kev.mtl/video/123'],
      ['HANDLE', '@kev.mtl'],
    ]);
  });

  it('keeps what a link points to and reads no account in a post link', () => {
    const text = 'www.youtube.com/watch?v=abc123&si=share';
    expect(findUrls(text).map((o) => [o.kind, o.value])).toEqual([['URL', 'youtube.com/watch?v=abc123']]);
  });

  it.each([
    ['a sentence ending a word with a dot', 'Il est parti.Ensuite rien'],
    ['a time', '14.30'],
  ])('does not take %s for a link', (_what, text) => {
    expect(findUrls(text)).toEqual([]);
  });
});

describe('findHandles', () => {
  it.each([
    ['Il publie sous @Kev_MTL.', '@kev_mtl', '@Kev_MTL'],
    ['she posts as @julie.b on Instagram', '@julie.b', '@julie.b'],
  ])('reads %j', (text, value, written) => {
    expect(readings(text, findHandles(text))).toEqual([[value, written]]);
  });

  it.each([
    ['the middle of an e-mail', 'jean@exemple.ca'],
    ['a lone at sign', 'à @ 14 h'],
    ['digits only', '@1234'],
  ])('does not take %s for a handle', (_what, text) => {
    expect(findHandles(text)).toEqual([]);
  });
});
