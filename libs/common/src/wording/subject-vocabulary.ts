import type { LocalizedTextDto } from '../dtos/localized-text.dto';
import type { PublicLang } from './appeal-wording';

type Both = Record<PublicLang, string>;

/**
 * Controlled vocabularies for a person's description, each term written in both languages, so a
 * French page never says "Cheveux : Brown". Terms follow the FBI Wanted API and NamUs (hair, eyes)
 * and Statistics Canada's population groups (ethnicity); French agrees with "cheveux", "yeux" and
 * "corpulence". Anything the lists do not hold goes in the subject's localized `description`.
 */
export const HAIR_COLOURS = {
  BLACK: { fr: 'Noirs', en: 'Black' },
  BROWN: { fr: 'Bruns', en: 'Brown' },
  LIGHT_BROWN: { fr: 'Châtains', en: 'Light brown' },
  BLOND: { fr: 'Blonds', en: 'Blond' },
  RED: { fr: 'Roux', en: 'Red' },
  AUBURN: { fr: 'Auburn', en: 'Auburn' },
  GREY: { fr: 'Gris', en: 'Grey' },
  SALT_AND_PEPPER: { fr: 'Poivre et sel', en: 'Salt and pepper' },
  WHITE: { fr: 'Blancs', en: 'White' },
  BALD: { fr: 'Chauve', en: 'Bald' },
} as const satisfies Record<string, Both>;

export const EYE_COLOURS = {
  BLACK: { fr: 'Noirs', en: 'Black' },
  BROWN: { fr: 'Bruns', en: 'Brown' },
  HAZEL: { fr: 'Noisette', en: 'Hazel' },
  GREEN: { fr: 'Verts', en: 'Green' },
  BLUE: { fr: 'Bleus', en: 'Blue' },
  GREY: { fr: 'Gris', en: 'Grey' },
} as const satisfies Record<string, Both>;

export const BUILDS = {
  SLIM: { fr: 'Mince', en: 'Slim' },
  MEDIUM: { fr: 'Moyenne', en: 'Medium' },
  ATHLETIC: { fr: 'Athlétique', en: 'Athletic' },
  STOCKY: { fr: 'Trapue', en: 'Stocky' },
  HEAVY: { fr: 'Forte', en: 'Heavy' },
} as const satisfies Record<string, Both>;

export const ETHNICITIES = {
  WHITE: { fr: 'Blanc', en: 'White' },
  BLACK: { fr: 'Noir', en: 'Black' },
  INDIGENOUS: { fr: 'Autochtone', en: 'Indigenous' },
  EAST_ASIAN: { fr: 'Asiatique de l’Est', en: 'East Asian' },
  SOUTH_ASIAN: { fr: 'Sud-Asiatique', en: 'South Asian' },
  SOUTHEAST_ASIAN: { fr: 'Asiatique du Sud-Est', en: 'Southeast Asian' },
  ARAB_WEST_ASIAN: { fr: 'Arabe ou Asiatique occidental', en: 'Arab or West Asian' },
  LATIN_AMERICAN: { fr: 'Latino-Américain', en: 'Latin American' },
  MIXED: { fr: 'Origines multiples', en: 'Mixed origins' },
} as const satisfies Record<string, Both>;

export type HairColour = keyof typeof HAIR_COLOURS;
export type EyeColour = keyof typeof EYE_COLOURS;
export type Build = keyof typeof BUILDS;
export type Ethnicity = keyof typeof ETHNICITIES;

/** Languages offered in the editor (ISO 639-1): Canada's most spoken; names come from Intl in each language. */
export const SPOKEN_LANGUAGES = [
  'fr',
  'en',
  'es',
  'ar',
  'zh',
  'pa',
  'tl',
  'it',
  'de',
  'pt',
  'vi',
  'ru',
  'uk',
  'pl',
  'ht',
  'fa',
  'ur',
  'hi',
  'ta',
  'ko',
  'el',
  'ro',
  'tr',
  'so',
  'iu',
  'cr',
] as const;

/** Names some browsers' trimmed locale data lacks (Chromium has no French name for Cree or Inuktitut). */
const LANGUAGE_NAMES: Record<string, Both> = {
  iu: { fr: 'inuktitut', en: 'Inuktitut' },
  cr: { fr: 'cri', en: 'Cree' },
};

