import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CreateTipDto, RewardDto, TipChannel, TipReceipt, TipStatus } from '@vigie/common';
import { createHmac, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { SecretBox } from '../../common/crypto/secret-box';
import { AppConfig } from '../../config/app-config';
import { LiveEvents } from '../../events/live-events';
import { JobQueue } from '../../jobs/job-queue';
import { DEDUPE_SCORE_JOB } from '../../jobs/job-registry';
import type { ReceivedFile } from '../../media/hashing-disk-storage';
import { arrivalPriority } from './arrival-priority';
import { contactKeys } from './contact-keys';
import { spendChallenge } from './proof-of-work.service';
import { Destination, TipDestinations } from './tip-destinations';
import { TipFiles } from '../uploads/tip-files';
import { Tip } from '../tip.entity';
import { insertTipStatement, NewTipRow } from './tip-insert';
import { tipError } from '../tips.errors';
import { CONTACT_CONTEXT } from '../tipster-contact';
import { hashPassphrase, newPassphrase, newTipCode } from '../tipster-credentials';

/**
 * Receives a tip. It answers 201 only once the tip row and every original file are durable:
 * files are sealed into the store first (TipFiles), then one transaction inserts the rows and
 * the processing jobs (for a tip without files, one statement: insertTip). Anything that fails
 * before the commit leaves nothing behind.
 */
@Injectable()
export class TipIntakeService {
  private readonly contactKey: Buffer;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly files: TipFiles,
    private readonly jobs: JobQueue,
    private readonly box: SecretBox,
    private readonly live: LiveEvents,
    private readonly destinations: TipDestinations,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    this.contactKey = createHmac('sha256', config.encryptionKey).update('vigie:contact-keys').digest();
  }

  /** `challenge`: the checked proof-of-work's signature, spent in the transaction that stores the tip. */
  async receive(
    dto: CreateTipDto,
    files: ReceivedFile[],
    challenge: string | null = null,
  ): Promise<TipReceipt> {
    return this.receiveAt(await this.destinations.resolve(dto), dto, files, { challenge });
  }

  /**
   * Stores a tip for a destination already resolved. `channel` says how it came (the web form by
   * default); `alsoInTransaction` runs in the transaction that inserts it (a phone tip's audit line),
   * so the tip and what is said about it commit or vanish together.
   */
  async receiveAt(
    destination: Destination,
    dto: CreateTipDto,
    files: ReceivedFile[],
    options: {
      challenge?: string | null;
      channel?: TipChannel;
      alsoInTransaction?: (tx: EntityManager, tipId: string) => Promise<void>;
    } = {},
  ): Promise<TipReceipt> {
    const media = await this.files.inspect(files);
    const language = dto.language ?? 'fr';
    const password = newPassphrase(language);
    const passwordHash = await hashPassphrase(password);
    // The arrival is the moment the tipster's words are read against ("hier vers 21 h").
    const receivedAt = this.clock.now();
    const tipId = randomUUID();

    const store = (db: EntityManager) =>
      this.insertTip(
        db,
        tipId,
        dto,
        destination,
        {
          passwordHash,
          receivedAt,
          language,
          mediaCount: media.length,
          challenge: options.challenge ?? null,
          // Scored at once on what is known now (words, place, time, contact, the files' SHA-256),
          // and again as each file is processed (uploads/tip-media.job.ts): a photo tip's duplicates
          // by its words must not wait behind the media queue.
          scoreDuplicates: true,
        },
        { channel: options.channel ?? TipChannel.WEB },
      );
    // A tip without files is one statement (insertTip's), its own transaction: one round trip and
    // one flush to store it durably, where BEGIN and COMMIT would add two.
    const code =
      media.length === 0 && !options.alsoInTransaction
        ? await store(this.dataSource.manager)
        : await this.files.seal(tipId, media, (recordFiles) =>
            this.dataSource.transaction(async (tx) => {
              const code = await store(tx);
              await recordFiles(tx, destination.agencyId, receivedAt);
              await options.alsoInTransaction?.(tx, tipId);
              return code;
            }),
          );
    this.live.queue(destination.agencyId, 'tip.received', { tipId });
    return { code, password, receivedAt: receivedAt.toISOString() };
  }

  /**
   * Inserts the tip, drawing a new code in the (astronomically rare) case of a collision, in one
   * statement (one round trip) with what goes with it: with a `challenge` (a reserved
   * proof-of-work's signature), its spend, the tip inserted only if it was still reserved (refused
   * otherwise); with `scoreDuplicates`, its duplicate-scoring job. Complete on its own: run by
   * itself (`db` outside a transaction) it stores the tip durably or not at all.
   */
  async insertTip(
    db: EntityManager,
    id: string,
    dto: CreateTipDto,
    to: Destination,
    facts: {
      passwordHash: string;
      receivedAt: Date;
      language: 'fr' | 'en';
      mediaCount: number;
      challenge?: string | null;
      scoreDuplicates?: boolean;
    },
    channel: Pick<Tip, 'channel'> &
      Partial<Pick<Tip, 'smsSenderEnc' | 'smsSenderKey' | 'smsLastInboundAt'>> = {
      channel: TipChannel.WEB,
    },
  ): Promise<string> {
    const contact =
      dto.contactName || dto.contactPhone || dto.contactEmail
        ? {
            name: dto.contactName,
            phone: dto.contactPhone,
            email: dto.contactEmail,
            language: facts.language,
          }
        : null;
    const keys = contactKeys(this.contactKey, { phone: dto.contactPhone, email: dto.contactEmail });
    const occurredFrom = dto.occurredFrom ? new Date(dto.occurredFrom) : null;
    const hasLocation = dto.latitude !== undefined || !!dto.place?.trim();
    const row: Omit<NewTipRow, 'code'> = {
      id,
      agencyId: to.agencyId,
      passwordHash: facts.passwordHash,
      appealId: to.appealId,
      description: dto.description,
      occurredFrom,
      occurredTo: dto.occurredTo ? new Date(dto.occurredTo) : null,
      place: dto.place ?? null,
      latitude: dto.latitude ?? null,
      longitude: dto.longitude ?? null,
      accuracyM: dto.accuracyM ?? null,
      language: facts.language,
      contactEnc: contact ? this.box.seal(JSON.stringify(contact), CONTACT_CONTEXT) : null,
      contactPhoneKey: keys.phone,
      contactEmailKey: keys.email,
      status: TipStatus.NEW,
      priority: arrivalPriority({
        appealKind: to.appealKind,
        hasLocation,
        hasMedia: facts.mediaCount > 0,
        occurredAt: occurredFrom ?? undefined,
        descriptionLength: dto.description.trim().length,
        receivedAt: facts.receivedAt,
      }),
      // The reward in force now stays this tip's, whatever later happens to the appeal.
      rewardTerms: openReward(to.reward, facts.receivedAt),
      receivedAt: facts.receivedAt,
      mediaCount: facts.mediaCount,
      smsSenderEnc: channel.smsSenderEnc ?? null,
      smsSenderKey: channel.smsSenderKey ?? null,
      smsLastInboundAt: channel.smsLastInboundAt ?? null,
      channel: channel.channel,
    };
    let challenge = facts.challenge ?? null;
    for (let attempt = 0; ; attempt++) {
      const code = newTipCode();
      // ON CONFLICT rather than a savepoint: no round trip more, for a collision that even at a
      // million tips is a two-in-a-million event (39-bit codes). The spend and the job do not
      // depend on the insert: after a collision the solution is spent (the next draw does not spend
      // it again), and the job is sent again with the next draw (the first may run before the tip
      // exists, and find nothing to score; scoring twice is harmless).
      const insert = insertTipStatement(
        { ...row, code },
        2,
        `$1::text IS NULL OR EXISTS (SELECT 1 FROM spent)`,
      );
      const job = facts.scoreDuplicates
        ? await this.jobs.sendStatement(DEDUPE_SCORE_JOB, { tipId: id }, 2 + insert.parameters.length)
        : undefined;
      const [{ spent, inserted }]: { spent: number; inserted: number }[] = await db.query(
        `WITH spent AS (${spendChallenge('$1')}), inserted AS (${insert.sql})${job ? `, queued AS (${job.sql})` : ''}
         SELECT (SELECT count(*) FROM spent)::int AS spent, (SELECT count(*) FROM inserted)::int AS inserted`,
        [challenge, ...insert.parameters, ...(job?.parameters ?? [])],
      );
      if (challenge && spent !== 1) throw tipError('CHALLENGE_FAILED');
      challenge = null;
      if (inserted === 1) return code;
      if (attempt >= 5) throw new Error('No free tip code after 6 draws');
    }
  }
}

/** A reward whose deadline has not passed at the tip's arrival, or null. */
function openReward(reward: RewardDto | null | undefined, at: Date): RewardDto | null {
  if (!reward || typeof reward !== 'object') return null;
  return reward.expiresAt && new Date(reward.expiresAt) <= at ? null : reward;
}
