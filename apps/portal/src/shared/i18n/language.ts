import i18next from 'i18next';
import { useTranslation } from 'react-i18next';

export const PORTAL_LANGUAGES = ['fr', 'en'] as const;
export type PortalLanguage = (typeof PORTAL_LANGUAGES)[number];

/** Where the visitor's explicit language choice is kept between visits. */
export const LANGUAGE_STORAGE_KEY = 'vigie.lang';

export function isPortalLanguage(value: string | undefined): value is PortalLanguage {
  return (PORTAL_LANGUAGES as readonly string[]).includes(value ?? '');
}

/** Switches the interface language and remembers the choice (if storage is allowed at all). */
export async function setLanguage(lng: PortalLanguage): Promise<void> {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, lng);
  } catch {
    // Private browsing or storage disabled: the switch still works for this visit.
  }
  await i18next.changeLanguage(lng);
}

/** The current interface language, narrowed to the ones the portal ships. */
export function usePortalLanguage(): PortalLanguage {
  const { i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return isPortalLanguage(lng) ? lng : 'fr';
}

/** BCP 47 locale for dates and numbers: Canadian conventions in both languages. */
export function intlLocale(lng: PortalLanguage): string {
  return lng === 'fr' ? 'fr-CA' : 'en-CA';
}

/**
 * The language a visit starts in: a shared link's `?lang=` (the server rendered the page's card tags in
 * that language), then the visitor's stored choice, then the browser's, then the page's; French otherwise
 * (Québec agencies first). A few lines instead of a detector library, on every public page's first load.
 */
export function detectLanguage(): PortalLanguage {
  const candidates: (string | null | undefined)[] = [];
  try {
    candidates.push(new URLSearchParams(window.location.search).get('lang'));
  } catch {
    // No location (tests): skip.
  }
  try {
    candidates.push(localStorage.getItem(LANGUAGE_STORAGE_KEY));
  } catch {
    // Storage disabled: skip.
  }
  candidates.push(...(navigator.languages ?? []), navigator.language, document.documentElement.lang);
  for (const candidate of candidates) {
    const base = candidate?.toLowerCase().split('-')[0];
    if (isPortalLanguage(base)) return base;
  }
  return 'fr';
}
