import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** Extra header fields, e.g. List-Unsubscribe (RFC 2369, RFC 8058) on alerts. */
  headers?: Record<string, string>;
}

/**
 * Outgoing e-mail through the agency's relay (SMTP_URL, e.g. smtp://user:pass@relay:587 or
 * smtps://…). Without SMTP_URL nothing can be sent, and callers fall back to showing what they
 * would have sent to the person who asked (see identity's link delivery).
 */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private transport?: Transporter;
  private bulkTransport?: Transporter;

  constructor(private readonly config: AppConfig) {}

  get configured(): boolean {
    return !!this.config.env.SMTP_URL;
  }

  /** Resolves once the relay accepted the message; rejects when it refused it or could not be reached. */
  async send(message: MailMessage): Promise<void> {
    if (!this.config.env.SMTP_URL) throw new Error('SMTP_URL is not configured');
    // Bounded: nodemailer's defaults (2 minutes to connect, 10 of socket silence) would hold an
    // admin's invitation that long before its fallback shows them the link instead.
    this.transport ??= createTransport({
      url: this.config.env.SMTP_URL,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    await this.transport.sendMail({ from: this.config.env.SMTP_FROM, ...message });
  }

  /**
   * The same, over a small pool of kept-open connections: for alerts, where thousands go out at
   * once and a connection (and TLS handshake) per message would be the bottleneck.
   */
  async sendBulk(message: MailMessage): Promise<void> {
    if (!this.config.env.SMTP_URL) throw new Error('SMTP_URL is not configured');
    this.bulkTransport ??= createTransport({
      url: this.config.env.SMTP_URL,
      pool: true,
      maxConnections: 4,
      maxMessages: 1000,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    await this.bulkTransport.sendMail({ from: this.config.env.SMTP_FROM, ...message });
  }

  onApplicationShutdown(): void {
    this.transport?.close();
    this.bulkTransport?.close();
  }
}
