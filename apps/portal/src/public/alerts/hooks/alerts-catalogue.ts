import { useEffect, useState } from 'react';
import { addCatalogue } from '../../../shared/i18n/i18n';
import { usePortalLanguage, type PortalLanguage } from '../../../shared/i18n/language';

const LOADERS: Record<PortalLanguage, () => Promise<Record<string, unknown>>> = {
  fr: () => import('../../../locales/fr.json?lazy=alerts').then((m) => m.alerts),
  en: () => import('../../../locales/en.json?lazy=alerts').then((m) => m.alerts),
};
const loaded = new Map<PortalLanguage, Promise<void>>();

/** The alerts page's texts in one language, fetched with the page (no other page carries them). */
export function loadAlertsCatalogue(lng: PortalLanguage): Promise<void> {
  let done = loaded.get(lng);
  if (!done) {
    done = LOADERS[lng]().then(
      (alerts) =>
        addCatalogue({ fr: {}, en: {}, [lng]: { alerts } } as Record<
          PortalLanguage,
          Record<string, unknown>
        >),
      (error: unknown) => {
        loaded.delete(lng);
        throw error;
      },
    );
    loaded.set(lng, done);
  }
  return done;
}

/** After a language switch, fetches that language's texts and draws the page again once they are in. */
export function useAlertsCatalogue(): void {
  const lang = usePortalLanguage();
  const [, setLoaded] = useState(0);
  useEffect(() => {
    let live = true;
    loadAlertsCatalogue(lang).then(
      () => live && setLoaded((n) => n + 1),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [lang]);
}
