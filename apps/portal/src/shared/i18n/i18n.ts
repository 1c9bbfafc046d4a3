import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import {
  a11y as enA11y,
  app as enApp,
  appeal as enAppeal,
  appeals as enAppeals,
  common as enCommon,
  errors as enErrors,
  footer as enFooter,
  home as enHome,
  language as enLanguage,
  nav as enNav,
  notFound as enNotFound,
} from '../../locales/en.json';
import {
  a11y as frA11y,
  app as frApp,
  appeal as frAppeal,
  appeals as frAppeals,
  common as frCommon,
  errors as frErrors,
  footer as frFooter,
  home as frHome,
  language as frLanguage,
  nav as frNav,
  notFound as frNotFound,
} from '../../locales/fr.json';
import { detectLanguage, PORTAL_LANGUAGES, type PortalLanguage } from './language';

/**
 * The parts of the catalogue public pages use. The staff desk's texts (sign-in, desk, roles) live in the
 * same files but are added by the desk chunk when it loads (see addCatalogue). Only named imports of a
 * JSON file are tree-shaken (a default or namespace import keeps all of it), so a citizen's phone never
 * downloads the editor's hundreds of labels.
 */
export const resources = {
  fr: {
    translation: {
      app: frApp,
      a11y: frA11y,
      nav: frNav,
      language: frLanguage,
      footer: frFooter,
      common: frCommon,
      home: frHome,
      appeals: frAppeals,
      appeal: frAppeal,
      notFound: frNotFound,
      errors: frErrors,
    },
  },
  en: {
    translation: {
      app: enApp,
      a11y: enA11y,
      nav: enNav,
      language: enLanguage,
      footer: enFooter,
      common: enCommon,
      home: enHome,
      appeals: enAppeals,
      appeal: enAppeal,
      notFound: enNotFound,
      errors: enErrors,
    },
  },
} as const;

/**
 * Adds a lazily loaded part of the catalogue (merged into the one namespace, so keys keep their full
 * path). Safe to call before i18next is initialised: the part is added as soon as it is.
 */
export function addCatalogue(part: Record<PortalLanguage, Record<string, unknown>>): void {
  const add = () => {
    for (const lng of PORTAL_LANGUAGES) i18next.addResourceBundle(lng, 'translation', part[lng], true, true);
  };
  if (i18next.isInitialized) add();
  else i18next.on('initialized', add);
}

/**
 * Both catalogues ship in the main bundle: they are small, and switching language must not wait on the
 * network. A shared link's `?lang=` wins (the server rendered the page's card tags in that language), then
 * the stored choice, then the browser's; French is the fallback (Québec agencies first).
 */
export function initI18n(): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources,
    lng: detectLanguage(),
    supportedLngs: PORTAL_LANGUAGES,
    nonExplicitSupportedLngs: true,
    load: 'languageOnly',
    fallbackLng: 'fr' satisfies PortalLanguage,
    initAsync: false,
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });

  const syncDocument = (lng: string) => {
    document.documentElement.lang = lng.split('-')[0];
  };
  syncDocument(i18next.resolvedLanguage ?? i18next.language);
  i18next.on('languageChanged', syncDocument);
  return i18next;
}
