import { APPEAL_KIND_WORDING, OUTCOME_LABEL } from '@vigie/common';
import type { IncomingHttpHeaders } from 'node:http';

export type Lang = 'fr' | 'en';

/**
 * The language of a public page or feed: `?lang=` when given, else the reader's first choice of
 * French or English, else French (the agencies this serves publish French first).
 */
export function channelLanguage(req: { query: Record<string, unknown>; headers: IncomingHttpHeaders }): Lang {
  const asked = req.query.lang;
  if (asked === 'fr' || asked === 'en') return asked;
  for (const part of (req.headers['accept-language'] ?? '').split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === 'fr' || tag === 'en') return tag;
  }
  return 'fr';
}

/** The kinds' and outcomes' names: the shared public wording, so the page and every channel agree. */
export const KIND_LABELS: Record<string, Record<Lang, string>> = Object.fromEntries(
  Object.entries(APPEAL_KIND_WORDING).map(([kind, wording]) => [kind, wording.label]),
);

export const OUTCOME_LABELS: Record<string, Record<Lang, string>> = OUTCOME_LABEL;

export const COMPOSITE_LABEL: Record<Lang, string> = {
  fr: 'Portrait-robot, pas une photographie',
  en: 'Composite sketch, not a photograph',
};

export function formatReward(amount: number, currency: string, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', {
    style: 'currency',
    currency,
    maximumFractionDigits: 0,
  }).format(amount);
}
