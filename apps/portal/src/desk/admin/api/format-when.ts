import { intlLocale, type PortalLanguage } from '../../../shared/i18n/language';

const formatters = new Map<PortalLanguage, Intl.DateTimeFormat>();

/**
 * A moment in a dense table: "7 déc. 2026, 06 h 45", "Dec 7, 2026, 6:45 a.m.". The long form of
 * formatDate takes three lines in a table cell.
 */
export function formatWhen(iso: string, lang: PortalLanguage): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  let formatter = formatters.get(lang);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'medium', timeStyle: 'short' });
    formatters.set(lang, formatter);
  }
  return formatter.format(date);
}
