import { intlLocale, type PortalLanguage } from './language';

/**
 * Building an Intl formatter costs far more than using one (locale data, options resolution): an appeal
 * page formats a dozen dates in its first render, on a slow phone. One formatter per set of options.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

/** A date (and time, when asked) in Canadian conventions, or null for a value that is not a date. */
export function formatDate(iso: string | undefined, lang: PortalLanguage, withTime = false): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const text = cached(
    `date:${lang}:${withTime}`,
    () =>
      new Intl.DateTimeFormat(
        intlLocale(lang),
        withTime ? { dateStyle: 'long', timeStyle: 'short' } : { dateStyle: 'long' },
      ),
  ).format(date);
  // A time never breaks across lines: "18 h 40", "6:40 p.m.".
  return withTime
    ? text.replace(/(\d) (h|a\.m\.|p\.m\.)/g, '$1\u00a0$2').replace(/(\d\u00a0h) (\d)/g, '$1\u00a0$2')
    : text;
}

/** "10 000 $" in French, "$10,000" in English; cents only when there are some. */
export function formatMoney(amount: number, currency: string, lang: PortalLanguage): string {
  try {
    const fraction = Number.isInteger(amount) ? 0 : 2;
    return cached(
      `money:${lang}:${currency}:${fraction}`,
      () =>
        new Intl.NumberFormat(intlLocale(lang), {
          style: 'currency',
          currency,
          minimumFractionDigits: 0,
          maximumFractionDigits: fraction,
        }),
    ).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** "14", "25–30" (a range with an en dash), or null when neither end is known. */
export function formatRange(min: number | undefined, max: number | undefined): string | null {
  const low = typeof min === 'number' ? min : undefined;
  const high = typeof max === 'number' ? max : undefined;
  if (low === undefined && high === undefined) return null;
  if (low === undefined || high === undefined || low === high) return String(low ?? high);
  return `${low}–${high}`;
}
