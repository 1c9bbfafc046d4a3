import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CreateTipDto, MessageAuthor, TipChannel, TipStatus } from '@vigie/common';
import { createHmac, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { SecretBox } from '../../common/crypto/secret-box';
import { AppConfig } from '../../config/app-config';
import { LiveEvents } from '../../events/live-events';
import { JobQueue } from '../../jobs/job-queue';
import { DEDUPE_SCORE_JOB } from '../../jobs/job-registry';
import type { ReceivedFile } from '../../media/hashing-disk-storage';
import { TipMessage } from '../tip-message.entity';
import { SMS_SENDER_CONTEXT } from '../tipster-contact';
import { hashPassphrase, newPassphrase } from '../tipster-credentials';
import { TipFiles } from '../uploads/tip-files';
import { UploadBudgets } from '../uploads/upload-budget';
import { smsKeyword } from './sms-keywords';
import { TipIntakeService } from './tip-intake.service';

/** One text message as the provider delivered it, its signature already checked. */
export interface InboundText {
  agencyId: string;
  /** The tip's language when this text opens one: the agency's first. */
  language: 'fr' | 'en';
  messageSid: string;
  /** E.164. Sealed and hashed here; never stored or logged in clear. */
  from: string;
  body: string;
  files: ReceivedFile[];
}

/** What became of a text, for the channel to answer; `canReply` is false once the sender said STOP. */
export type TextOutcome = { canReply: boolean } & (
  | { kind: 'OPENED'; code: string; password: string }
  | { kind: 'THREADED'; code: string }
  | { kind: 'OPTED_OUT'; first: boolean }
  | { kind: 'OPTED_IN' }
  | { kind: 'HELP' }
  | { kind: 'REPLAYED' }
);

class Replayed extends Error {}

/**
 * Text-message tips (channel SMS). A first text opens a tip; later ones from the same number within
 * SMS_THREAD_HOURS of its last join that tip's thread (unless it was closed). STOP / START / HELP
 * keywords never open a tip. Files go through the same inspection and sealing as web uploads
 * (TipFiles). Each provider message id is recorded in the same transaction as what it stored, so a
 * provider's retry of a message is answered without storing it twice.
 */
@Injectable()
export class SmsIntake {
  private readonly senderKeySecret: Buffer;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly intake: TipIntakeService,
    private readonly files: TipFiles,
    private readonly budgets: UploadBudgets,
    private readonly jobs: JobQueue,
    private readonly box: SecretBox,
    private readonly live: LiveEvents,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {
    this.senderKeySecret = createHmac('sha256', config.encryptionKey).update('vigie:sms-sender').digest();
  }

  /** The keyed hash of a number: threads texts and keys opt-outs without keeping the number. */
  senderKey(number: string): string {
    return createHmac('sha256', this.senderKeySecret).update(number).digest('base64url');
  }

  async receive(text: InboundText): Promise<TextOutcome> {
    const key = this.senderKey(text.from);
    const keyword = smsKeyword(text.body);
    if (keyword) return this.command(text, key, keyword);
    if (await this.seen(text.messageSid)) return { kind: 'REPLAYED', canReply: false };
    // Inspected before anything is stored: a hostile file refuses the whole text (DomainException).
    const media = await this.files.inspect(text.files);
    const canReply = !(await this.optedOut(text.agencyId, key));
    const now = this.clock.now();
    const thread = await this.openThread(text.agencyId, key, now);
    try {
      if (thread) {
        await this.files.seal(thread.id, media, (recordFiles) =>
          this.dataSource.transaction(async (tx) => {
            await this.budgets.checkRecording(
              tx,
              thread.id,
              media.length,
              media.reduce((sum, m) => sum + m.file.size, 0),
            );
            await this.claimSid(tx.query.bind(tx), text, thread.id, now);
            if (text.body.trim())
              await tx.insert(TipMessage, {
                tipId: thread.id,
                agencyId: text.agencyId,
                author: MessageAuthor.TIPSTER,
                staffId: null,
                body: text.body.trim(),
              });
            // Scored again now on its words (they may name a plate or a number), and again as each
            // file is processed (uploads/tip-media.job.ts).
            if (text.body.trim())
              await this.jobs.sendInTransaction(tx, DEDUPE_SCORE_JOB, { tipId: thread.id });
            await recordFiles(tx, text.agencyId, now);
            await tx.query(
              `UPDATE tip SET media_count = media_count + $2, sms_last_inbound_at = $3, tipster_activity_at = $3 WHERE id = $1`,
              [thread.id, media.length, now],
            );
            await this.live.emit(tx, text.agencyId, text.body.trim() ? 'tip.message' : 'tip.media_added', {
              tipId: thread.id,
            });
          }),
        );
        return { kind: 'THREADED', code: thread.code, canReply };
      }
      const tipId = randomUUID();
      const password = newPassphrase(text.language);
      const passwordHash = await hashPassphrase(password);
      const dto = Object.assign(new CreateTipDto(), {
        description: text.body.trim(),
        language: text.language,
      });
      const code = await this.files.seal(tipId, media, (recordFiles) =>
        this.dataSource.transaction(async (tx) => {
          await this.claimSid(tx.query.bind(tx), text, null, now);
          const code = await this.intake.insertTip(
            tx,
            tipId,
            dto,
            { agencyId: text.agencyId, appealId: null },
            { passwordHash, receivedAt: now, language: text.language, mediaCount: media.length },
            {
              channel: TipChannel.SMS,
              smsSenderEnc: this.box.seal(text.from, SMS_SENDER_CONTEXT),
              smsSenderKey: key,
              smsLastInboundAt: now,
            },
          );
          await tx.query(`UPDATE sms_inbound_message SET tip_id = $2 WHERE message_sid = $1`, [
            text.messageSid,
            tipId,
          ]);
          await recordFiles(tx, text.agencyId, now);
          // Scored at once on its words, and again as each file is processed, as web tips are.
          await this.jobs.sendInTransaction(tx, DEDUPE_SCORE_JOB, { tipId });
          return code;
        }),
      );
      this.live.queue(text.agencyId, 'tip.received', { tipId });
      return { kind: 'OPENED', code, password, canReply };
    } catch (err) {
      // The same message twice at once: the second's transaction found the id taken and stored nothing.
      if (err instanceof Replayed) return { kind: 'REPLAYED', canReply: false };
      throw err;
    }
  }

  /**
   * An investigator's message to a text-message tipster, for the channel to send: the number
   * opened for this send only, or null when there is nothing to send (the tip was purged, is not
   * an SMS tip, or the number said STOP).
   */
  async outgoing(messageId: string): Promise<{ agencyId: string; to: string; body: string } | null> {
    const [row]: {
      agency_id: string;
      body: string;
      sms_sender_enc: string | null;
      sms_sender_key: string | null;
    }[] = await this.dataSource.query(
      `SELECT m.agency_id, m.body, t.sms_sender_enc, t.sms_sender_key
           FROM tip_message m JOIN tip t ON t.id = m.tip_id
          WHERE m.id = $1 AND m.author = $2`,
      [messageId, MessageAuthor.INVESTIGATOR],
    );
    if (!row?.sms_sender_enc || !row.sms_sender_key) return null;
    if (await this.optedOut(row.agency_id, row.sms_sender_key)) return null;
    return {
      agencyId: row.agency_id,
      to: this.box.open(row.sms_sender_enc, SMS_SENDER_CONTEXT),
      body: row.body,
    };
  }

  /** Whether texts may still be sent to this number (it has not said STOP to this agency). */
  async optedOut(agencyId: string, key: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM sms_opt_out WHERE agency_id = $1 AND sender_key = $2`,
      [agencyId, key],
    );
    return rows.length > 0;
  }

  private async command(
    text: InboundText,
    key: string,
    keyword: NonNullable<ReturnType<typeof smsKeyword>>,
  ): Promise<TextOutcome> {
    if (keyword === 'HELP') return { kind: 'HELP', canReply: !(await this.optedOut(text.agencyId, key)) };
    if (keyword === 'START') {
      await this.dataSource.query(`DELETE FROM sms_opt_out WHERE agency_id = $1 AND sender_key = $2`, [
        text.agencyId,
        key,
      ]);
      return { kind: 'OPTED_IN', canReply: true };
    }
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO sms_opt_out (agency_id, sender_key, opted_out_at) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING sender_key`,
      [text.agencyId, key, this.clock.now()],
    );
    // Confirmed once: the carrier allows one confirmation, and nothing after it.
    return { kind: 'OPTED_OUT', first: inserted.length > 0, canReply: inserted.length > 0 };
  }

  private async seen(messageSid: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM sms_inbound_message WHERE message_sid = $1`,
      [messageSid],
    );
    return rows.length > 0;
  }

  private async claimSid(
    query: (sql: string, params: unknown[]) => Promise<unknown[]>,
    text: InboundText,
    tipId: string | null,
    now: Date,
  ): Promise<void> {
    const rows = await query(
      `INSERT INTO sms_inbound_message (message_sid, agency_id, tip_id, received_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING RETURNING message_sid`,
      [text.messageSid, text.agencyId, tipId, now],
    );
    if (rows.length === 0) throw new Replayed();
  }

  /** The open tip this number texted last within the window, if any. */
  private async openThread(
    agencyId: string,
    key: string,
    now: Date,
  ): Promise<{ id: string; code: string } | null> {
    const since = new Date(now.getTime() - this.config.env.SMS_THREAD_HOURS * 3_600_000);
    const rows: { id: string; code: string }[] = await this.dataSource.query(
      `SELECT id, code FROM tip
        WHERE agency_id = $1 AND sms_sender_key = $2 AND sms_last_inbound_at > $3 AND status <> $4
        ORDER BY sms_last_inbound_at DESC LIMIT 1`,
      [agencyId, key, since, TipStatus.CLOSED],
    );
    return rows[0] ?? null;
  }
}
