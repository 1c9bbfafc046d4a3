import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { Agencies } from '../../identity/agencies.service';
import { JobQueue } from '../../jobs/job-queue';
import { SMS_SEND_JOB } from '../../jobs/job-registry';
import { SmsIntake } from '../../tips/intake';

/** Provider answers that a retry cannot change (a bad or unsubscribed number): given up, not retried. */
const PERMANENT = (status: number) => status >= 400 && status < 500 && status !== 408 && status !== 429;

/**
 * Sends an investigator's message to a text-message tipster through the provider's REST API
 * (`POST {SMS_API_BASE_URL}/2010-04-01/Accounts/{sid}/Messages.json`, form-encoded To/From/Body,
 * basic auth). A job, so the staff request never waits on the provider, and a provider outage is
 * retried (JobQueue's backoff). Logs name the message id only, never the number or the text.
 */
@Injectable()
export class SmsSendJob implements OnModuleInit {
  private readonly logger = new Logger(SmsSendJob.name);

  constructor(
    private readonly config: AppConfig,
    private readonly jobs: JobQueue,
    private readonly intake: SmsIntake,
    private readonly agencies: Agencies,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.define({ name: SMS_SEND_JOB, handle: ({ messageId }) => this.send(messageId) });
  }

  async send(messageId: string): Promise<void> {
    const { env } = this.config;
    if (!env.SMS_ENABLED) return void this.logger.warn({ messageId }, 'SMS is off: message not sent');
    const message = await this.intake.outgoing(messageId);
    if (!message)
      return void this.logger.log({ messageId }, 'No SMS to send (purged, or the number said STOP)');
    const { smsNumber } = await this.agencies.settings(message.agencyId);
    if (!smsNumber)
      return void this.logger.warn({ messageId }, 'The agency has no SMS number: message not sent');
    const url = new URL(
      `/2010-04-01/Accounts/${encodeURIComponent(env.SMS_ACCOUNT_SID!)}/Messages.json`,
      env.SMS_API_BASE_URL,
    );
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${env.SMS_ACCOUNT_SID}:${env.SMS_AUTH_TOKEN}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      // A WhatsApp tipster (`whatsapp:+1…`) is answered from the agency's number on WhatsApp.
      body: new URLSearchParams({
        To: message.to,
        From: message.to.startsWith('whatsapp:') ? `whatsapp:${smsNumber}` : smsNumber,
        Body: message.body,
      }).toString(),
      redirect: 'error',
      signal: AbortSignal.timeout(30_000),
    });
    await res.body?.cancel();
    if (res.ok) return void this.logger.log({ messageId }, 'SMS handed to the provider');
    if (PERMANENT(res.status))
      return void this.logger.warn({ messageId, status: res.status }, 'The SMS provider refused the message');
    throw new Error(`SMS provider answered ${res.status}`);
  }
}
