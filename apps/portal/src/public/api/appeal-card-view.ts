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

/** The reader's language if the agency wrote it, otherwise the other one (never nothing when either exists). */
export function pickText(value: MaybeLocalized, lang: PortalLanguage): Text | null {
  if (typeof value === 'string') return value.trim() ? { text: value, lang } : null;
  if (!value) return null;
  const other: PortalLanguage = lang === 'fr' ? 'en' : 'fr';
  for (const candidate of [lang, other]) {
    const text = value[candidate];
    if (typeof text === 'string' && text.trim()) return { text, lang: candidate };
  }
  return null;
}

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
    outcome: resolved ? (OUTCOMES[appeal.outcome ?? ''] ?? 'resolved') : null,
    reward:
      !resolved && reward && typeof reward.amount === 'number' && typeof reward.currency === 'string'
        ? { amount: reward.amount, currency: reward.currency }
        : null,
  };
}
