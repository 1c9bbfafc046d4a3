import type { Request } from 'express';

export type Lang = 'fr' | 'en';

/**
 * The language of a public page or feed: `?lang=` when given, else the reader's first choice of
 * French or English, else French (the agencies this serves publish French first).
 */
export function channelLanguage(req: Request): Lang {
  const asked = req.query.lang;
  if (asked === 'fr' || asked === 'en') return asked;
  for (const part of (req.headers['accept-language'] ?? '').split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === 'fr' || tag === 'en') return tag;
  }
  return 'fr';
}

export const KIND_LABELS: Record<string, Record<Lang, string>> = {
  WANTED: { fr: 'Recherché', en: 'Wanted' },
  MISSING_PERSON: { fr: 'Personne disparue', en: 'Missing person' },
  AMBER_ALERT: { fr: 'Alerte AMBER', en: 'AMBER Alert' },
  UNIDENTIFIED_PERSON: { fr: 'Personne à identifier', en: 'Unidentified person' },
  WITNESS_APPEAL: { fr: 'Appel à témoins', en: 'Witnesses sought' },
};

export const OUTCOME_LABELS: Record<string, Record<Lang, string>> = {
  ARRESTED: { fr: 'Arrêté', en: 'Arrested' },
  FOUND_SAFE: { fr: 'Retrouvé sain et sauf', en: 'Found safe' },
  FOUND_DECEASED: { fr: 'Retrouvé sans vie', en: 'Found deceased' },
  IDENTIFIED: { fr: 'Identifié', en: 'Identified' },
  CANCELLED: { fr: 'Annulé', en: 'Cancelled' },
};

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
