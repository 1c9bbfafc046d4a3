import { isPlateShape, ObservableKind, streetTypeCode } from '@vigie/common';
import type { FoundObservable } from './found-observable';

/** Words that announce a plate, in French and English: after them, a plate may be in lower case or short. */
// Within the same clause: "plaque FXK 482, au 1234 rue…" announces FXK 482, not what follows the comma.
const ANNOUNCED = /(?:plaques?|immatricul\w*|matricule|plates?|licen[cs]e|tag)\b[^.!?\n,;()]{0,25}$/i;
const TOKEN = /[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*/g;

/**
 * Licence plates: a word of letters and digits, or two such words with one space or dash between,
 * shaped like a plate (isPlateShape, libs/common/src/observables/plate.ts). Unannounced, its
 * letters must be capitals and it must have 6 or 7 characters; after "plaque", "plate", "licence",
 * lower case and 5 or 8 characters count too.
 */
export function findPlates(text: string): FoundObservable[] {
  const tokens = [...text.matchAll(TOKEN)].map((m) => ({
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
  const found: FoundObservable[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    // Inside a longer word, a handle or a path ("@FXK482", "/ABC123"): not a plate of its own.
    const before = text[token.start - 1];
    if (before && /[\p{L}\p{N}@#/._]/u.test(before)) continue;
    const announced = ANNOUNCED.test(text.slice(Math.max(0, token.start - 60), token.start));
    const next = tokens[i + 1];
    const pair = next && /^ ?-? ?$/.test(text.slice(token.end, next.start)) && next.start > token.end;
    const candidates = pair
      ? [
          { end: next.end, skip: 1 },
          { end: token.end, skip: 0 },
        ]
      : [{ end: token.end, skip: 0 }];
    for (const candidate of candidates) {
      const written = text.slice(token.start, candidate.end);
      if (!announced && /[a-z]/.test(written)) continue;
      // Two words: each at least 3 characters unannounced, so "BMW X5" or "14 H" never join; and
      // never a number and a street ("1234 RUE").
      const shortest = announced ? 2 : 3;
      if (
        candidate.skip &&
        (token.text.length < shortest || next.text.length < shortest || streetTypeCode(next.text))
      )
        continue;
      const compact = written.toUpperCase().replace(/[\s-]/g, '');
      if (!isPlateShape(compact, announced ? 'loose' : 'strict')) continue;
      found.push({ kind: ObservableKind.PLATE, value: compact, start: token.start, end: candidate.end });
      i += candidate.skip;
      break;
    }
  }
  return found;
}
