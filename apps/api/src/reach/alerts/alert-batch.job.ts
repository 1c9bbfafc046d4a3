import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AlertChannel, AlertPushMessage, AppealKind, PublicAppeal, PublicLang } from '@vigie/common';
import { DataSource } from 'typeorm';
import { loggableError } from '../../common/loggable-error';
import { AppConfig } from '../../config/app-config';
import { PublicAppealsService } from '../../appeals/public-appeals.service';
import { PublicAppealCache } from '../../appeals/public-appeal-cache';
import { JobQueue } from '../../jobs/job-queue';
import { ALERT_BATCH_JOB, AlertBatch } from '../../jobs/job-registry';
import { Mailer } from '../../mail/mailer';
import { AUDIENCE_SQL, audienceParams } from './alert-audience';
import { DeliveryRecord } from './alert-deliveries';
import { alertMail } from './alert-mail';
import { AlertText, alertText, UNSUBSCRIBE_LABEL } from './alert-messages';
import { UNSUBSCRIBE_PATH } from './alert-subscriptions.service';
import { AlertTokens } from './alert-tokens';
import { PreparedPush, PushOutcome, PushSender } from './push-sender';

/** Messages in flight at once per batch: keeps a push service's connections busy without flooding it. */
const CONCURRENCY = 32;
/**
 * What a push service or the relay could not take is tried once more after this pause, within the
 * batch, before the job fails and pg-boss's backoff (seconds, then minutes) takes over: a moment's
 * overload should not hold an AMBER alert back for minutes.
 */
const SECOND_TRY_AFTER_MS = 1000;
/** An AMBER alert is urgent and stale within a day; the rest may wait for a phone to wake. */
const PUSH_TTL_SECONDS = 24 * 3600;

interface Recipient {
  id: string;
  channel: AlertChannel;
  endpoint: string | null;
  p256dh: string | null;
  auth: string | null;
  email: string | null;
  language: PublicLang;
}

/**
 * Sends one batch of a publication's alerts: to the subscribers of its slice that have no delivery
 * row for the publication yet. Each one sent gets a SENT row, each final refusal a REFUSED row
 * (written a few hundred at a time as answers come in), and subscriptions whose push service says
 * they are gone (404, 410) are removed. Those the push service could not take now (429, 5xx, no
 * answer) get no row and the job fails, so pg-boss runs it again later for them alone.
 */
