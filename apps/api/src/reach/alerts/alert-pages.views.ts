import { ALERT_KINDS, AlertAreaType, type PublicAgencyEntry } from '@vigie/common';
import { basicPage } from '../../portal/basic-layout';
import { html, query } from '../../portal/html';
import type { PageLanguage, PortalTexts } from '../../portal/portal-texts';

export const BASIC_ALERTS_PATH = '/basic/alerts';

/** What the form was sent with, drawn again beside what is wrong. */
export interface AlertFormValues {
  agency?: string;
  kinds?: string[];
  area?: string;
  latitude?: string;
  longitude?: string;
  radiusKm?: string;
  language?: string;
  email?: string;
}

/**
 * The e-mail subscription form for a browser without JavaScript (push needs a script and a service
 * worker, so it is the portal page's alone). Drawn from the portal's own catalogue (`alerts.*`).
 */
export function alertFormPage(
  texts: PortalTexts,
  lang: PageLanguage,
  state: {
    agencies: PublicAgencyEntry[];
    emailAvailable: boolean;
    values?: AlertFormValues;
    problems?: string[];
  },
): string {
  const t = (key: string) => texts.t(lang, key);
  const v = state.values ?? {};
  const kinds = new Set(v.kinds ?? ALERT_KINDS);
  const area = v.area ?? AlertAreaType.REGION;
  const language = v.language ?? lang;
  const problems =
    state.problems?.length &&
    html`<div class="error-summary" role="alert" tabindex="-1" autofocus>
      <h2>${t('alerts.problems')}</h2>
      <ul>
        ${state.problems.map((p) => html`<li>${p}</li>`)}
      </ul>
    </div>`;
  const form = html`<form method="post" action="${BASIC_ALERTS_PATH}${query({ lang })}">
    ${problems}
    <div class="field">
      <label for="alert-agency">${t('alerts.agency')}</label>
      <select id="alert-agency" name="agency" required>
        ${state.agencies.map(
          (a) => html`<option value="${a.slug}" ${a.slug === v.agency ? 'selected' : ''}>${a.name}</option>`,
        )}
      </select>
    </div>
    <fieldset>
      <legend>${t('alerts.kinds.legend')}</legend>
      ${ALERT_KINDS.map(
        (kind) =>
          html`<label
            ><input type="checkbox" name="kinds" value="${kind}" ${kinds.has(kind) ? 'checked' : ''} />
            ${t(`alerts.kinds.${kind}`)}</label
          >`,
      )}
    </fieldset>
    <fieldset>
      <legend>${t('alerts.area.legend')}</legend>
      <p class="hint">${t('alerts.area.hint')}</p>
      ${[AlertAreaType.REGION, AlertAreaType.RADIUS].map(
        (type) =>
          html`<label
            ><input type="radio" name="area" value="${type}" ${area === type ? 'checked' : ''} />
            ${t(`alerts.area.${type}`)}</label
          >`,
      )}
      ${(['latitude', 'longitude', 'radiusKm'] as const).map(
        (name) =>
          html`<div class="field">
            <label for="alert-${name}">${t(`alerts.area.${name === 'radiusKm' ? 'radius' : name}`)}</label>
            <input
              type="text"
              id="alert-${name}"
              name="${name}"
              inputmode="decimal"
              value="${v[name] ?? ''}"
            />
          </div>`,
      )}
    </fieldset>
    <fieldset>
      <legend>${t('alerts.language')}</legend>
      ${(['fr', 'en'] as const).map(
        (l) =>
          html`<label lang="${l}"
            ><input type="radio" name="language" value="${l}" ${language === l ? 'checked' : ''} />
            ${texts.t(lang, `language.${l}`)}</label
          >`,
      )}
    </fieldset>
    <div class="field">
      <label for="alert-email">${t('alerts.email.label')}</label>
      <p class="hint" id="alert-email-hint">${t('alerts.email.hint')}</p>
      <input
        id="alert-email"
        name="email"
        type="email"
        autocomplete="email"
        required
        aria-describedby="alert-email-hint"
        value="${v.email ?? ''}"
      />
    </div>
    <div class="actions"><button class="button" type="submit">${t('alerts.email.subscribe')}</button></div>
  </form>`;
  return basicPage(texts, lang, {
    title: t('alerts.title'),
    path: BASIC_ALERTS_PATH,
    main: html`<h1>${t('alerts.title')}</h1>
      <p>${t('alerts.intro')}</p>
      ${state.emailAvailable ? form : html`<p>${t('alerts.email.unavailable')}</p>`}
      <p class="hint">${t('alerts.privacy')}</p>`,
  });
}

/** A page that says one thing (sent, done, refused), with the way back to the form. */
export function alertNoticePage(
  texts: PortalTexts,
  lang: PageLanguage,
  title: string,
  message: string,
): string {
  return basicPage(texts, lang, {
    title,
    path: BASIC_ALERTS_PATH,
    languageSwitch: false,
    main: html`<h1>${title}</h1>
      <p role="status">${message}</p>
      <p><a href="${BASIC_ALERTS_PATH}${query({ lang })}">${texts.t(lang, 'alerts.again')}</a></p>`,
  });
}

/**
 * The page a link in an e-mail opens: one button that POSTs. A link alone never confirms or
 * unsubscribes, since mail scanners open links to look at them.
 */
export function alertActionPage(
  texts: PortalTexts,
  lang: PageLanguage,
  action: { path: string; token: string; what: 'confirm' | 'unsubscribe' },
): string {
  const t = (key: string) => texts.t(lang, `alerts.${action.what}.${key}`);
  return basicPage(texts, lang, {
    title: t('title'),
    path: action.path,
    switchQuery: { token: action.token },
    main: html`<h1>${t('title')}</h1>
      <p>${t('text')}</p>
      <form method="post" action="${action.path}${query({ token: action.token, lang })}">
        <button class="button" type="submit">${t('button')}</button>
      </form>`,
  });
}
