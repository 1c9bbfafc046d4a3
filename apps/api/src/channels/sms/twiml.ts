/** A TwiML answer to the provider's webhook: one reply text, or none. */
export function twiml(reply: string | null): string {
  const escaped = reply?.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<?xml version="1.0" encoding="UTF-8"?><Response>${escaped ? `<Message>${escaped}</Message>` : ''}</Response>`;
}
