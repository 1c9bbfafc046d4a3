import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { AppealPage } from './public/components/appeal-page';
import { HomePage } from './public/components/home-page';
import { Layout } from './shared/components/layout';
import { NotFoundPage } from './shared/components/not-found-page';

// Staff pages are separate chunks: a citizen on a phone never downloads them (nor class-validator).
const SignInPage = lazy(() =>
  import('./desk/components/sign-in-page').then((module) => ({ default: module.SignInPage })),
);
const DeskApp = lazy(() =>
  import('./desk/components/desk-app').then((module) => ({ default: module.DeskApp })),
);

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="appeals/:slug" element={<AppealPage />} />
        <Route path="login" element={<SignInPage />} />
        <Route path="desk/*" element={<DeskApp />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
