/** Every public text exists in French and English (see DESIGN.md, "Bilingual"). */
export enum Locale {
  FR = 'fr',
  EN = 'en',
}

export const LOCALES = Object.values(Locale);
