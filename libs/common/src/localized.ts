import type { LocalizedTextDto } from './dtos/localized-text.dto';

/**
 * The text in the reader's language, or in the other one when it was only written in one: a
 * bilingual agency may publish urgently in one language and translate later.
 */
export function pickLocale(text: LocalizedTextDto | undefined, lang: 'fr' | 'en'): string {
  if (!text) return '';
  const other = lang === 'fr' ? 'en' : 'fr';
  return text[lang]?.trim() || text[other]?.trim() || '';
}

/** Shortens to at most `max` characters at a word boundary, with an ellipsis when cut. */
export function truncateText(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '')}…`;
}
