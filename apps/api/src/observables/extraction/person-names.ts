import { normalizePersonName, ObservableKind } from '@vigie/common';
import type { FoundObservable } from './found-observable';

/**
 * Names given as names ("il s'appelle Marc Gagnon", "his name is Marc Gagnon", "une femme nommée
 * Julie"): one to three capitalised words right after words that introduce a name. A capitalised
 * word elsewhere is not taken for a name: too many are places, brands or the start of a sentence.
 */
// The name must start with a capital, so the words before it are matched without the i flag
// (with it, \p{Lu} would match any letter): their first letter is given both ways.
const INTRODUCED =
  /(?:\bs['’]appell?e|\bse nomme|\bse fait appeler|\b(?:[Nn]om|[Pp]rénom) (?:est|c['’]est)|\b(?:[Pp]ré|[Ss]ur)?[Nn]ommée?s?|\b[Nn]ame is|\b[Nn]ame['’]s|\b[Nn]amed|\b[Gg]oes by|\b[Kk]nown as|\bsous le nom de)\s+(\p{Lu}[\p{L}'’-]*(?:[ ]\p{Lu}[\p{L}'’-]*){0,2})/gu;

export function findPersonNames(text: string): FoundObservable[] {
  return [...text.matchAll(INTRODUCED)].flatMap((m) => {
    const name = m[1];
    const value = normalizePersonName(name);
    const start = m.index + m[0].length - name.length;
    return value ? [{ kind: ObservableKind.PERSON, value, start, end: start + name.length }] : [];
  });
}
