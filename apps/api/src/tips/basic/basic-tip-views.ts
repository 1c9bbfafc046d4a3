import { publicDate, TIP_LIMITS, type TipReceipt } from '@vigie/common';
import { BASIC_FOLLOW_UP_PATH, BASIC_TIP_FORM_PATH, basicPage } from '../../portal/basic-layout';
import { html, query } from '../../portal/html';
import type { PageLanguage, PortalTexts } from '../../portal/portal-texts';
import { describedBy, errorSummary, field, fileSize, type PageProblems } from './basic-form-parts';
import type { TipFormContext } from './basic-tip-context';

/** What the tipster typed, drawn back into the form after a refusal (never the files: browsers forbid it). */
export type TipFormValues = Partial<
  Record<
    'description' | 'occurredLocal' | 'place' | 'agency' | 'contactName' | 'contactPhone' | 'contactEmail',
    string
  >
>;

export interface TipFormPage {
  lang: PageLanguage;
  context: TipFormContext;
  /** The form's single-use token (form-token.ts), in the address the form is sent to. */
  token: string;
  values?: TipFormValues;
  problems?: PageProblems;
  /** Files had been chosen when the form came back: say they must be chosen again. */
  filesLost?: boolean;
  limits: { maxFiles: number; totalBytes: number };
}

/** The tip form for a browser without JavaScript: one page, every step of the portal's form in order. */
export function tipFormPage(texts: PortalTexts, page: TipFormPage): string {
  const { lang, context, values = {}, problems } = page;
  const t = (key: string, vars?: Record<string, string | number>) => texts.t(lang, key, vars);
  const errors = problems?.fields ?? {};
  const optional = t('tip.optional');
  const appealSlug = context.appeal?.slug;
  const text = (
    name: keyof TipFormValues,
    label: string,
    type: string,
    extra: { hint?: string; max: number; autocomplete?: string },
  ) =>
    field({
      name,
      label,
      hint: extra.hint,
      error: errors[name],
      control: (id, ids, invalid) =>
        html`<input
          type="${type}"
          id="${id}"
          name="${name}"
          value="${values[name]}"
          maxlength="${extra.max}"
          ${extra.autocomplete && html` autocomplete="${extra.autocomplete}"`}${describedBy(ids, invalid)}
        />`,
    });

  const main = html` ${errorSummary(t('basic.errorSummary'), problems)}
    <h1>${t('tip.title')}</h1>
    <p class="lead">${t('tip.intro')}</p>
    ${context.appeal && html`<p class="panel"><strong>${t('followUp.appeal')}</strong>${context.appeal.title[lang] ?? context.appeal.title.fr ?? context.appeal.title.en}</p>`}
    ${context.appealClosed && html`<p class="note">${t('tip.aboutClosed')}</p>`}
    <div class="panel emergency">
      <p>
        <strong>${t('tip.emergency.label')}</strong> <a href="tel:911">${t('tip.emergency.call')}</a>.
        ${t('tip.emergency.note')}
      </p>
    </div>
    <form
      method="post"
      action="${BASIC_TIP_FORM_PATH}${query({ lang, t: page.token })}"
      enctype="multipart/form-data"
      novalidate
    >
      <input type="hidden" name="language" value="${lang}" />
      ${appealSlug && html`<input type="hidden" name="appeal" value="${appealSlug}" />`}
      ${
        context.agencies.length > 0 &&
        field({
          name: 'agency',
          label: t('tip.agency.label'),
          error: errors.agency,
          control: (id, ids, invalid) =>
            html`<select id="${id}" name="agency" required${describedBy(ids, invalid)}>
              <option value="">${t('tip.agency.choose')}</option>
              ${context.agencies.map((a) => html`<option value="${a.slug}" ${values.agency === a.slug && html` selected`}>${a.name}</option>`)}
            </select>`,
        })
      }
      <fieldset>
        <legend>${t('tip.what.legend')}</legend>
        ${field({
          name: 'description',
          label: t('tip.what.description'),
          hint: t('tip.what.descriptionHint'),
          error: errors.description,
          control: (id, ids, invalid) =>
            html`<textarea
              id="${id}"
              name="description"
              rows="8"
              maxlength="${TIP_LIMITS.descriptionMax}"
              required${describedBy(ids, invalid)}
            >
${values.description}</textarea>`,
        })}
      </fieldset>
      <fieldset>
        <legend>${t('tip.when.legend')}</legend>
        ${text('occurredLocal', `${t('tip.when.from')} ${optional}`, 'datetime-local', { hint: t('basic.form.whenHint'), max: 16 })}
      </fieldset>
      <fieldset>
        <legend>${t('tip.where.legend')}</legend>
        ${text('place', `${t('tip.where.place')} ${optional}`, 'text', { hint: t('tip.where.placeHint'), max: TIP_LIMITS.placeMax })}
      </fieldset>
      <fieldset>
        <legend>${t('tip.contact.legend')} ${optional}</legend>
        <p class="hint">${t('basic.form.contactHint')}</p>
        ${text('contactName', t('tip.contact.name'), 'text', { max: TIP_LIMITS.nameMax, autocomplete: 'name' })}
        ${text('contactPhone', t('tip.contact.phone'), 'tel', { max: TIP_LIMITS.phoneMax, autocomplete: 'tel' })}
        ${text('contactEmail', t('tip.contact.email'), 'email', { max: TIP_LIMITS.emailMax, autocomplete: 'email' })}
      </fieldset>
      <fieldset>
        <legend>${t('tip.files.legend')} ${optional}</legend>
        ${field({
          name: 'files',
          label: t('tip.files.gallery'),
          hint: t('basic.form.filesHint', {
            max: page.limits.maxFiles,
            total: fileSize(texts, lang, page.limits.totalBytes),
          }),
          error: errors.files ?? (page.filesLost ? t('basic.form.filesAgain') : undefined),
          control: (id, ids, invalid) =>
            html`<input
              type="file"
              id="${id}"
              name="files"
              multiple
              accept="image/*,video/*,audio/*"
              ${describedBy(ids, invalid)}
            />`,
        })}
      </fieldset>
      <div class="panel">
        <h2>${t('tip.contact.privacyHeading')}</h2>
        <ul>
          <li>${t('tip.contact.noIp')}</li>
          <li>${t('basic.form.noCookies')}</li>
          <li>${t('tip.contact.credentials')}</li>
          <li>${t('tip.contact.encrypted')}</li>
          <li>${t('tip.contact.caution')}</li>
        </ul>
      </div>
      <p class="hint">${t('basic.form.submitNote')}</p>
      <div class="actions"><button class="button" type="submit">${t('tipSend.review.submit')}</button></div>
    </form>`;
  return basicPage(texts, lang, {
    title: t('tip.title'),
    path: BASIC_TIP_FORM_PATH,
    switchQuery: { appeal: appealSlug },
    main,
  });
}

