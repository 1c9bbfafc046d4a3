/*
 * How a place's name is written, reduced to one form so that a gazetteer entry and a tipster's
 * words meet: lower case, no accents, "Saint"/"Ste"/"St-" one word, ordinals as numbers ("1re",
 * "1st", "first" are 1), the kind of street dropped ("rue Jarry" is "Jarry St" is "jarry"). A
 * place's key is its words in alphabetical order, so "Centre Eaton" and "Eaton Centre" are one key;
 * an intersection's key is its two streets' keys, sorted, so "Jarry / St-Hubert" is "coin
 * Saint-Hubert et Jarry". Names are looked up as they are written: what tipsters call a place in
 * each language is the gazetteer's business (its names and aliases), not guessed here. The kinds of
 * street are street-kinds.ts's, shared with the duplicate signals.
 */

import { streetKindOf } from './street-kinds';

const DIRECTIONS = new Set([
  'ouest',
  'west',
  'w',
  'o',
  'est',
  'east',
  'e',
  'nord',
  'north',
  'n',
  'sud',
  'south',
  's',
]);
const SAINTS = new Set(['saint', 'sainte', 'ste', 'st', 'sts', 'saints']);
const SMALL = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'l', 'd', 'the', 'of', 'a', 'au', 'aux']);
const ORDINAL_WORDS: Record<string, string> = {
  premier: '1',
  premiere: '1',
  first: '1',
  deuxieme: '2',
  second: '2',
  troisieme: '3',
  third: '3',
  quatrieme: '4',
  fourth: '4',
  cinquieme: '5',
  fifth: '5',
};

/**
 * Words between which two streets of a corner are written: "X et Y", "X / Y", "corner of X and Y",
 * "X at Y"; and "X near Y", "X près de Y": a street near a cross street is that corner's block.
 */
const CORNER_WORDS = new Set([
  'et',
  'and',
  '/',
  '&',
  'coin',
  'angle',
  'corner',
  'at',
  'intersection',
  '@',
  'near',
  'pres',
]);
/** A name of a street is at most this many words ("Côte-des-Neiges", "Notre-Dame-de-Grâce"). */
const MAX_NAME_WORDS = 4;

/** Lower-case words without accents; "/", "&" and "@" kept as words of their own. */
export function words(text: string): string[] {
  return text
    .replace(/['’]s\b/g, 's')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/([/&@])/g, ' $1 ')
    .replace(/[^\p{L}\p{N}/&@]+/gu, ' ')
    .split(' ')
    .filter(Boolean)
    .map((w) =>
      SAINTS.has(w)
        ? 'st'
        : (ORDINAL_WORDS[w] ?? w.replace(/^(\d{1,3})(?:re|er|e|eme|ere|st|nd|rd|th)$/, '$1')),
    );
}

/**
 * A street's name in one form: "rue Saint-Hubert" and "St-Hubert St" are "st hubert", "1re Avenue"
 * and "1st Ave" are "1", "Mont-Royal Ave E" is "mont royal". Null when nothing names a street.
 */
export function streetKey(name: string): string | null {
  const w = words(name);
  // "st" after a name and at the end (or before a direction) is the English word for street.
  const kept = w.filter((x, i) => {
    if (streetKindOf(x) || SMALL.has(x)) return false;
    if (DIRECTIONS.has(x) && i > 0) return false;
    if (x === 'st' && i > 0 && (i === w.length - 1 || DIRECTIONS.has(w[i + 1]))) return false;
    return true;
  });
  // A street called by its number alone ("1re Avenue") keeps the number; other names need a letter.
  if (kept.length === 0) return null;
  return kept.join(' ');
}

/** An intersection's key: its two streets, sorted. */
export function intersectionKey(a: string, b: string): string | null {
  const [x, y] = [streetKey(a), streetKey(b)];
  if (!x || !y || x === y) return null;
  return `x:${[x, y].sort().join('|')}`;
}

/**
 * A named place's key: its words without the small ones, in alphabetical order ("Gare Centrale"
 * "centrale gare"). One word names too much ("Jarry" is a street, a park and a station): a key
 * needs two.
 */
export function placeKey(name: string): string | null {
  const w = words(name).filter((x) => !SMALL.has(x) && !/^[/&@]$/.test(x));
  if (w.length < 2) return null;
  return `p:${[...w].sort().join(' ')}`;
}

/**
 * Every key a text could match: each run of two to six words as a place, and on each side of a
 * corner word, each run of one to four words as a street of an intersection ("…au coin de Beaubien
 * et 1re Avenue…" gives "1|beaubien" among others). The lookup then keeps those the gazetteer has.
 */
export function mentionKeys(text: string): string[] {
  const w = words(text);
  const keys = new Set<string>();
  for (let i = 0; i < w.length; i++)
    for (let n = 2; n <= 6 && i + n <= w.length; n++) {
      const key = placeKey(w.slice(i, i + n).join(' '));
      if (key) keys.add(key);
    }
  for (let i = 0; i < w.length; i++) {
    if (!CORNER_WORDS.has(w[i])) continue;
    const befores: string[] = [];
    for (let n = 1; n <= MAX_NAME_WORDS && i - n >= 0 && !CORNER_WORDS.has(w[i - n]); n++)
      befores.push(w.slice(i - n, i).join(' '));
    const afters: string[] = [];
    // "coin de X et Y": the first street follows "coin"; after "et" comes the second.
    let j = i + 1;
    while (j < w.length && (SMALL.has(w[j]) || CORNER_WORDS.has(w[j]) || streetKindOf(w[j]))) j++;
    for (let n = 1; n <= MAX_NAME_WORDS && j + n <= w.length && !CORNER_WORDS.has(w[j + n - 1]); n++)
      afters.push(w.slice(j, j + n).join(' '));
    for (const a of befores)
      for (const b of afters) {
        const key = intersectionKey(a, b);
        if (key) keys.add(key);
      }
    // "coin Jarry et Saint-Hubert": the streets are after "coin", on either side of "et".
    if (['coin', 'angle', 'corner', 'intersection'].includes(w[i])) {
      const joint = w.slice(j).findIndex((x) => x === 'et' || x === 'and' || x === '/' || x === '&');
      if (joint > 0 && joint <= MAX_NAME_WORDS) {
        const first = w.slice(j, j + joint).join(' ');
        const rest = w.slice(j + joint + 1);
        for (let n = 1; n <= MAX_NAME_WORDS && n <= rest.length; n++) {
          const key = intersectionKey(first, rest.slice(0, n).join(' '));
          if (key) keys.add(key);
        }
      }
    }
  }
  return [...keys];
}

/** A municipality's name in one form ("Saint-Jérôme" and "St-Jerome" are "st jerome"). */
export function municipalityKey(name: string): string {
  return words(name).join(' ');
}
