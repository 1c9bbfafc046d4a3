import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type PageLanguage = 'fr' | 'en';
export const PAGE_LANGUAGES: readonly PageLanguage[] = ['fr', 'en'];

/**
 * The portal's own catalogue (`apps/portal/src/locales`), read by the pages the server renders without
 * JavaScript, so that a text is written once for both: the tip form's labels are the same words whether
 * React or the server draws them. (A deployment ships the locales beside the built portal: see the
 * Dockerfile.)
 */
export const LOCALES_DIR = join(__dirname, '..', '..', '..', 'portal', 'src', 'locales');

type Catalogue = Record<string, unknown>;

function load(lang: PageLanguage, dir: string): Catalogue {
  const file = join(dir, `${lang}.json`);
  if (!existsSync(file)) throw new Error(`The portal's catalogue is missing: ${file}`);
  return JSON.parse(readFileSync(file, 'utf8')) as Catalogue;
}

/** Texts by key, i18next's way: `{{name}}` placeholders and `_one` / `_other` plurals on `count`. */
export class PortalTexts {
  private readonly catalogues: Record<PageLanguage, Catalogue>;

  constructor(dir = LOCALES_DIR) {
    this.catalogues = { fr: load('fr', dir), en: load('en', dir) };
  }

  has(lang: PageLanguage, key: string): boolean {
    return typeof this.lookUp(lang, key) === 'string';
  }

  /** The text for `key`; a key missing from the catalogue is a bug, and says so. */
  t(lang: PageLanguage, key: string, vars: Record<string, string | number> = {}): string {
    let text = this.lookUp(lang, key);
    if (typeof vars.count === 'number') {
      const form = new Intl.PluralRules(lang === 'fr' ? 'fr-CA' : 'en-CA').select(vars.count);
      text = this.lookUp(lang, `${key}_${form}`) ?? this.lookUp(lang, `${key}_other`) ?? text;
    }
    if (typeof text !== 'string') throw new Error(`No text "${key}" in ${lang}.json`);
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
      name in vars ? String(vars[name]) : whole,
    );
  }

  private lookUp(lang: PageLanguage, key: string): unknown {
    let node: unknown = this.catalogues[lang];
    for (const part of key.split('.')) {
      if (!node || typeof node !== 'object') return undefined;
      node = (node as Catalogue)[part];
    }
    return node;
  }
}

/**
 * The language of a page drawn without JavaScript: the link's `?lang=`, else the browser's first choice
 * among French and English (Accept-Language, by weight), else French.
 */
export function pageLanguage(lang: unknown, acceptLanguage: string | undefined): PageLanguage {
  if (lang === 'fr' || lang === 'en') return lang;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = Number(/^\s*q=([\d.]+)\s*$/.exec(params.find((p) => p.includes('q=')) ?? '')?.[1] ?? 1);
      return { base: tag.split('-')[0], q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.q > 0 && (entry.base === 'fr' || entry.base === 'en'))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return (ranked[0]?.base as PageLanguage | undefined) ?? 'fr';
}
