import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { PageLoading } from './page-loading';
import { RouteErrorBoundary } from './route-error-boundary';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';

/** The frame of every page: skip link, header, main, footer. */
export function Layout() {
  const { t } = useTranslation();
  const { pathname, state } = useLocation();
  // A workspace that changes its URL without leaving the page (the desk's inbox opening a tip beside
  // the list) keeps the keyboard where it is.
  const keepFocus = (state as { keepFocus?: boolean } | null)?.keepFocus === true;
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After a client-side navigation, start screen readers and keyboards at the new content, as a full
  // page load would. Not on the first load: the browser already starts at the top.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (!keepFocus) main.current?.focus();
  }, [pathname, keepFocus]);

  return (
    <div className="page">
      <a href="#main" className="skip-link">
        {t('a11y.skipToContent')}
      </a>
      <SiteHeader />
      <main id="main" ref={main} tabIndex={-1} className="page__main">
        <RouteErrorBoundary resetKey={pathname}>
          <Suspense fallback={<PageLoading fill />}>
            <Outlet />
          </Suspense>
        </RouteErrorBoundary>
      </main>
      <SiteFooter />
    </div>
  );
}
