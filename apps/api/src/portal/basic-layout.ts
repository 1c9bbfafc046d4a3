import { BASIC_STYLESHEET } from './basic-style';
import { html, query, SafeHtml } from './html';
import { PAGE_LANGUAGES, PageLanguage, PortalTexts } from './portal-texts';

export const BASIC_TIP_FORM_PATH = '/basic/tips/new';
export const BASIC_FOLLOW_UP_PATH = '/basic/tips/follow-up';

const DOCTYPE = SafeHtml.trusted('<!doctype html>');

/**
 * The frame of every page drawn without JavaScript: `lang`, a skip link, one `main`, the language switch
 * (the same page in the other language: `switchQuery`), the emergency line, and the app's own stylesheet
 * only. No script, no inline style, nothing from another origin.
 */
export function basicPage(
  texts: PortalTexts,
  lang: PageLanguage,
  page: {
    title: string;
    path: string;
    switchQuery?: Record<string, string | undefined>;
    /** False where the other language would lose what the page shows (the receipt, shown once). */
    languageSwitch?: boolean;
    main: SafeHtml;
  },
): string {
  const t = (key: string, vars?: Record<string, string | number>) => texts.t(lang, key, vars);
  const other: PageLanguage = lang === 'fr' ? 'en' : 'fr';
  return html`${DOCTYPE}
    <html lang="${lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <meta name="robots" content="noindex" />
        <title>${t('basic.pageTitle', { page: page.title })}</title>
        <link rel="stylesheet" href="${BASIC_STYLESHEET.path}" />
      </head>
      <body class="basic">
        <a class="skip" href="#main">${t('a11y.skipToContent')}</a>
        <header class="basic-header">
          <div class="bar">
            <a class="brand" href="/${query({ lang })}">${t('app.name')}</a>
            <p class="mode">${t('basic.banner')}</p>
            ${
              page.languageSwitch !== false &&
              html`<a
                href="${page.path}${query({ ...page.switchQuery, lang: other })}"
                lang="${other}"
                hreflang="${other}"
                >${t('basic.switchLanguage')}</a
              >`
            }
          </div>
        </header>
        <main id="main">${page.main}</main>
        <footer class="basic-footer">
          <div class="bar">
            <p>${t('footer.emergency')}</p>
            <p>
              <a href="${BASIC_TIP_FORM_PATH}${query({ lang })}">${t('tipSend.receipt.another')}</a> ·
              <a href="${BASIC_FOLLOW_UP_PATH}${query({ lang })}">${t('footer.followUp')}</a>
            </p>
          </div>
        </footer>
      </body>
    </html> `.toString();
}

/** Client routes whose page is a form: without scripts the browser goes straight to the simple version. */
const REDIRECTS: Record<string, string> = {
  '/tips/new': BASIC_TIP_FORM_PATH,
  '/tips/follow-up': BASIC_FOLLOW_UP_PATH,
  // E-mail alerts work without scripts (push needs them): reach/alerts draws that page.
  '/alerts': '/basic/alerts',
};

const APPEAL_PAGE = /^\/appeals\/([a-z0-9-]{3,100})\/?$/;

/**
 * What the app's shell carries for a browser that runs no script (Tor Browser at "Safest", JavaScript
 * turned off): in <head>, the simple pages' stylesheet and, on the tip form and follow-up routes, a
 * refresh to their simple version; before </body>, a notice in both languages linking to them (an
 * appeal's page links to the form for that appeal). Inside <noscript>, so a browser running scripts
 * ignores all of it. `appeal`: the `?appeal=` of /tips/new, already checked by the caller or not.
 */
export function noscriptTags(
  texts: PortalTexts,
  path: string,
  appeal?: string,
): { head: string; body: string } {
  const normalized = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const slug =
    APPEAL_PAGE.exec(normalized)?.[1] ?? (appeal && /^[a-z0-9-]{3,100}$/.test(appeal) ? appeal : undefined);
  const redirect = REDIRECTS[normalized];
  const target =
    redirect && `${redirect}${query({ appeal: redirect === BASIC_TIP_FORM_PATH ? slug : undefined })}`;
  const refresh = target && html`<meta http-equiv="refresh" content="${`0; url=${target}`}" />`;
  // prettier-ignore
  const head = html`<noscript><link rel="stylesheet" href="${BASIC_STYLESHEET.path}">${refresh}</noscript>`;
  const notice = PAGE_LANGUAGES.map(
    (lang) =>
      html`<div lang="${lang}">
        <h2>${texts.t(lang, 'basic.noscript.title')}</h2>
        <p>${texts.t(lang, 'basic.noscript.text')}</p>
        <ul>
          <li>
            <a href="${BASIC_TIP_FORM_PATH}${query({ lang, appeal: slug })}"
              >${texts.t(lang, 'basic.noscript.send')}</a
            >
          </li>
          <li>
            <a href="${BASIC_FOLLOW_UP_PATH}${query({ lang })}"
              >${texts.t(lang, 'basic.noscript.followUp')}</a
            >
          </li>
        </ul>
      </div>`,
  );
  const body = html`<noscript><section class="noscript-notice">${notice}</section></noscript>`;
  return { head: head.toString(), body: body.toString() };
}