/** A language's name in the reader's language: "anglais", "English". The code itself if unknown. */
export function languageName(code: string, lang: PublicLang): string {
  const own = LANGUAGE_NAMES[code]?.[lang];
  if (own) return own;
  try {
    return new Intl.DisplayNames([lang === 'fr' ? 'fr-CA' : 'en-CA'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The term for a code in one language, or '' for a code not in the list. */
export function termLabel(
  vocabulary: Record<string, Both>,
  code: string | undefined,
  lang: PublicLang,
): string {
  return (code && vocabulary[code]?.[lang]) || '';
}

/** The words of a person's description that take a vocabulary, with their list and their heading. */
export const DESCRIPTION_TERMS = [
  { field: 'race', vocabulary: ETHNICITIES, label: { fr: 'Origine ethnique', en: 'Ethnicity' } },
  { field: 'hair', vocabulary: HAIR_COLOURS, label: { fr: 'Cheveux', en: 'Hair' } },
  { field: 'eyes', vocabulary: EYE_COLOURS, label: { fr: 'Yeux', en: 'Eyes' } },
  { field: 'build', vocabulary: BUILDS, label: { fr: 'Corpulence', en: 'Build' } },
] as const;

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();

const FRENCH_HINTS =
  /[àâçéèêëîïôûùüÿœ]|\b(noirs?|bruns?|blancs?|gris|courts?|longs?|chatains?|roux|bleus?|verts?|mince|forte|moyenne|anglais|francais|espagnol|cheveux|yeux|et)\b/i;

/** A value written before the vocabularies, in the language the appeal suggests. */
function guessLanguage(text: string, only?: PublicLang): PublicLang {
  if (only) return only;
  return FRENCH_HINTS.test(text) ? 'fr' : 'en';
}

/** The code whose French or English term (or English "gray") is the value, if any. */
function matchTerm(vocabulary: Record<string, Both>, value: string): string | undefined {
  const folded = fold(value).replace(/^gray$/, 'grey');
  const singular = folded.replace(/s$/, '');
  return Object.keys(vocabulary).find((code) =>
    [vocabulary[code].fr, vocabulary[code].en].some((term) => {
      const t = fold(term);
      return t === folded || t.replace(/s$/, '') === singular;
    }),
  );
}

/** A subject as stored: legacy free text in `race`, `hair`, `eyes`, `build` or `languages`. */
export interface SubjectDescriptionFields {
  race?: string;
  hair?: string;
  eyes?: string;
  build?: string;
  languages?: string[];
  description?: LocalizedTextDto;
}

/**
 * Reads a subject written before the vocabularies existed ("Brown, shoulder length", "Blancs,
 * courts", languages "French, English"): a value whose first words are a term becomes its code,
 * and what is left is kept, readable, in the localized `description`, in the language it was
 * written in ("Cheveux : courts"). Values already coded pass unchanged. Used by the migration of
 * working copies and when reading published versions, which are kept as they were published.
 */
export function normalizeSubjectDescription<T extends SubjectDescriptionFields>(
  subject: T,
  only?: PublicLang,
): T {
  const out: T = { ...subject };
  const extra: Record<PublicLang, string[]> = { fr: [], en: [] };
  for (const { field, vocabulary, label } of DESCRIPTION_TERMS) {
    const value = subject[field];
    if (typeof value !== 'string' || !value.trim() || value in vocabulary) continue;
    const [first, ...rest] = value.split(',');
    const code = matchTerm(vocabulary, first);
    const leftover = (code ? rest.join(',') : value).trim();
    if (code) out[field] = code;
    else delete out[field];
    if (leftover) {
      const lang = guessLanguage(value, only);
      extra[lang].push(`${label[lang]}${lang === 'fr' ? ' : ' : ': '}${leftover}`);
    }
  }
  if (subject.languages?.length) {
    const codes: string[] = [];
    for (const value of subject.languages) {
      if ((SPOKEN_LANGUAGES as readonly string[]).includes(value)) {
        codes.push(value);
        continue;
      }
      const code = SPOKEN_LANGUAGES.find((c) =>
        (['fr', 'en'] as const).some((l) => fold(languageName(c, l)) === fold(value)),
      );
      if (code) codes.push(code);
      else {
        const lang = guessLanguage(value, only);
        extra[lang].push(`${lang === 'fr' ? 'Langue : ' : 'Language: '}${value}`);
      }
    }
    out.languages = codes;
  }
  if (extra.fr.length || extra.en.length) {
    const description: LocalizedTextDto = { ...(subject.description ?? {}) };
    for (const lang of ['fr', 'en'] as const) {
      if (extra[lang].length)
        description[lang] = [description[lang], ...extra[lang]].filter(Boolean).join('\n');
    }
    out.description = description;
  }
  return out;
}

/** The appeal's one language when it was written in only one (then every text of it is in that one). */
export function onlyLanguage(title: LocalizedTextDto): PublicLang | undefined {
  const fr = Boolean(title.fr?.trim());
  const en = Boolean(title.en?.trim());
  return fr && !en ? 'fr' : en && !fr ? 'en' : undefined;
}
