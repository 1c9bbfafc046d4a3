import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './app';
import { startEarlyAppealFetch } from './public/api/early-appeal';
import { initI18n } from './shared/i18n/i18n';
import './shared/styles/tokens.css';
import './shared/styles/base.css';
import './shared/styles/components.css';

initI18n();
// A shared link's appeal is asked for now, beside the page's chunk, not once the page renders.
startEarlyAppealFetch();

// The first render as a transition: React renders it in slices of a few milliseconds, so a slow phone's
// main thread is never blocked for long while the page is drawn (Lighthouse's Total Blocking Time).
startTransition(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </StrictMode>,
  );
});
