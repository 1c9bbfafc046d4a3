import { foldWord, normalizePersonName, ObservableKind } from '@vigie/common';
import type { FoundObservable } from './found-observable';
import { GIVEN_NAMES, NAMED_AFTER_PEOPLE } from './given-names';

/*
 * Names given as names, read two ways. Words that always introduce a name ("il s'appelle Marc
 * Gagnon", "his name is Marc Gagnon", "une femme nommée Julie", "a guy named Kevin Roy"): one to
 * three capitalised words right after them. Words that introduce a name only sometimes ("c'est Kevin
 * Bouchard", "je pense que c'est…", "it's Kevin Roy from Verdun", "the man in your video is…"): a
 * given name from a list (given-names.ts) and at least one capitalised word after it, so "c'est
 * Place Versailles" or "it's Tim Hortons" is not a person. A capitalised word elsewhere is not
 * taken for a name: too many are places, brands or the start of a sentence.
 *
 * The name must start with a capital, so the words before it are matched without the i flag
 * (with it, \p{Lu} would match any letter): their first letter is given both ways.
 */
const NAME_WORD = String.raw`\p{Lu}[\p{L}'’-]*`;

const ALWAYS = new RegExp(
  String.raw`(?:\bs['’]appell?e|\bse nomme|\bse fait appeler|\b(?:[Nn]om|[Pp]rénom) (?:est|c['’]est)|\b(?:[Pp]ré|[Ss]ur)?[Nn]ommée?s?|\b(?:[Uu]n|[Uu]ne|[Ll]e|[Ll]a) dénommée?|\b[Nn]ame is|\b[Nn]ame['’]s|\b[Nn]amed|\b[Gg]oes by|\b[Kk]nown as|\bsous le nom de|\b(?:guy|man|woman|girl|boy|dude|kid|lady|someone|somebody|person|friend) called|\bby the name of)\s+(${NAME_WORD}(?:[ ]${NAME_WORD}){0,2})`,
  'gu',
);

const SOMETIMES = new RegExp(
  String.raw`(?<!\p{L})(?:[Cc]['’](?:est|était)|[Cc]e serait|est|était|serait|ressemble (?:à|a)|[Ii]t['’]s|[Ii]t (?:is|was|might be|could be)|[Tt]hat['’]s|[Tt]hat (?:is|was)|is|was|[Ll]ooks? like|[Ll]ooked like)\s+(${NAME_WORD}(?:[ ]${NAME_WORD}){1,2})`,
  'gu',
);

/** "Tremblay's" is Tremblay: the possessive is not part of the name. */
const POSSESSIVE = /['’]s$/;

function read(m: RegExpMatchArray, sometimes: boolean): FoundObservable[] {
  const written = m[1].replace(POSSESSIVE, '');
  const words = written.split(' ');
  if (sometimes) {
    if (!GIVEN_NAMES.has(foldWord(words[0]))) return [];
    const folded = words.map(foldWord).join(' ');
    if (NAMED_AFTER_PEOPLE.has(folded) || NAMED_AFTER_PEOPLE.has(words.slice(0, 2).map(foldWord).join(' ')))
      return [];
  }
  const value = normalizePersonName(written);
  const start = (m.index ?? 0) + m[0].length - m[1].length;
  return value ? [{ kind: ObservableKind.PERSON, value, start, end: start + written.length }] : [];
}

export function findPersonNames(text: string): FoundObservable[] {
  const always = [...text.matchAll(ALWAYS)].flatMap((m) => read(m, false));
  const sometimes = [...text.matchAll(SOMETIMES)]
    .flatMap((m) => read(m, true))
    .filter((s) => !always.some((a) => s.start < a.end && a.start < s.end));
  return [...always, ...sometimes].sort((a, b) => a.start - b.start);
}