/** A refusal that leaves no form to draw again (the per-client limit, before the body was read). */
export function tipRefusalPage(texts: PortalTexts, lang: PageLanguage, message: string): string {
  const t = (key: string) => texts.t(lang, key);
  const main = html`<div
      class="error-summary"
      role="alert"
      aria-labelledby="error-summary-title"
      tabindex="-1"
      autofocus
    >
      <h2 id="error-summary-title">${t('basic.errorSummary')}</h2>
      <p>${message}</p>
    </div>
    <h1>${t('tip.title')}</h1>
    <div class="actions">
      <a class="button" href="${BASIC_TIP_FORM_PATH}${query({ lang })}">${t('basic.form.newForm')}</a>
    </div>`;
  return basicPage(texts, lang, { title: t('tip.title'), path: BASIC_TIP_FORM_PATH, main });
}

/** The receipt: the code and passphrase, once, on a page that prints without the site's frame. */
export function receiptPage(
  texts: PortalTexts,
  lang: PageLanguage,
  receipt: TipReceipt,
  { timeZone, publicUrl }: { timeZone: string; publicUrl: string },
): string {
  const t = (key: string, vars?: Record<string, string | number>) => texts.t(lang, key, vars);
  const main = html`<h1 tabindex="-1" autofocus>${t('tipSend.receipt.title')}</h1>
    <p>${t('tipSend.receipt.receivedAt', { date: publicDate(receipt.receivedAt, lang, timeZone, true) })}</p>
    <div class="note">
      <h2>${t('tipSend.receipt.warningTitle')}</h2>
      <p>${t('tipSend.receipt.warning')}</p>
    </div>
    <dl class="credentials">
      <dt>${t('tipSend.receipt.code')}</dt>
      <dd id="tip-code">${receipt.code}</dd>
      <dt>${t('tipSend.receipt.password')}</dt>
      <dd id="tip-password">${receipt.password}</dd>
    </dl>
    <p>${t('tipSend.receipt.printWhere', { url: `${publicUrl}/tips/follow-up` })}</p>
    <p>${t('tipSend.receipt.next')}</p>
    <p class="no-print">${t('basic.receipt.keep')}</p>
    <div class="actions">
      <a class="button" href="${BASIC_FOLLOW_UP_PATH}${query({ lang })}">${t('tipSend.receipt.followUp')}</a>
      <a class="button secondary" href="${BASIC_TIP_FORM_PATH}${query({ lang })}"
        >${t('tipSend.receipt.another')}</a
      >
    </div>`;
  return basicPage(texts, lang, {
    title: t('tipSend.receipt.title'),
    path: BASIC_TIP_FORM_PATH,
    // The other language's link would open an empty form: the receipt is never shown twice.
    languageSwitch: false,
    main,
  });
}
