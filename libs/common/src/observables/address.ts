import { adjacent, foldWord, wordTokens, type WordToken } from './words';

/**
 * Civic addresses, number and street, in one form for French and English: "1234 rue Ontario Est"
 * and "1234 Ontario St E" are both "1234 ontario st e". The street's type and direction become one
 * code per meaning (rue = street = st; est = east = e); the name loses its accents, hyphens, case,
 * and the articles French puts before it ("chemin de la Côte-des-Neiges" = "Côte-des-Neiges Road").
 * Names are not translated ("avenue du Parc" is not "Park Avenue"): no gazetteer, on purpose.
 */
const STREET_TYPES: Record<string, readonly string[]> = {
  st: ['rue', 'street', 'st', 'str'],
  ave: ['avenue', 'av', 'ave'],
  blvd: ['boulevard', 'boul', 'blvd', 'bd', 'boulv'],
  rd: ['chemin', 'ch', 'road', 'rd'],
  dr: ['promenade', 'drive', 'dr'],
  pl: ['place', 'pl'],
  cres: ['croissant', 'crescent', 'cres'],
  terr: ['terrasse', 'terrace', 'terr'],
  lane: ['allee', 'lane', 'ln'],
  ct: ['impasse', 'court', 'ct'],
  pkwy: ['parkway', 'pkwy'],
  sq: ['square', 'sq'],
  cote: ['cote'],
  montee: ['montee'],
  rang: ['rang'],
};
const DIRECTIONS: Record<string, readonly string[]> = {
  e: ['est', 'east', 'e'],
  w: ['ouest', 'west', 'o', 'w'],
  n: ['nord', 'north', 'n'],
  s: ['sud', 'south', 's'],
};

function lookup(table: Record<string, readonly string[]>): Map<string, string> {
  return new Map(Object.entries(table).flatMap(([code, words]) => words.map((w) => [w, code] as const)));
}
const TYPE_OF = lookup(STREET_TYPES);
const DIRECTION_OF = lookup(DIRECTIONS);
/** Articles between a French street type and its name: "rue de la Montagne", "avenue du Parc", "rue d'Iberville". */
const ARTICLES = new Set(['de', 'du', 'des', 'la', 'le', 'les', "d'", "l'"]);
/** Words that end a street name: what comes after an address in a sentence, in French or English. */
const ENDS_A_NAME = new Set(
  (
    'a au aux et ou vers pres pr dans sur en pour avec par il elle on je j ils elles hier ce cet cette qui que ' +
    'coin angle entre devant derriere apres avant depuis mais puis donc car ' +
    'and or at near on in the a an to by with around he she i we they was is were yesterday corner between ' +
    'in front behind after before since but then'
  ).split(' '),
);
const CIVIC_NUMBER = /^\d{1,6}[a-z]?$/i;
const ORDINAL = /^(\d{1,3})(e|er|re|eme|st|nd|rd|th)$/i;

export function streetTypeCode(word: string): string | undefined {
  return TYPE_OF.get(foldWord(word).replace(/\.$/, ''));
}

function nameWord(token: WordToken): string {
  const ordinal = token.folded.match(ORDINAL);
  if (ordinal) return ordinal[1];
  return token.folded
    .replace(/^(d|l)'/, '')
    .replace(/^ste-/, 'sainte-')
    .replace(/^st-/, 'saint-')
    .replace(/^(st|ste)$/, (m) => (m === 'st' ? 'saint' : 'sainte'))
    .replace(/-/g, ' ');
}

function gapHasComma(text: string, tokens: WordToken[], j: number): boolean {
  return text.slice(tokens[j - 1].end, tokens[j].start).includes(',');
}

export interface AddressMatch {
  value: string;
  /** Indices in `tokens` of the address's first and last word. */
  first: number;
  last: number;
}

/**
 * Reads the address starting at `tokens[i]` (a civic number), in French order (number, type, name)
 * or English order (number, name, type; the name's words capitalised), each with an optional
 * direction after. Null when the words after the number are not a street.
 */
export function addressAt(text: string, tokens: WordToken[], i: number): AddressMatch | null {
  const number = tokens[i];
  if (!number || !CIVIC_NUMBER.test(number.text)) return null;
  // A comma may follow the number ("1234, rue Ontario"), not split a street's name from its type.
  const next = (j: number) =>
    tokens[j] && adjacent(text, tokens[j - 1], tokens[j]) && (j === i + 1 || !gapHasComma(text, tokens, j))
      ? tokens[j]
      : undefined;
  const finish = (
    name: string[],
    type: string,
    lastName: number,
    directionAt: number,
  ): AddressMatch | null => {
    if (name.length === 0) return null;
    const direction = next(directionAt) && DIRECTION_OF.get(tokens[directionAt].folded.replace(/\.$/, ''));
    const words = [number.folded, ...name, type, ...(direction ? [direction] : [])];
    return { value: words.join(' '), first: i, last: direction ? directionAt : lastName };
  };

  // French order: "1234, rue Ontario Est", "45 av. du Parc".
  const frType = next(i + 1) && streetTypeCode(tokens[i + 1].text);
  if (frType) {
    let j = i + 2;
    while (next(j) && ARTICLES.has(tokens[j].folded)) j++;
    const name: string[] = [];
    let last = j - 1;
    for (; next(j) && name.length < 4; j++) {
      const word = tokens[j];
      if (ENDS_A_NAME.has(word.folded) || CIVIC_NUMBER.test(word.text)) break;
      if (name.length > 0 && DIRECTION_OF.has(word.folded)) break;
      name.push(...nameWord(word).split(' '));
      last = j;
    }
    return finish(name, frType, last, last + 1);
  }

  // English order: "1234 Ontario St E", "1234 Côte-des-Neiges Road", "12 3rd Avenue".
  const name: string[] = [];
  for (let j = i + 1; next(j) && j <= i + 4; j++) {
    const word = tokens[j];
    const type = streetTypeCode(word.text);
    if (type && name.length > 0) return finish(name, type, j, j + 1);
    const capitalised = /^\p{Lu}/u.test(word.text) || ORDINAL.test(word.text);
    if (!capitalised || ENDS_A_NAME.has(word.folded)) return null;
    name.push(nameWord(word));
  }
  return null;
}

/** "1234 Ontario St. E." → "1234 ontario st e"; null when it does not read as a number and a street. */
export function normalizeAddress(raw: string): string | null {
  const tokens = wordTokens(raw);
  const match = addressAt(raw, tokens, 0);
  return match && match.last === tokens.length - 1 ? match.value : null;
}
