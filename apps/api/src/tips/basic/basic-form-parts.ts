import { html, SafeHtml } from '../../portal/html';
import type { PageLanguage, PortalTexts } from '../../portal/portal-texts';

/** A refusal to show: a message for the page, and messages per field (already in the page's language). */
export interface PageProblems {
  message?: string;
  fields?: Record<string, string>;
}

/** Each field's id on the page, so the error summary links to it. */
export const fieldId = (name: string) => `field-${name}`;

/**
 * The list of what is wrong, at the top of the form, each linking to its field; focused on arrival
 * (`autofocus`, which needs no script) so a screen reader reads it first.
 */
export function errorSummary(title: string, problems: PageProblems | undefined): SafeHtml | false {
  const fields = Object.entries(problems?.fields ?? {});
  if (!problems || (!problems.message && fields.length === 0)) return false;
  return html`<div
    class="error-summary"
    role="alert"
    aria-labelledby="error-summary-title"
    tabindex="-1"
    autofocus
  >
    <h2 id="error-summary-title">${title}</h2>
    <ul>
      ${problems.message && html`<li>${problems.message}</li>`}
      ${fields.map(([name, message]) => html`<li><a href="#${fieldId(name)}">${message}</a></li>`)}
    </ul>
  </div>`;
}

interface FieldOptions {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  /** The control itself, given its id and the ids that describe it. */
  control: (id: string, describedBy: string | undefined, invalid: boolean) => SafeHtml;
}

/** A label, an optional hint and error, and the control, tied together for assistive technology. */
export function field({ name, label, hint, error, control }: FieldOptions): SafeHtml {
  const id = fieldId(name);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return html`<div class="field${error ? ' invalid' : ''}">
    <label for="${id}">${label}</label>
    ${hint && html`<p class="hint" id="${hintId}">${hint}</p>`}
    ${error && html`<p class="field-error" id="${errorId}">${error}</p>`}
    ${control(id, describedBy, Boolean(error))}
  </div>`;
}

/** `aria-describedby` and `aria-invalid`, when they apply. */
export function describedBy(ids: string | undefined, invalid: boolean): SafeHtml {
  return html`${ids && html` aria-describedby="${ids}"`}${invalid && html` aria-invalid="true"`}`;
}

const MB = 1024 * 1024;

/** A size as the portal writes it ("2 Go", "350 MB"), with its words. */
export function fileSize(texts: PortalTexts, lang: PageLanguage, bytes: number): string {
  const [unit, value] = bytes >= 1024 * MB ? ['gb', bytes / (1024 * MB)] : ['mb', bytes / MB];
  const number = new Intl.NumberFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', { maximumFractionDigits: 1 });
  return texts.t(lang, `tip.files.${unit}`, { size: number.format(value) });
}
