import i18next from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import en from '../../locales/en.json';
import fr from '../../locales/fr.json';
import { LANGUAGE_STORAGE_KEY, PORTAL_LANGUAGES, type PortalLanguage } from './language';

export const resources = { fr: { translation: fr }, en: { translation: en } } as const;

/**
 * Both catalogues ship in the main bundle: they are small, and switching language must not wait on the
 * network. The stored choice wins over the browser's; French is the fallback (Québec agencies first).
 */
export function initI18n(): typeof i18next {
  void i18next
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      resources,
      supportedLngs: PORTAL_LANGUAGES,
      nonExplicitSupportedLngs: true,
      load: 'languageOnly',
      fallbackLng: 'fr' satisfies PortalLanguage,
      initAsync: false,
      interpolation: { escapeValue: false },
      detection: {
        order: ['localStorage', 'navigator', 'htmlTag'],
        lookupLocalStorage: LANGUAGE_STORAGE_KEY,
        // Only an explicit choice is remembered (see setLanguage), not what the browser happened to say.
        caches: [],
      },
      react: { useSuspense: false },
    });

  const syncDocument = (lng: string) => {
    document.documentElement.lang = lng.split('-')[0];
  };
  syncDocument(i18next.resolvedLanguage ?? i18next.language);
  i18next.on('languageChanged', syncDocument);
  return i18next;
}
