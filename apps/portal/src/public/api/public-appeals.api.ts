import type { AppealKind, PublicAppeal, PublicAppealSummary } from '@vigie/common';
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

/** What a visitor narrowed the list to; both travel in the page address (`/?kind=WANTED&q=montreal`). */
export interface AppealFilters {
  kind?: AppealKind;
  q?: string;
}

export async function fetchPublicAppeals(
  lang: PortalLanguage,
  filters: AppealFilters = {},
  signal?: AbortSignal,
): Promise<AppealList> {
  const params = new URLSearchParams({ lang });
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.q?.trim()) params.set('q', filters.q.trim());
  const body = await api.get<Partial<AppealList> | undefined>(`/api/public/appeals?${params}`, { signal });
  // An empty or unexpected body shows the empty state rather than breaking the page.
  const items = Array.isArray(body?.items) ? body.items : [];
  return { items: items.filter((item) => typeof item?.slug === 'string' && item.slug !== '') };
}

/** One published appeal (`GET /api/public/appeals/:slug`): 404 when unknown, 410 once withdrawn. */
export function fetchPublicAppeal(slug: string, signal?: AbortSignal): Promise<PublicAppeal> {
  return api.get<PublicAppeal>(`/api/public/appeals/${encodeURIComponent(slug)}`, { signal });
}
