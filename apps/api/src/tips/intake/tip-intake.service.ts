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
import { tipError } from '../tips.errors';
import { CONTACT_CONTEXT } from '../tipster-contact';
import { hashPassphrase, newPassphrase, newTipCode } from '../tipster-credentials';

/**
 * Receives a tip. It answers 201 only once the tip row and every original file are durable:
 * files are sealed into the store first (TipFiles), then one transaction inserts the rows and
 * the processing jobs. Anything that fails before the commit leaves nothing behind.
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

    const code = await this.files.seal(tipId, media, (recordFiles) =>
      this.dataSource.transaction(async (tx) => {
        const code = await this.insertTip(
          tx,
          tipId,
          dto,
          destination,
          {
            passwordHash,
            receivedAt,
            language,
            mediaCount: media.length,
            challenge: options.challenge ?? null,
            // With files, duplicate scoring follows each file's processing (uploads/tip-media.job.ts).
            scoreDuplicates: media.length === 0,
          },
          { channel: options.channel ?? TipChannel.WEB },
        );
        await recordFiles(tx, destination.agencyId, receivedAt);
        await options.alsoInTransaction?.(tx, tipId);
        return code;
      }),
    );
    this.live.queue(destination.agencyId, 'tip.received', { tipId });
    return { code, password, receivedAt: receivedAt.toISOString() };
  }

  /**
   * Inserts the tip, drawing a new code in the (astronomically rare) case of a collision. In the
   * same statement, one round trip: with a `challenge` (a reserved proof-of-work's signature), its
   * spend, a solution not reserved any more (spent, released) refusing the tip; with
   * `scoreDuplicates`, its duplicate-scoring job.
   */
  async insertTip(
    tx: EntityManager,
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
    let challenge = facts.challenge ?? null;
    let scoreDuplicates = facts.scoreDuplicates ?? false;
    for (let attempt = 0; ; attempt++) {
      const code = newTipCode();
      // ON CONFLICT rather than a savepoint: two round trips fewer on every tip, for a collision
      // that even at a million tips is a two-in-a-million event (39-bit codes).
      const [insert, parameters] = tx
        .createQueryBuilder()
        .insert()
        .into(Tip)
        .values({
          id,
          agencyId: to.agencyId,
          code,
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
          version: 1,
          // The reward in force now stays this tip's, whatever later happens to the appeal.
          rewardTerms: openReward(to.reward, facts.receivedAt),
          receivedAt: facts.receivedAt,
          mediaCount: facts.mediaCount,
          ...channel,
        })
        .orIgnore()
        .returning('id')
        .getQueryAndParameters();
      // Neither the spend nor the job depends on the insert: after a code collision both are done,
      // in the transaction, and the next draw repeats neither.
      const job = scoreDuplicates
        ? await this.jobs.sendStatement(DEDUPE_SCORE_JOB, { tipId: id }, parameters.length + 2)
        : undefined;
      const [{ spent, inserted }]: { spent: number; inserted: number }[] = await tx.query(
        `WITH spent AS (${spendChallenge(`$${parameters.length + 1}`)}), inserted AS (${insert})
         ${job ? `, queued AS (${job.sql})` : ''}
         SELECT (SELECT count(*) FROM spent)::int AS spent, (SELECT count(*) FROM inserted)::int AS inserted`,
        [...parameters, challenge, ...(job?.parameters ?? [])],
      );
      if (challenge && spent !== 1) throw tipError('CHALLENGE_FAILED');
      challenge = null;
      scoreDuplicates = false;
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
