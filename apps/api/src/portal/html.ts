import { escapeMarkup } from '../common/markup';

/**
 * Markup that is already safe: built by `html` from escaped parts, never from a string a visitor sent.
 * The only way to make one is `html` itself or `trustedMarkup` (for constants written in this code).
 */
export class SafeHtml {
  private constructor(readonly markup: string) {}

  /** Markup written in this code base (no visitor's text): an inline SVG, a doctype. */
  static trusted(markup: string): SafeHtml {
    return new SafeHtml(markup);
  }

  toString(): string {
    return this.markup;
  }
}

/** What may go into a `${}` of `html`: text (escaped), safe markup (as is), or lists of either. */
export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.markup;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeMarkup(value as string | number);
}

/**
 * The one way server-rendered pages are written: every interpolated value is escaped for text and
 * attribute values (quotes included) unless it is SafeHtml made by this same function. Attribute values
 * must be quoted in the template (`href="${url}"`); `false`, null and undefined render nothing, so
 * `${error && html`<p>…</p>`}` works.
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0];
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1];
  });
  return SafeHtml.trusted(out);
}

/** A query string from parameters, leaving out empty ones (`?lang=fr&appeal=x`), for use inside `html`. */
export function query(params: Record<string, string | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}
