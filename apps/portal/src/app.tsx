import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { Layout } from './shared/components/layout';
import { loadAlertsPage, loadAppealPage, loadHomePage, loadTipFormPage } from './public/page-loaders';
import { withTipsCatalogue } from './public/tips/i18n/tips-catalogue';
import { NotFoundPage } from './shared/components/not-found-page';

// Every page is a chunk of its own, so that a phone opening one link downloads that page only (the tip
// form, the budget's tightest page, carries neither the list nor the appeal's article). The API names the
// page's chunks in the HTML it serves (`<link rel="modulepreload">`, from route-preloads.json written by
// vite.config.ts), so they download beside the main bundle rather than after it.
// Links to them fetch them ahead, on the tap (page-loaders.ts).
const HomePage = lazy(() => loadHomePage().then((module) => ({ default: module.HomePage })));
const AppealPage = lazy(() => loadAppealPage().then((module) => ({ default: module.AppealPage })));

// Staff pages are separate chunks: a citizen on a phone never downloads them (nor class-validator, nor
// TanStack Query, whose provider comes with them).
const SignInPage = lazy(() =>
  import('./desk/components/sign-in-page').then((module) => ({ default: module.SignInRoute })),
);
// A one-time activation link is opened by someone with no session yet: its page stands outside the desk's
// sign-in check (and comes in a chunk of its own).
const ActivationPage = lazy(() =>
  import('./desk/admin/components/activation-page').then((module) => ({ default: module.ActivationRoute })),
);
const DeskApp = lazy(() =>
  import('./desk/components/desk-app').then((module) => ({ default: module.DeskRoute })),
);
// The tip form and the tipster's follow-up are lazy too: the home page and an appeal's shared link load
// fast on a phone, and the form's code (validation, uploads) comes only with the form.
const TipFormPage = lazy(() => loadTipFormPage().then((module) => ({ default: module.TipFormPage })));
// Alerts come with their own texts, on their own route: no other page pays for them.
const AlertsPage = lazy(() => loadAlertsPage().then((module) => ({ default: module.AlertsPage })));
const FollowUpPage = lazy(() =>
  withTipsCatalogue(import('./public/tips/components/follow-up-page'), ['tip', 'tipSend', 'followUp']).then(
    (module) => ({
      default: module.FollowUpPage,
    }),
  ),
);

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="appeals/:slug" element={<AppealPage />} />
        <Route path="tips/new" element={<TipFormPage />} />
        <Route path="tips/follow-up" element={<FollowUpPage />} />
        <Route path="alerts" element={<AlertsPage />} />
        <Route path="login" element={<SignInPage />} />
        <Route path="desk/activate/:token" element={<ActivationPage />} />
        <Route path="desk/*" element={<DeskApp />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
