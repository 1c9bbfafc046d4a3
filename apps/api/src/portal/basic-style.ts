import { createHash } from 'node:crypto';

/**
 * The stylesheet of the pages drawn without JavaScript (and of the notice the app's shell shows when
 * scripts are off). Served by the app under a name that changes with its content, so the strict CSP
 * (`style-src 'self'`, no inline style) holds and browsers keep it for a year. Rules are scoped to
 * `.basic` and `.noscript-notice` so that the shell's own styles are untouched. Colours are the portal's.
 */
const CSS = `
.basic, .noscript-notice {
  --ink: #1b1f27; --muted: #4a5362; --surface: #f1f4f8; --border: #c5cdd8; --control: #5b6576;
  --brand: #14284b; --link: #0b4f96; --focus: #0b4f96; --error: #b3261e; --error-bg: #fdf0ef;
  --success: #1e6b3a; --success-bg: #edf7f0; --info-bg: #eef4fb;
}
body.basic {
  margin: 0; min-width: 320px; background: #fff; color: var(--ink);
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 1.0625rem; line-height: 1.55;
}
.basic *, .basic *::before, .basic *::after, .noscript-notice * { box-sizing: border-box; }
.basic a, .noscript-notice a { color: var(--link); text-underline-offset: 0.15em; }
.basic :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.basic .skip { position: absolute; left: -999px; top: 0; padding: 0.5rem 1rem; background: #fff; }
.basic .skip:focus { left: 0.5rem; z-index: 2; }
.basic-header { background: var(--brand); color: #fff; }
.basic-header a { color: #fff; }
.basic-header .bar, .basic main, .basic-footer .bar {
  max-width: 42rem; margin: 0 auto; padding: 0.75rem 1rem;
}
.basic-header .bar { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; justify-content: space-between; }
.basic-header .brand { font-weight: 700; font-size: 1.25rem; text-decoration: none; }
.basic-header .mode { font-size: 0.875rem; margin: 0; }
.basic main { padding-top: 1.5rem; padding-bottom: 2rem; }
.basic h1 { font-size: clamp(1.6rem, 1.2rem + 2vw, 2.25rem); line-height: 1.2; margin: 0 0 1rem; }
.basic h2 { font-size: 1.3rem; line-height: 1.25; margin: 1.5rem 0 0.75rem; }
.basic p { margin: 0 0 1rem; }
.basic .lead { font-size: 1.125rem; }
.basic .hint { color: var(--muted); font-size: 0.95rem; margin: 0.25rem 0 0.5rem; }
.basic .panel { background: var(--surface); border-radius: 8px; padding: 1rem; margin: 0 0 1.25rem; }
.basic .emergency { border-left: 6px solid #b53d0c; }
.basic fieldset { border: 1px solid var(--border); border-radius: 8px; margin: 0 0 1.25rem; padding: 0.75rem 1rem 1rem; min-width: 0; }
.basic legend { font-weight: 700; font-size: 1.125rem; padding: 0 0.25rem; }
.basic .field { margin: 0 0 1rem; }
.basic label { display: block; font-weight: 600; }
.basic input[type="text"], .basic input[type="email"], .basic input[type="tel"], .basic input[type="password"],
.basic input[type="datetime-local"], .basic select, .basic textarea {
  display: block; width: 100%; min-height: 2.75rem; padding: 0.5rem 0.65rem; margin-top: 0.25rem;
  border: 2px solid var(--control); border-radius: 4px; font: inherit; color: inherit; background: #fff;
}
.basic textarea { min-height: 9rem; resize: vertical; }
.basic input[type="file"] { display: block; margin-top: 0.5rem; font: inherit; width: 100%; }
.basic .invalid input, .basic .invalid textarea, .basic .invalid select { border-color: var(--error); }
.basic .field-error { color: var(--error); font-weight: 700; margin: 0.25rem 0; }
.basic .button {
  display: inline-block; min-height: 2.75rem; padding: 0.6rem 1.5rem; border: 2px solid var(--brand);
  border-radius: 4px; background: var(--brand); color: #fff; font: inherit; font-weight: 700; cursor: pointer;
  text-decoration: none;
}
.basic .button.secondary { background: #fff; color: var(--brand); }
.basic .actions { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; margin: 1rem 0; }
.basic .error-summary { border: 4px solid var(--error); background: var(--error-bg); padding: 1rem; margin: 0 0 1.5rem; }
.basic .error-summary h2 { margin-top: 0; color: var(--error); }
.basic .error-summary ul { margin: 0; padding-left: 1.25rem; }
.basic .error-summary a { color: var(--error); font-weight: 700; }
.basic .notice { border-left: 6px solid var(--success); background: var(--success-bg); padding: 0.75rem 1rem; margin: 0 0 1.25rem; }
.basic .note { border-left: 6px solid var(--link); background: var(--info-bg); padding: 0.75rem 1rem; margin: 0 0 1.25rem; }
.basic .credentials { border: 3px dashed var(--brand); border-radius: 8px; padding: 1rem; margin: 0 0 1.25rem; }
.basic .credentials dt { font-weight: 700; }
.basic .credentials dd {
  margin: 0 0 0.75rem; font-family: ui-monospace, "DejaVu Sans Mono", Menlo, monospace;
  font-size: 1.4rem; font-weight: 700; letter-spacing: 0.04em; overflow-wrap: anywhere;
}
.basic .thread { list-style: none; padding: 0; margin: 0 0 1.25rem; }
.basic .thread li { border: 1px solid var(--border); border-radius: 8px; padding: 0.75rem 1rem; margin: 0 0 0.75rem; }
.basic .thread .from-INVESTIGATOR { background: var(--info-bg); }
.basic .thread .meta { color: var(--muted); font-size: 0.9rem; margin: 0 0 0.25rem; }
.basic .thread .body { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
.basic-footer { border-top: 1px solid var(--border); color: var(--muted); font-size: 0.9rem; }
.basic-footer p { margin: 0.5rem 0; }
/* The app's shell with scripts off (this stylesheet is inside its <noscript>): its placeholder frame
   stops filling the screen, so the notice shows right under the header, not below the fold. */
#root > .page { min-height: 0; }
.noscript-notice {
  width: calc(100% - 2rem); max-width: 42rem; margin: 1.5rem auto; padding: 1rem 1.25rem; border: 3px solid var(--brand);
  border-radius: 8px; background: #fff; color: var(--ink);
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; line-height: 1.5;
}
.noscript-notice h2 { font-size: 1.2rem; margin: 0 0 0.5rem; }
.noscript-notice p { margin: 0 0 0.5rem; }
.noscript-notice ul { margin: 0 0 0.75rem; padding-left: 1.25rem; }
.noscript-notice li { margin: 0.25rem 0; }
@media print {
  .basic-header, .basic-footer, .basic .actions, .basic .no-print, .basic .skip { display: none; }
  body.basic { font-size: 12pt; }
  .basic main { padding: 0; max-width: none; }
  .basic a { color: inherit; text-decoration: none; }
  .basic .credentials { border-color: #000; }
}
`.trim();

export const BASIC_STYLESHEET = {
  css: CSS,
  /** Where the app serves it: the name carries a hash of the content, so it may be kept for a year. */
  path: `/basic/style.${createHash('sha256').update(CSS).digest('hex').slice(0, 12)}.css`,
} as const;
