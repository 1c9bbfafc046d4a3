import type { PublicLang } from '@vigie/common';
import type { MailMessage } from '../../mail/mailer';
import { CONFIRMATION_LIFETIME_MS } from './alert-tokens';
import type { AlertText } from './alert-messages';

const HOURS = CONFIRMATION_LIFETIME_MS / 3600_000;

/**
 * The e-mail that asks an address's owner to confirm (double opt-in). Plain text: no image, no
 * tracked link, nothing that tells anyone it was opened. Nothing was stored yet; ignoring it is enough.
 */
export function confirmationMail(
  to: string,
  lang: PublicLang,
  agencyName: string,
  confirmUrl: string,
): MailMessage {
  const text = {
    fr: [
      `Vous (ou quelqu’un qui a donné votre adresse) avez demandé à recevoir par courriel les avis publics de ${agencyName}.`,
      `Pour confirmer, ouvrez ce lien dans les ${HOURS} heures :`,
      confirmUrl,
      'Si vous n’avez rien demandé, ignorez ce message : votre adresse n’a pas été conservée.',
    ],
    en: [
      `You (or someone who gave your address) asked to receive public appeals from ${agencyName} by e-mail.`,
      `To confirm, open this link within ${HOURS} hours:`,
      confirmUrl,
      'If you did not ask, ignore this message: your address has not been kept.',
    ],
  }[lang].join('\n\n');
  const subject = {
    fr: `Confirmez votre abonnement aux avis de ${agencyName}`,
    en: `Confirm your subscription to ${agencyName}'s appeals`,
  }[lang];
  return { to, subject, text };
}

/**
 * One alert. It carries the one-click unsubscribe of RFC 8058 (the mail client POSTs
 * `List-Unsubscribe=One-Click` to the link, no page to fill in) and the same link in the text.
 */
export function alertMail(
  to: string,
  lang: PublicLang,
  alert: AlertText,
  unsubscribeUrl: string,
): MailMessage {
  const footer = {
    fr: `Vous recevez ce message parce que vous vous êtes abonné aux avis publics de ce service de police. Pour ne plus les recevoir : ${unsubscribeUrl}`,
    en: `You receive this message because you subscribed to this police service's public appeals. To stop receiving them: ${unsubscribeUrl}`,
  }[lang];
  return {
    to,
    subject: alert.title,
    text: `${alert.details}\n\n-- \n${footer}\n`,
    headers: {
      'List-Unsubscribe': `<${unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'Auto-Submitted': 'auto-generated',
      'Content-Language': lang,
    },
  };
}
