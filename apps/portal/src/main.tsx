import { StrictMode } from 'react';
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

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <App />
    </BrowserRouter>
  </StrictMode>,
);