@Injectable()
export class AlertBatchJob implements OnModuleInit {
  private readonly logger = new Logger(AlertBatchJob.name);
  /** The appeal as published, read once per publication in this process rather than once per batch. */
  private readonly appeals = new Map<string, { at: number; appeal: Promise<PublicAppeal | null> }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly publicAppeals: PublicAppealsService,
    private readonly jobs: JobQueue,
    private readonly mailer: Mailer,
    private readonly tokens: AlertTokens,
    private readonly push: PushSender,
    private readonly config: AppConfig,
    publicCache: PublicAppealCache,
  ) {
    // A withdrawal or resolution mid fan-out: the batches after it read the appeal again (and
    // find it gone) rather than alert from a copy up to a minute old. Every process hears it.
    publicCache.onChange(() => this.appeals.clear());
  }

  async onModuleInit(): Promise<void> {
    await this.jobs.define({ name: ALERT_BATCH_JOB, handle: (batch) => this.handle(batch), retryLimit: 8 });
    // This process runs batches: its encryption threads start now, not when the first alert waits.
    if (this.config.env.WORKERS > 0) this.push.warm();
  }

  async handle(batch: AlertBatch): Promise<void> {
    const [publication]: { agency_id: string; latitude: number | null; longitude: number | null }[] =
      await this.dataSource.query(
        `SELECT agency_id, latitude, longitude FROM alert_publication WHERE key = $1`,
        [batch.publicationKey],
      );
    const appeal = await this.appealOf(batch);
    if (!publication || !appeal) return;
    const place =
      publication.latitude === null || publication.longitude === null
        ? null
        : { latitude: publication.latitude, longitude: publication.longitude };
    // The slice's audience not reached yet: a delivery row is written once a subscriber was sent
    // the alert (or refused for good), so a run again skips them.
    const recipients: Recipient[] = await this.dataSource.query(
      `SELECT s.id, s.channel, s.endpoint, s.p256dh, s.auth, s.email, s.language
         FROM alert_subscription s
        WHERE ${AUDIENCE_SQL} AND s.id >= $5 AND ($6::uuid IS NULL OR s.id < $6)
          AND NOT EXISTS (SELECT 1 FROM alert_delivery d WHERE d.publication_key = $7 AND d.subscription_id = s.id)`,
      [
        ...audienceParams(publication.agency_id, appeal.kind, place),
        batch.fromId,
        batch.toId,
        batch.publicationKey,
      ],
    );
    if (recipients.length === 0) return;

    const texts: Partial<Record<PublicLang, AlertText | null>> = {};
    const textIn = (lang: PublicLang) => (texts[lang] ??= alertText(appeal, batch.publication, lang));
    const unsubscribeBase = `${this.config.publicUrl}${UNSUBSCRIBE_PATH}?token=`;
    const unsubscribeUrl = (r: Recipient) =>
      `${unsubscribeBase}${this.tokens.unsubscribe(r.id)}&lang=${r.language}`;
    const deliveries = new DeliveryRecord(this.dataSource, batch.publicationKey);
    const gone: string[] = [];
    const sendAll = async (group: Recipient[]): Promise<Recipient[]> => {
      // Every push message of the group is asked for at once: the encryption threads work through
      // them while the first ones are already on their way.
      const pushes = new Map<string, Promise<PreparedPush | null>>();
      for (const r of group) {
        const text = textIn(r.language);
        if (text && r.channel === AlertChannel.PUSH)
          pushes.set(r.id, this.preparePush(r, text, appeal, unsubscribeUrl(r)));
      }
      const retry: Recipient[] = [];
      await eachAtMost(CONCURRENCY, group, async (r) => {
        const text = textIn(r.language);
        const prepared = pushes.get(r.id);
        const outcome: PushOutcome = !text
          ? 'REFUSED'
          : prepared
            ? await this.push.post(prepared)
            : await this.mail(r, text, unsubscribeUrl(r));
        if (outcome === 'SENT' || outcome === 'REFUSED') deliveries.add(r.id, outcome);
        else if (outcome === 'GONE') gone.push(r.id);
        else retry.push(r);
      });
      return retry;
    };
    let retry = await sendAll(recipients);
    if (retry.length) {
      await new Promise((resolve) => setTimeout(resolve, SECOND_TRY_AFTER_MS));
      retry = await sendAll(retry);
    }
    await deliveries.flush();
    if (gone.length)
      await this.dataSource.query(`DELETE FROM alert_subscription WHERE id = ANY($1::uuid[])`, [gone]);
    if (retry.length)
      throw new Error(`${retry.length} of ${recipients.length} alerts could not be sent yet; retried later`);
  }

  private preparePush(
    recipient: Recipient,
    text: AlertText,
    appeal: PublicAppeal,
    unsubscribeUrl: string,
  ): Promise<PreparedPush | null> {
    const message: AlertPushMessage = {
      title: text.title,
      body: text.body,
      url: text.url,
      unsubscribeUrl,
      unsubscribeLabel: UNSUBSCRIBE_LABEL[recipient.language],
      tag: `vigie-${appeal.slug}`,
      lang: recipient.language,
    };
    return this.push.prepare(
      { endpoint: recipient.endpoint!, p256dh: recipient.p256dh!, auth: recipient.auth! },
      JSON.stringify(message),
      { urgency: appeal.kind === AppealKind.AMBER_ALERT ? 'high' : 'normal', ttlSeconds: PUSH_TTL_SECONDS },
    );
  }

  private async mail(recipient: Recipient, text: AlertText, unsubscribeUrl: string): Promise<PushOutcome> {
    if (!this.mailer.configured) return 'REFUSED';
    try {
      await this.mailer.sendBulk(alertMail(recipient.email!, recipient.language, text, unsubscribeUrl));
      return 'SENT';
    } catch (err) {
      // A relay's permanent refusal of one address (5xx) is final; the relay being away is not.
      const code = (err as { responseCode?: number }).responseCode;
      if (code && code >= 500) return 'REFUSED';
      this.logger.warn({ err: loggableError(err) }, 'An alert e-mail could not be sent; it will be retried');
      return 'RETRY';
    }
  }

  private appealOf(batch: AlertBatch): Promise<PublicAppeal | null> {
    const now = Date.now();
    for (const [key, entry] of this.appeals) if (now - entry.at > 60_000) this.appeals.delete(key);
    let entry = this.appeals.get(batch.publicationKey);
    if (!entry) {
      entry = { at: now, appeal: this.publicAppeals.publicById(batch.publication.appealId) };
      entry.appeal.catch(() => this.appeals.delete(batch.publicationKey));
      this.appeals.set(batch.publicationKey, entry);
    }
    return entry.appeal;
  }
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function eachAtMost<T>(limit: number, items: T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  });
  await Promise.all(lanes);
}
