import { foldWord } from './words';

/**
 * A person's name as one comparable form: "Jean-François Tremblay", "jean-francois  TREMBLAY"
 * are "jean-francois tremblay". One to four words of letters (hyphens and apostrophes inside).
 */
export function normalizePersonName(raw: string): string | null {
  const words = raw.trim().split(/\s+/).map(foldWord);
  if (words.length === 0 || words.length > 4) return null;
  return words.every((w) => /^[a-z]+(?:['-][a-z]+)*$/.test(w)) ? words.join(' ') : null;
}
