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
    ["son insta c'est kev.bouchard, il poste tout", '@kev.bouchard', 'kev.bouchard'],
    ["Sur Snapchat, son snap c'est dany.b450.", '@dany.b450', 'dany.b450'],
    ['goes by "jopel514" on Instagram', '@jopel514', 'jopel514'],
    ['he is on TikTok as mathgendron_mtl', '@mathgendron_mtl', 'mathgendron_mtl'],
    ['check the TikTok account mathgendron_mtl, the guy', '@mathgendron_mtl', 'mathgendron_mtl'],
    ['IG: julie.b_99', '@julie.b_99', 'julie.b_99'],
  ])('reads an account written without its @ beside the network: %j', (text, value, written) => {
    expect(readings(text, findHandles(text))).toEqual([[value, written]]);
  });

  it('reads an account once when it has its @ and the network is named', () => {
    expect(findHandles('sur Instagram @Kev.Bouchard').map((h) => h.value)).toEqual(['@kev.bouchard']);
  });

  it.each([
    ['the middle of an e-mail', 'jean@exemple.ca'],
    ['a lone at sign', 'à @ 14 h'],
    ['digits only', '@1234'],
    ['a bare account with no network named', "c'est kev.bouchard qui l'a fait"],
    ['a plain word beside a network', 'il est sur Instagram sous son vrai nom'],
    ['a clock beside a network', 'vu sur Facebook vers 14h30'],
    ['a year and a price', 'sur Marketplace Facebook en 2024 pour 40.50'],
    ['a product beside a network', 'Facebook Marketplace, un iPhone13 à vendre'],
    ['a file and a domain', 'sur Insta, IMG_2041.jpg, voir tiktok.com'],
    ['a network named in another sentence', 'Je l’ai vu sur TikTok. Ensuite kev99 est venu'],
  ])('does not take %s for a handle', (_what, text) => {
    expect(findHandles(text)).toEqual([]);
  });
});
