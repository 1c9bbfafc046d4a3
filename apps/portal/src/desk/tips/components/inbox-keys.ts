import { TipStatus } from '@vigie/common';

/** The statuses `s` then a digit sets, in workflow order. LINKED is reached by linking to a case. */
export const SETTABLE_STATUSES: readonly TipStatus[] = [
  TipStatus.NEW,
  TipStatus.IN_REVIEW,
  TipStatus.ACTIONABLE,
  TipStatus.NEEDS_INFO,
  TipStatus.NOT_ACTIONABLE,
  TipStatus.CLOSED,
];

/** Single-letter keys must not fire while someone types in a field, nor with a modifier held. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.closest('dialog[open]') !== null;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** "1 000+" when the API stopped counting at its cap. (A formatter is costly to make: one per locale.) */
export function formatCount(count: number, cap: number, locale: string): string {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return count >= cap ? `${format.format(cap)}+` : format.format(count);
}
