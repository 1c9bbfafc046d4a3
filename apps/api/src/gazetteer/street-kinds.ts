/*
 * The words that say what kind of street a name is, in French and English, each with the kind it
 * names: "boul.", "blvd" and "boulevard" are one kind, "rue" and "street" another. One list for the
 * gazetteer's keys (place-names.ts drops these words, so "rue Jarry" meets "Jarry St") and for the
 * duplicate signals (dedupe's place-parts.ts reads them to tell "rue Saint-Jean" from "boulevard
 * Saint-Jean"); dedupe imports it from here, never the other way.
 */

export type StreetKind =
  | 'rue'
  | 'avenue'
  | 'boulevard'
  | 'chemin'
  | 'route'
  | 'montee'
  | 'rang'
  | 'drive'
  | 'lane'
  | 'promenade'
  | 'parkway'
  | 'croissant'
  | 'place'
  | 'terrasse';

/**
 * Each word (lower case, no accents, no dot) and the kind of street it names. Not "crescent": in
 * Montréal it is a street's name (rue Crescent), and a kind word is never read as a name; its French,
 * "croissant", names no Montréal street and is a kind here.
 */
export const STREET_KIND_WORDS: Readonly<Record<string, StreetKind>> = {
  rue: 'rue',
  street: 'rue',
  avenue: 'avenue',
  ave: 'avenue',
  av: 'avenue',
  boulevard: 'boulevard',
  boul: 'boulevard',
  blvd: 'boulevard',
  bd: 'boulevard',
  chemin: 'chemin',
  ch: 'chemin',
  road: 'chemin',
  rd: 'chemin',
  route: 'route',
  rte: 'route',
  montee: 'montee',
  rang: 'rang',
  drive: 'drive',
  dr: 'drive',
  lane: 'lane',
  allee: 'lane',
  promenade: 'promenade',
  parkway: 'parkway',
  croissant: 'croissant',
  place: 'place',
  pl: 'place',
  terrasse: 'terrasse',
};

/**
 * Kinds whose words name a square, a mall or a station as often as a street ("Place des Arts",
 * "Place Versailles", "métro Place-Saint-Henri", a café's "terrasse"): a gazetteer's corner may
 * drop them, but they do not say that a street follows.
 */
export const SQUARE_KINDS: ReadonlySet<StreetKind> = new Set(['place', 'terrasse']);

/** The kind of street a word names ("boul" → boulevard), or null. */
export function streetKindOf(word: string | undefined): StreetKind | null {
  return word !== undefined && Object.hasOwn(STREET_KIND_WORDS, word) ? STREET_KIND_WORDS[word] : null;
}
