import { currentLanguage, withTipsCatalogue } from './tips/i18n/tips-catalogue';

/** The public pages' chunks, which app.tsx loads lazily; links fetch them ahead (prefetchOnIntent). */
export const loadHomePage = () => import('./components/home-page');
export const loadAppealPage = () => import('./components/appeal-page');
/** The alerts page comes with its texts in the current language. */
export const loadAlertsPage = () =>
  Promise.all([
    import('./alerts/components/alerts-page'),
    import('./alerts/hooks/alerts-catalogue').then((m) => m.loadAlertsCatalogue(currentLanguage())),
  ]).then(([module]) => module);
/** The tip form comes with its texts in the current language. */
export const loadTipFormPage = () => withTipsCatalogue(import('./tips/components/tip-form-page'), ['tip']);

/**
 * Props for a link to a lazy page: its chunk starts downloading when a pointer or a finger heads for the
 * link, or it takes keyboard focus, a moment before the click rather than after it. Repeated calls reuse
 * the same request.
 */
export function prefetchOnIntent(load: () => Promise<unknown>) {
  const start = () => void load().catch(() => undefined);
  return { onPointerEnter: start, onTouchStart: start, onFocus: start };
}
