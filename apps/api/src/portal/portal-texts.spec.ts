import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pageLanguage, PortalTexts } from './portal-texts';

function catalogue(fr: object, en: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-texts-'));
  writeFileSync(join(dir, 'fr.json'), JSON.stringify(fr));
  writeFileSync(join(dir, 'en.json'), JSON.stringify(en));
  return dir;
}

describe('PortalTexts', () => {
  const texts = new PortalTexts(
    catalogue(
      { a: { hello: 'Bonjour {{name}}', files_one: '{{count}} fichier', files_other: '{{count}} fichiers' } },
      { a: { hello: 'Hello {{name}}', files_one: '{{count}} file', files_other: '{{count}} files' } },
    ),
  );

  it('fills placeholders and picks the plural form of each language', () => {
    expect(texts.t('fr', 'a.hello', { name: 'Léa' })).toBe('Bonjour Léa');
    expect(texts.t('en', 'a.files', { count: 1 })).toBe('1 file');
    expect(texts.t('en', 'a.files', { count: 0 })).toBe('0 files');
    // In French, zero is singular.
    expect(texts.t('fr', 'a.files', { count: 0 })).toBe('0 fichier');
    expect(texts.t('fr', 'a.files', { count: 2 })).toBe('2 fichiers');
  });

  it('refuses a key that is not in the catalogue', () => {
    expect(() => texts.t('fr', 'a.missing')).toThrow(/a\.missing/);
    expect(texts.has('en', 'a.hello')).toBe(true);
    expect(texts.has('en', 'a')).toBe(false);
  });

  it('reads the portal’s real catalogue', () => {
    const real = new PortalTexts();
    expect(real.t('fr', 'tip.title')).toBe('Transmettre de l’information');
  });
});

describe('pageLanguage', () => {
  it('takes the link’s choice first, then the browser’s by weight, then French', () => {
    expect(pageLanguage('en', 'fr-CA')).toBe('en');
    expect(pageLanguage(undefined, 'en-CA,en;q=0.9,fr;q=0.8')).toBe('en');
    expect(pageLanguage(undefined, 'de-DE,fr;q=0.5,en;q=0.7')).toBe('en');
    expect(pageLanguage(undefined, 'es, fr-CA;q=0.3')).toBe('fr');
    expect(pageLanguage('xx', 'en;q=0')).toBe('fr');
    expect(pageLanguage(['en'], undefined)).toBe('fr');
  });
});
