/*
 * What distinguishes one named place from another that shares its words. "Tim Hortons, Laval" and
 * "Tim Hortons, Longueuil" share their name and differ in the one thing that matters; "rue
 * Notre-Dame, Repentigny" and "Notre-Dame St, Montreal" are two streets; "1200 boul. Saint-Martin"
 * and "4100 boul. Saint-Martin" are three kilometres apart. And "rue Sainte-Catherine Ouest" and
 * "Ste-Catherine St W" are one street written in two languages. So a typed place is read for its
 * municipality, its streets (their kind and direction) and their civic numbers, in French and
 * English, with no gazetteer of streets: only the municipalities, and their boroughs and
 * neighbourhoods, are known by name (municipality-names.ts). Highways are read by number with their
 * exits (highway-exits.ts: "A-40 sortie 73" is "Hwy 40 exit 73"). Two places whose named parts
 * contradict each other are not the same place, however alike their words; the comparison says
 * which parts matched, which differed, and which only weakened the match.
 */

import { SQUARE_KINDS, streetKindOf, type StreetKind } from '../../gazetteer/street-kinds';
import { compareHighways, highwayParts, type HighwayParts } from './highway-exits';
import { ALSO_STREETS, MUNICIPALITY_NAMES } from './municipality-names';

const PLACE_PREPOSITIONS = new Set(['a', 'au', 'en', 'in', 'de', 'dans', 'city', 'ville']);
/** "dans le Plateau", "in the Plateau": an article between the preposition and the name. */
const ARTICLES = new Set(['le', 'la', 'l', 'the']);

const DIRECTIONS: Record<string, string> = {
  ouest: 'w',
  west: 'w',
  w: 'w',
  o: 'w',
  est: 'e',
  east: 'e',
  e: 'e',
  nord: 'n',
  north: 'n',
  n: 'n',
  sud: 's',
  south: 's',
  s: 's',
};
const SAINTS = new Set(['saint', 'sainte', 'ste', 'st', 'sts', 'saints', 'mount', 'mont']);
const SMALL = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'l', 'd', 'the', 'of']);

/** Civic numbers this far apart on one street are one block: a witness across the street. */
const SAME_BLOCK = 100;

export interface PlaceParts {
  /** Municipalities named, or named through a borough or neighbourhood (municipality-names.ts). */
  municipalities: string[];
  /**
   * Streets named, as canonical words ("st catherine"), with the direction if one was given ("w":
   * Ouest, West, O., W), the kind of street if a word said it ("rue", "street" and "St" are a rue;
   * "boul.", "blvd" a boulevard: street-kinds.ts) and the civic numbers given on it.
   */
  streets: { name: string; direction: string | null; kind: StreetKind | null; numbers: number[] }[];
  /** Highways named by number, and their exits ("sortie 73", "exit 73"). */
  highways: HighwayParts;
}

export interface PlaceComparison {
  /** `different`: a part both name does not agree; `same`: some part both name agrees; `unknown`: no part in common to compare. */
  verdict: 'same' | 'different' | 'unknown';
  matched: string[];
  differed: string[];
  /**
   * A street of one name, but of two kinds ("rue Saint-Jean" / "boulevard Saint-Jean"): maybe two
   * streets, maybe a tipster's loose word, so neither a match nor a difference; the candidate search
   * counts such a name as barely alike.
   */
  weakened: string[];
}

