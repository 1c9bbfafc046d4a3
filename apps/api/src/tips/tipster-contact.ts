/**
 * The SecretBox context under which a tipster's contact details are sealed (`tip.contact_enc`):
 * intake seals with it, and triage and the evidence package open with it. A value sealed under
 * another context does not open here.
 */
export const CONTACT_CONTEXT = 'tip.contact';

/** The context under which a text-message tipster's number is sealed (`tip.sms_sender_enc`). */
export const SMS_SENDER_CONTEXT = 'tip.sms-sender';
