import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CoarseTipStatus,
  FollowUpSession,
  FollowUpView,
  MessageAuthor,
  normalizeTipCode,
  RewardDto,
  TipStatus,
} from '@vigie/common';
import { Clock } from '../../common/clock';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import type { ReceivedFile } from '../../media/hashing-disk-storage';
import { FollowUpSignInLocks } from './follow-up-sign-in-locks';
import { FollowUpTokens } from './follow-up-token';
import { TipFiles } from '../uploads/tip-files';
import { UploadBudgets } from '../uploads/upload-budget';
import { TipMedia } from '../tip-media.entity';
import { TipMessage } from '../tip-message.entity';
import { Tip } from '../tip.entity';
import { tipError } from '../tips.errors';
import { verifyPassphrase } from '../tipster-credentials';
import { LiveEvents } from '../../events/live-events';
import { JobQueue } from '../../jobs/job-queue';
import { DEDUPE_SCORE_JOB } from '../../jobs/job-registry';

const COARSE: Record<TipStatus, CoarseTipStatus> = {
  [TipStatus.NEW]: CoarseTipStatus.RECEIVED,
  [TipStatus.IN_REVIEW]: CoarseTipStatus.BEING_REVIEWED,
  [TipStatus.ACTIONABLE]: CoarseTipStatus.BEING_REVIEWED,
  [TipStatus.NEEDS_INFO]: CoarseTipStatus.BEING_REVIEWED,
  [TipStatus.NOT_ACTIONABLE]: CoarseTipStatus.CLOSED,
  [TipStatus.LINKED]: CoarseTipStatus.BEING_REVIEWED,
  [TipStatus.CLOSED]: CoarseTipStatus.CLOSED,
};

/**
 * The tipster's side after sending: sign in with code and passphrase, read and answer the
 * investigators, add files. Attempts lock the code for a while after ten tries, in the database so
 * that every API process counts them (FollowUpSignInLocks). Nothing here reveals staff or other
 * tips, nor whether a code exists.
 */
