import type { PublicLang } from './appeal-wording';

const LOCALE: Record<PublicLang, string> = { fr: 'fr-CA', en: 'en-CA' };

/**
 * A date as people write it on a notice, in the agency's time zone: "6 décembre 2026, 8 h 30",
 * "December 6, 2026, 8:30 a.m." (Intl's own joins give "à 08 h 30" and "at"; posters and
 * notices in Québec and Canada use the comma). Empty for a value that is not a date.
 */
export function publicDate(
  iso: string | undefined,
  lang: PublicLang,
  timeZone: string,
  withTime = false,
): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const zone = validZone(timeZone);
  const day = new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'long', timeZone: zone }).format(date);
  if (!withTime) return day;
  const time = new Intl.DateTimeFormat(LOCALE[lang], {
    hour: 'numeric',
    minute: '2-digit',
    timeZone: zone,
  }).format(date);
  // A time never breaks across lines: "8 h 30", "8:30 a.m.".
  return `${day}, ${time.replace(/ /g, '\u00a0')}`;
}

function validZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}
