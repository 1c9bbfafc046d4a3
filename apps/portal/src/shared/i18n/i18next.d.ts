import 'i18next';
import type fr from '../../locales/fr.json';

// Keys are checked at compile time against the French catalogue; a spec checks that English matches it.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof fr };
  }
}
