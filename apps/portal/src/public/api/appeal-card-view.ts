import { pickLocale } from '@vigie/common';
import type { PortalLanguage } from '../../shared/i18n/language';
import type { AppealSummary, MaybeLocalized } from './public-appeals.api';

/** The families of appeal the portal labels and colours; an unknown kind shows as a plain appeal. */
export type AppealKindFamily = 'wanted' | 'missing' | 'amber' | 'unidentified' | 'witnesses' | 'other';

export type AppealOutcomeLabel =
  'arrested' | 'foundSafe' | 'foundDeceased' | 'identified' | 'cancelled' | 'resolved';

/** A text and the language it is actually in (it may be the other one when no translation exists). */
export interface Text {
  text: string;
  lang: PortalLanguage;
}

export interface AppealCardView {
  slug: string;
  family: AppealKindFamily;
  title: Text | null;
  summary: Text | null;
  publishedAt: string;
  agencyName: string | null;
  image: {
    src: string;
    webp?: string;
    avif?: string;
    width?: number;
    height?: number;
    alt: Text | null;
    isComposite: boolean;
  } | null;
  outcome: AppealOutcomeLabel | null;
  reward: { amount: number; currency: string } | null;
}

export function appealKindFamily(kind: string): AppealKindFamily {
  const value = kind.toUpperCase();
  if (value.startsWith('AMBER')) return 'amber';
  if (value.startsWith('MISSING')) return 'missing';
  if (value.startsWith('WANTED')) return 'wanted';
  if (value.startsWith('UNIDENTIFIED')) return 'unidentified';
  if (value.startsWith('WITNESS')) return 'witnesses';
  return 'other';
}

const OUTCOMES: Record<string, AppealOutcomeLabel> = {
  ARRESTED: 'arrested',
  FOUND_SAFE: 'foundSafe',
  FOUND_DECEASED: 'foundDeceased',
  IDENTIFIED: 'identified',
  CANCELLED: 'cancelled',
};

/** The label of a resolved appeal's outcome; a resolution without a known outcome is just "resolved". */
export function outcomeLabel(outcome: string | null | undefined): AppealOutcomeLabel {
  return OUTCOMES[outcome ?? ''] ?? 'resolved';
}

/** The reader's language if the agency wrote it, otherwise the other one (never nothing when either exists). */
export function pickText(value: MaybeLocalized, lang: PortalLanguage): Text | null {
  if (typeof value === 'string') return value.trim() ? { text: value, lang } : null;
  if (!value) return null;
  const fr = typeof value.fr === 'string' ? value.fr : undefined;
  const en = typeof value.en === 'string' ? value.en : undefined;
  // The contract's rule (the API's feeds and cards use it too); then say which language it came from.
  const text = pickLocale({ fr, en }, lang);
  if (!text) return null;
  const own = lang === 'fr' ? fr : en;
  return { text, lang: own?.trim() ? lang : lang === 'fr' ? 'en' : 'fr' };
}

/** `lang` only when the text is not in the page's language, so screen readers switch voice. */
export const langOf = (text: Text | null | undefined, page: PortalLanguage) =>
  text && text.lang !== page ? text.lang : undefined;

export function toAppealCardView(appeal: AppealSummary, lang: PortalLanguage): AppealCardView {
  const rendition = appeal.thumbnail?.card ?? appeal.thumbnail?.thumb;
  const src = rendition?.jpeg ?? rendition?.webp ?? appeal.thumbnailUrl ?? null;
  const resolved = appeal.status === 'RESOLVED' || Boolean(appeal.outcome);
  const reward = appeal.reward;
  return {
    slug: appeal.slug,
    family: appealKindFamily(appeal.kind ?? ''),
    title: pickText(appeal.title, lang),
    summary: pickText(appeal.summary, lang),
    publishedAt: appeal.publishedAt,
    agencyName: appeal.agency?.name || null,
    image: src
      ? {
          src,
          webp: rendition?.webp,
          avif: rendition?.avif,
          width: rendition?.width,
          height: rendition?.height,
          alt: pickText(appeal.thumbnail?.alt, lang),
          isComposite: appeal.thumbnail?.isComposite === true,
        }
      : null,
    outcome: resolved ? outcomeLabel(appeal.outcome) : null,
    reward:
      !resolved && reward && typeof reward.amount === 'number' && typeof reward.currency === 'string'
        ? { amount: reward.amount, currency: reward.currency }
        : null,
  };
}