@Injectable()
export class TipFollowUpService {
  readonly tokens: FollowUpTokens;
  private readonly locks: FollowUpSignInLocks;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly files: TipFiles,
    private readonly live: LiveEvents,
    private readonly budgets: UploadBudgets,
    private readonly clock: Clock,
    private readonly jobs: JobQueue,
    config: AppConfig,
  ) {
    this.tokens = new FollowUpTokens(config.encryptionKey);
    this.locks = new FollowUpSignInLocks(dataSource, config.encryptionKey);
  }

  /**
   * Every path costs the same: one lock statement, one tip lookup and one argon2 verification (on a
   * dummy hash for an unknown code), and the same answers, so neither the timing nor the lock tells
   * whether a code exists.
   */
  async signIn(code: string, password: string): Promise<FollowUpSession> {
    const tip = await this.checkCredentials(code, password);
    if (!tip) throw tipError('BAD_CREDENTIALS');
    const { token, expiresAt } = this.tokens.issue(tip.id);
    return { token, expiresAt: expiresAt.toISOString() };
  }

  /**
   * The tip a code and passphrase open, or null, under the same lock and cost whoever asks: the
   * tipster, or a call-taker on their behalf (`agencyId`: only that agency's tips, another's is as
   * unknown as a made-up code).
   */
  async checkCredentials(
    code: string,
    password: string,
    agencyId?: string,
  ): Promise<{ id: string; agencyId: string } | null> {
    const normalized = normalizeTipCode(code);
    const codeKey = this.locks.keyOf(normalized ?? code.trim().toUpperCase());
    if (!(await this.locks.admit(codeKey))) throw tipError('LOCKED');
    const query = this.dataSource
      .getRepository(Tip)
      .createQueryBuilder('t')
      .addSelect('t.passwordHash')
      .where('t.code = :code', { code: normalized });
    if (agencyId) query.andWhere('t.agency_id = :agencyId', { agencyId });
    const tip = normalized ? await query.getOne() : null;
    if (!(await verifyPassphrase(tip?.passwordHash, password)) || !tip) return null;
    await this.locks.clear(codeKey);
    return { id: tip.id, agencyId: tip.agencyId };
  }

  /** The tip id behind a token from the Authorization header, or 401. */
  tipIdOf(authorization: string | undefined, graceMs = 0): string {
    const tipId = this.tokens.verify(authorization?.replace(/^Bearer\s+/i, ''), Date.now(), graceMs);
    if (!tipId) throw tipError('TOKEN_INVALID');
    return tipId;
  }

  async view(tipId: string): Promise<FollowUpView> {
    const tip = await this.dataSource.getRepository(Tip).findOneBy({ id: tipId });
    if (!tip) throw tipError('TOKEN_INVALID'); // purged while the token was still valid
    const [messages, files, appealRows, claim, uploads] = await Promise.all([
      this.dataSource.getRepository(TipMessage).find({ where: { tipId }, order: { createdAt: 'ASC' } }),
      this.dataSource.getRepository(TipMedia).find({ where: { tipId }, order: { fromTipsterAt: 'ASC' } }),
      tip.appealId
        ? this.dataSource.query(
            `SELECT a.slug, v.public->'content'->'title' AS title, a.status
               FROM appeal a LEFT JOIN appeal_version v ON v.id = a.current_version_id WHERE a.id = $1`,
            [tip.appealId],
          )
        : Promise.resolve([]),
      this.dataSource.query(`SELECT status, created_at FROM reward_claim WHERE tip_id = $1`, [tipId]),
      this.budgets.allowance(tipId),
    ]);
    const appeal = appealRows[0];
    return {
      code: tip.code,
      receivedAt: tip.receivedAt.toISOString(),
      status: COARSE[tip.status],
      appeal: appeal && { slug: appeal.slug, title: appeal.title },
      messages: messages.map((m) => ({ from: m.author, body: m.body, at: m.createdAt.toISOString() })),
      files: files.map((f) => ({ kind: f.kind, receivedAt: f.fromTipsterAt.toISOString() })),
      uploads,
      // The reward in force when the tip arrived, kept with it: a resolved appeal changes nothing.
      reward: rewardEligibility(tip.rewardTerms, claim?.[0], this.clock.now()),
    };
  }

  /** `alsoInTransaction`: what commits with the message (a call-back's audit line). */
  async addMessage(
    tipId: string,
    body: string,
    alsoInTransaction?: (tx: EntityManager, messageId: string) => Promise<void>,
  ): Promise<FollowUpView> {
    await this.dataSource.transaction(async (tx) => {
      const tip = await tx.findOne(Tip, { where: { id: tipId }, lock: { mode: 'pessimistic_write' } });
      if (!tip || tip.status === TipStatus.CLOSED) throw tipError('TIP_CLOSED');
      const { identifiers } = await tx.insert(TipMessage, {
        tipId,
        agencyId: tip.agencyId,
        author: MessageAuthor.TIPSTER,
        staffId: null,
        body,
      });
      await tx.update(Tip, { id: tipId }, { tipsterActivityAt: this.clock.now() });
      // Scored again with what the message says: dedupe's job reads its plates, numbers and
      // addresses into the tip's observables first (issue 18), then compares.
      await this.jobs.sendInTransaction(tx, DEDUPE_SCORE_JOB, { tipId });
      await alsoInTransaction?.(tx, String(identifiers[0].id));
      await this.live.emit(tx, tip.agencyId, 'tip.message', { tipId });
    });
    return this.view(tipId);
  }

  /** More files for an existing tip: inspected and sealed exactly as at first intake. */
  async addFiles(tipId: string, files: ReceivedFile[]): Promise<FollowUpView> {
    const tip = await this.dataSource.getRepository(Tip).findOneBy({ id: tipId });
    if (!tip) throw tipError('TOKEN_INVALID'); // purged while the token was still valid
    if (tip.status === TipStatus.CLOSED) throw tipError('TIP_CLOSED');
    const media = await this.files.inspect(files);
    await this.files.seal(tipId, media, (recordFiles) =>
      this.dataSource.transaction(async (tx) => {
        // The last word on the tip's limits, under its row's lock: nothing is recorded past them.
        const bytes = media.reduce((sum, m) => sum + m.file.size, 0);
        await this.budgets.checkRecording(tx, tipId, media.length, bytes);
        const now = this.clock.now();
        await recordFiles(tx, tip.agencyId, now);
        await tx.query(
          `UPDATE tip SET media_count = media_count + $2, tipster_activity_at = $3 WHERE id = $1`,
          [tipId, media.length, now],
        );
        await this.live.emit(tx, tip.agencyId, 'tip.media_added', { tipId });
      }),
    );
    return this.view(tipId);
  }
}

function rewardEligibility(
  reward: RewardDto | null,
  claim: { status: string; created_at: Date } | undefined,
  now: Date,
): FollowUpView['reward'] {
  type ClaimStatus = NonNullable<FollowUpView['reward']['claim']>['status'];
  const claimed = claim && { status: claim.status as ClaimStatus, createdAt: claim.created_at.toISOString() };
  if (!reward) return { offered: false, eligible: false, reason: 'NO_REWARD', claim: claimed };
  const expired = !!reward.expiresAt && new Date(reward.expiresAt) <= now;
  return {
    offered: true,
    eligible: !expired && !claimed,
    reason: expired ? 'EXPIRED' : 'OPEN',
    expiresAt: reward.expiresAt,
    amount: reward.amount,
    currency: reward.currency,
    terms: reward.terms,
    claim: claimed,
  };
}