/** Lower case, no accents, words only ("Ste-Catherine O." → "ste catherine o"). */
export function placeWords(text: string): string {
  return text
    .replace(/['’]s\b/g, 's') // "McDonald’s": a possessive, not "s" for South
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Reads a typed place (`typed`: commas and slashes separate its parts, and a municipality may stand
 * alone) or a tip's running text (only "à Laval", "in Laval" and streets with a kind word count).
 */
export function placeParts(text: string, kind: 'typed' | 'text'): PlaceParts {
  const municipalities = new Set<string>();
  const streets = new Map<string, Set<number>>();
  // A typed place: commas and brackets separate its parts ("Tim Hortons, boul. Taschereau,
  // Longueuil"), and "/", "&", "coin", "and" the streets of a corner ("Sherbrooke & Papineau").
  const segments = kind === 'typed' ? text.split(/[,()|;]/) : [text];
  for (const segment of segments) {
    const corners = kind === 'typed' ? segment.split(/[/&+@]| et | and | coin | corner /i) : [segment];
    for (const corner of corners) {
      const words = placeWords(corner).split(' ').filter(Boolean).map(saintForm);
      const used = new Array<boolean>(words.length).fill(false);
      findMunicipalities(words, used, kind === 'typed' && corners.length === 1, municipalities);
      findStreets(words, used, kind, streets);
    }
  }
  return {
    municipalities: [...municipalities].sort(),
    streets: [...streets].map(([key, numbers]) => {
      const [name, direction, streetKind] = key.split('|');
      return {
        name,
        direction: direction || null,
        kind: (streetKind || null) as StreetKind | null,
        numbers: [...numbers].sort((x, y) => x - y),
      };
    }),
    highways: highwayParts(text),
  };
}

/** One street's name is the other's, or ends it ("king" in "couche tard king": a chain's name glued on). */
const sameStreet = (a: string, b: string) => a === b || a.endsWith(` ${b}`) || b.endsWith(` ${a}`);

/**
 * Compares what two places name: municipality first, then streets (their direction, their kind) and
 * their civic numbers. A part only one side names is no difference: "rue Notre-Dame" agrees with
 * "rue Notre-Dame Ouest, Saint-Henri" as far as it goes.
 */
export function comparePlaces(a: PlaceParts, b: PlaceParts): PlaceComparison {
  const matched: string[] = [];
  const differed: string[] = [];
  const weakened: string[] = [];
  if (a.municipalities.length && b.municipalities.length) {
    const common = a.municipalities.filter((m) => b.municipalities.includes(m));
    if (common.length) matched.push(`municipality ${common.join(', ')}`);
    else differed.push(`municipality ${a.municipalities.join(', ')} / ${b.municipalities.join(', ')}`);
  }
  if (a.streets.length && b.streets.length) {
    const label = (p: PlaceParts) =>
      p.streets.map((x) => [x.name, x.direction].filter(Boolean).join(' ')).join(', ');
    const pairs = a.streets.flatMap((x) =>
      b.streets.filter((y) => sameStreet(x.name, y.name)).map((y) => [x, y]),
    );
    if (pairs.length === 0) differed.push(`street ${label(a)} / ${label(b)}`);
    for (const [x, y] of pairs) {
      // East and West are two streets of one name; one side naming no direction agrees with either.
      if (x.direction && y.direction && x.direction !== y.direction) {
        differed.push(`street ${x.name} ${x.direction} / ${y.name} ${y.direction}`);
        continue;
      }
      const name = x.name.length >= y.name.length ? y.name : x.name;
      // A rue and a boulevard of one name: two streets, or one called loosely. One side naming no
      // kind ("sur Saint-Jean") agrees with either.
      const otherKind = Boolean(x.kind && y.kind && x.kind !== y.kind);
      if (otherKind) weakened.push(`street ${x.kind} ${x.name} / ${y.kind} ${y.name}`);
      else if (!matched.includes(`street ${name}`)) matched.push(`street ${name}`);
      // Civic numbers far apart are two spots whatever the kinds ("1200 rue" / "4100 boulevard
      // Saint-Jean"); numbers that agree do not make a rue a boulevard.
      if (x.numbers.length === 0 || y.numbers.length === 0) continue;
      const close = x.numbers.some((n) => y.numbers.some((m) => Math.abs(n - m) <= SAME_BLOCK));
      const numbers = `${x.numbers.join(', ')}${sameList(x.numbers, y.numbers) ? '' : ` / ${y.numbers.join(', ')}`}`;
      if (!close) differed.push(`number ${numbers}`);
      else if (!otherKind) matched.push(`number ${numbers}`);
    }
  }
  const highways = compareHighways(a.highways, b.highways);
  matched.push(...highways.matched);
  differed.push(...highways.differed);
  return {
    verdict: differed.length ? 'different' : matched.length ? 'same' : 'unknown',
    matched,
    differed,
    weakened,
  };
}

const sameList = (a: number[], b: number[]) => a.length === b.length && a.every((n, i) => n === b[i]);

/** English words of street names, in their French form: "Park Ave" is "avenue du Parc". */
const IN_FRENCH: Record<string, string> = {
  park: 'parc',
  lake: 'lac',
  main: 'principale',
  church: 'eglise',
  river: 'riviere',
  mountain: 'montagne',
  bridge: 'pont',
  mill: 'moulin',
  university: 'universite',
  station: 'gare',
};

/**
 * One form for words written two ways: "saint", "sainte", "ste", "st" before a name, so French and
 * English spellings meet; and the English words of street names.
 */
function saintForm(word: string): string {
  return SAINTS.has(word) ? 'st' : (IN_FRENCH[word] ?? word);
}

/** Words that end a street's name in running text: "…rue Adam dans Hochelaga", "…Adam St in…". */
const STOPS = new Set([
  'a',
  'au',
  'aux',
  'en',
  'in',
  'at',
  'on',
  'near',
  'pres',
  'dans',
  'et',
  'and',
  'coin',
  'corner',
  'sur',
  'vers',
  'pour',
  'par',
  'with',
  'avec',
  'app',
  'apt',
  'suite',
]);

function findMunicipalities(words: string[], used: boolean[], mayStandAlone: boolean, found: Set<string>) {
  for (const [key, variants] of MUNICIPALITY_NAMES)
    for (const variant of variants) {
      const v = variant.split(' ');
      for (let i = 0; i + v.length <= words.length; i++) {
        if (used[i] || !v.every((w, k) => words[i + k] === w)) continue;
        const before = words[i - 1];
        const after = words[i + v.length];
        // "rue Sherbrooke", "boulevard de Laval", "chemin de la Côte-des-Neiges", "Laval Ave",
        // "Sherbrooke St": a street of that name.
        let kindBefore = i - 1;
        while (kindBefore > 0 && SMALL.has(words[kindBefore])) kindBefore--;
        if (isKind(words[kindBefore]) || isKind(after) || after === 'st') continue;
        const alone =
          mayStandAlone &&
          words.every((w, k) => (k >= i && k < i + v.length) || PLACE_PREPOSITIONS.has(w) || SMALL.has(w));
        // "à Laval", "in Laval", or after a street: "King St W Sherbrooke".
        const introduced =
          before !== undefined &&
          (PLACE_PREPOSITIONS.has(before) ||
            (ARTICLES.has(before) && ['dans', 'in'].includes(words[i - 2] ?? '')) ||
            (before in DIRECTIONS && (isKind(words[i - 2]) || words[i - 2] === 'st')));
        // In a typed place, a name that is not also a street's counts anywhere; else it must be introduced.
        const certain = mayStandAlone && !ALSO_STREETS.has(variant);
        if (!certain && !alone && !introduced) continue;
        found.add(key);
        for (let k = 0; k < v.length; k++) used[i + k] = true;
      }
    }
}

/**
 * The kind of street a word says follows or precedes (the gazetteer's list, street-kinds.ts), but
 * not "place" or "terrasse": "Place des Arts" and "métro Place-Saint-Henri" are not streets.
 */
function kindOf(w: string | undefined): StreetKind | null {
  const kind = streetKindOf(w);
  return kind && !SQUARE_KINDS.has(kind) ? kind : null;
}
const isKind = (w: string | undefined) => kindOf(w) !== null;
const isNameWord = (w: string | undefined, used: boolean) =>
  w !== undefined && !used && /^\p{L}/u.test(w) && !isKind(w) && !SMALL.has(w) && !STOPS.has(w);

/**
 * A street: its name after a kind word ("rue Adam", "boul. Saint-Martin Ouest"), or before one
 * ("Adam St", "Ste-Catherine St W"), or after a civic number in a typed place ("1450 Principale").
 * "st" after a name and before a direction, a stop word or the end is the English kind word, not a
 * saint.
 */
function findStreets(
  words: string[],
  used: boolean[],
  kind: 'typed' | 'text',
  streets: Map<string, Set<number>>,
) {
  const kindAt = (i: number) =>
    isKind(words[i]) ||
    (words[i] === 'st' &&
      isNameWord(words[i - 1], used[i - 1]) &&
      (i + 1 === words.length || words[i + 1] in DIRECTIONS || !isNameWord(words[i + 1], used[i + 1])));
  /** The kind the word at `i` names, where kindAt(i): "st" after a name is "street", a rue. */
  const streetKindAt = (i: number): StreetKind => kindOf(words[i]) ?? 'rue';
  /** `name` may end with a direction, marked ">w". */
  const record = (name: string[], civic: string | undefined, streetKind: StreetKind | null) => {
    const direction = name.at(-1)?.startsWith('>') ? name.at(-1)!.slice(1) : '';
    const words = direction ? name.slice(0, -1) : name;
    if (words.length === 0) return;
    const key = `${words.join(' ')}|${direction}|${streetKind ?? ''}`;
    const numbers = streets.get(key) ?? new Set<number>();
    if (civic !== undefined && /^\d{1,5}$/.test(civic)) numbers.add(Number(civic));
    streets.set(key, numbers);
  };
  /**
   * Name words from `i` on (small words inside skipped), then a direction; at most four words; and
   * the kind word that ended it, if one did ("Adam St").
   */
  const nameFrom = (i: number): { name: string[]; end: number; kind: StreetKind | null } => {
    const name: string[] = [];
    let j = i;
    while (SMALL.has(words[j] ?? '')) j++;
    for (; j < words.length && name.length < 4; j++) {
      if (words[j] in DIRECTIONS) {
        if (name.length === 0) break;
        return { name: [...name, `>${DIRECTIONS[words[j]]}`], end: j + 1, kind: null };
      }
      if (kindAt(j)) {
        if (words[j + 1] in DIRECTIONS && name.length > 0)
          return { name: [...name, `>${DIRECTIONS[words[j + 1]]}`], end: j + 2, kind: streetKindAt(j) };
        return { name, end: j + 1, kind: streetKindAt(j) };
      }
      if (SMALL.has(words[j]) && isNameWord(words[j + 1], used[j + 1])) continue;
      if (!isNameWord(words[j], used[j])) break;
      name.push(words[j]);
    }
    return { name, end: j, kind: null };
  };
  let found = false;
  for (let i = 0; i < words.length; i++) {
    if (!kindAt(i) || used[i]) continue;
    found = true;
    const after = nameFrom(i + 1);
    if (after.name.length > 0) {
      // "rue Adam": the kind word before the name says what kind of street it is.
      record(after.name, words[i - 1], streetKindAt(i));
      i = after.end - 1;
      continue;
    }
    // The name came before the kind word: walk back over name words.
    let start = i;
    while (start > 0 && isNameWord(words[start - 1], used[start - 1]) && i - start < 3) start--;
    const before = words.slice(start, i);
    const direction = words[i + 1] in DIRECTIONS ? [`>${DIRECTIONS[words[i + 1]]}`] : [];
    record(before.length ? [...before, ...direction] : [], words[start - 1], streetKindAt(i));
  }
  if (found || kind !== 'typed') return;
  // "1450 Principale": a civic number and a name in a typed place, with no kind word.
  if (/^\d{1,5}$/.test(words[0] ?? '')) record(nameFrom(1).name, words[0], null);
  // "Ste-Catherine O.": a name of two words or more and a direction, nothing else.
  else if (
    (words.length >= 3 || (words.length === 2 && words[1].length > 1)) &&
    words.at(-1)! in DIRECTIONS &&
    words.slice(0, -1).every((w, k) => isNameWord(w, used[k]))
  )
    record(nameFrom(0).name, undefined, null);
}
