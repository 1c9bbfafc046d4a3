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
