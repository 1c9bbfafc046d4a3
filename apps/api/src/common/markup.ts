// Characters XML 1.0 forbids outright; text from the public could carry them and break a feed.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Escapes text for HTML or XML content and attribute values: what anyone wrote stays inert text. */
export function escapeMarkup(text: string | number | undefined | null): string {
  return String(text ?? '')
    .replace(FORBIDDEN_IN_XML, '')
    .replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
