import type { PublicAppealSummary } from '@vigie/common';
import { api } from '../../shared/api/api-client';
import type { PortalLanguage } from '../../shared/i18n/language';

/** A text in one language, or in both (the contract's LocalizedText). */
export type MaybeLocalized = string | { fr?: string | null; en?: string | null } | null | undefined;

interface Rendition {
  width?: number;
  height?: number;
  avif?: string;
  webp?: string;
  jpeg?: string;
}

/**
 * What the home page reads of `GET /api/public/appeals`: only the fields it renders, typed loosely on
 * purpose so that a field the API drops or adds degrades a card instead of breaking the page. Texts may
 * be one string or { fr, en }; the picture a plain URL or renditions.
 */
export interface AppealSummary {
  slug: string;
  kind: string;
  title: MaybeLocalized;
  summary?: MaybeLocalized;
  publishedAt: string;
  thumbnailUrl?: string | null;
  thumbnail?: { isComposite?: boolean; alt?: MaybeLocalized; card?: Rendition; thumb?: Rendition } | null;
  agency?: { name?: string } | null;
  status?: string;
  outcome?: string | null;
  reward?: { amount?: number; currency?: string } | null;
}

type Assert<T extends true> = T;
/** Compile-time guard: the contract's PublicAppealSummary still provides everything this page reads. */
export type ContractSummaryFits = Assert<PublicAppealSummary extends AppealSummary ? true : false>;

export interface AppealList {
  items: AppealSummary[];
}

export async function fetchPublicAppeals(lang: PortalLanguage, signal?: AbortSignal): Promise<AppealList> {
  const body = await api.get<Partial<AppealList> | undefined>(
    `/api/public/appeals?lang=${encodeURIComponent(lang)}`,
    { signal },
  );
  // An empty or unexpected body shows the empty state rather than breaking the page.
  const items = Array.isArray(body?.items) ? body.items : [];
  return { items: items.filter((item) => typeof item?.slug === 'string' && item.slug !== '') };
}
