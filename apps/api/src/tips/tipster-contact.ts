/**
 * The SecretBox context under which a tipster's contact details are sealed (`tip.contact_enc`):
 * intake seals with it, and triage and the evidence package open with it. A value sealed under
 * another context does not open here.
 */
export const CONTACT_CONTEXT = 'tip.contact';
