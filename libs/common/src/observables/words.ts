/** Lower case, without accents, with typographic apostrophes made plain: how observables compare words. */
export function foldWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’‘`]/g, "'").toLowerCase();
}

/** The words of a text with where each starts and ends (letters, digits, inner hyphens and apostrophes). */
export interface WordToken {
  text: string;
  folded: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

export function wordTokens(text: string): WordToken[] {
  return [...text.matchAll(WORD)].map((m) => ({
    text: m[0],
    folded: foldWord(m[0]),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** True when only spaces (and at most one period or comma) separate two tokens: they belong to one phrase. */
export function adjacent(text: string, left: WordToken, right: WordToken): boolean {
  return /^\.?,?\s*$/.test(text.slice(left.end, right.start)) && right.start > left.end;
}
