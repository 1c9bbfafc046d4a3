import { Injectable, Logger } from '@nestjs/common';
import type { OneTimeLinkPurpose, OneTimeLinkResult } from '@vigie/common';
import { Mailer } from '../mail/mailer';

export interface LinkToSend {
  email: string;
  displayName: string;
  /** The agency's name, or null for a platform operator. */
  agencyName: string | null;
  purpose: OneTimeLinkPurpose;
  url: string;
  expiresAt: Date;
}

/**
 * Gets a one-time link to its person: by e-mail when SMTP_URL is set; otherwise (or when the relay
 * refuses it) the link is written once to the log at warn level, the only log line that ever holds
 * one, and returned to the admin who asked, to pass on by hand.
 */
@Injectable()
export class LinkDelivery {
  private readonly logger = new Logger('OneTimeLinks');

  constructor(private readonly mailer: Mailer) {}

  async deliver(link: LinkToSend): Promise<OneTimeLinkResult> {
    const expiresAt = link.expiresAt.toISOString();
    if (this.mailer.configured) {
      try {
        await this.mailer.send({ to: link.email, ...message(link) });
        return { emailed: true, activationUrl: null, expiresAt };
      } catch (err) {
        this.logger.warn(
          `The e-mail to ${link.email} could not be sent (${String(err)}); showing the link instead`,
        );
      }
    }
    this.logger.warn(
      `${link.purpose === 'INVITE' ? 'Invitation' : 'Password reset'} link for ${link.email} (no e-mail sent; valid until ${expiresAt}): ${link.url}`,
    );
    return { emailed: false, activationUrl: link.url, expiresAt };
  }
}

/** One bilingual message (French first, then English): the agency publishes in both. */
function message(link: LinkToSend): { subject: string; text: string } {
  const where = link.agencyName ?? 'Vigie';
  const until = link.expiresAt.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  if (link.purpose === 'INVITE')
    return {
      subject: `Votre compte Vigie – ${where} / Your Vigie account`,
      text:
        `Bonjour ${link.displayName},\n\nUn compte Vigie vous a été ouvert (${where}). ` +
        `Choisissez votre mot de passe avec ce lien, utilisable une seule fois, avant le ${until} :\n\n${link.url}\n\n` +
        `---\n\nHello ${link.displayName},\n\nA Vigie account was opened for you (${where}). ` +
        `Choose your password with this single-use link before ${until}:\n\n${link.url}\n\n` +
        `Si vous n’attendiez pas ce message, ignorez-le. / If you did not expect this, ignore it.\n`,
    };
  return {
    subject: `Nouveau mot de passe Vigie / New Vigie password`,
    text:
      `Bonjour ${link.displayName},\n\nVotre administrateur a réinitialisé votre mot de passe Vigie (${where}). ` +
      `Choisissez-en un nouveau avec ce lien, utilisable une seule fois, avant le ${until} :\n\n${link.url}\n\n` +
      `---\n\nHello ${link.displayName},\n\nYour administrator reset your Vigie password (${where}). ` +
      `Choose a new one with this single-use link before ${until}:\n\n${link.url}\n`,
  };
}
