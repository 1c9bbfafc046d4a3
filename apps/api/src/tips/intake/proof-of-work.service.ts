import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ProofOfWorkChallenge } from '@vigie/common';
import { createChallenge, verifySolution } from 'altcha-lib/v1';
import { createHmac } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { tipError } from '../tips.errors';

const VALID_FOR_MS = 20 * 60_000;
/** About a second of work on a cheap phone; negligible for one person, costly for a flood. */
const MAX_NUMBER = 100_000;

/** Requests one solution may carry that fail (a cut-off upload, a field to fix) before another is needed. */
export const CHALLENGE_ATTEMPTS = 3;
/**
 * The statement that spends a reserved solution (signature in `parameter`, null for none; no row
 * when it was not reserved), for the statement that stores the tip to run it with its insert
 * (TipIntakeService.insertTip): a solution is spent exactly when a tip is stored.
 */
export const spendChallenge = (parameter: string) =>
  `UPDATE spent_challenge SET state = 'spent' WHERE signature = ${parameter}::text AND state = 'pending' RETURNING 1`;

/** How often each process deletes the rows of solutions past their expiry (refused anyway). */
const PRUNE_EVERY_MS = 10 * 60_000;

/**
 * A self-hosted proof-of-work (ALTCHA, v1 SHA-256) in front of tip intake: no third party sees the
 * tipster. A solution is checked and reserved before the upload is read (ProofOfWorkGuard), by one
 * request at a time across every API process; released if that request fails, so a phone whose
 * upload was cut off retries with it, up to CHALLENGE_ATTEMPTS requests; and spent in the
 * transaction that stores the tip. One solution never carries uploads without end.
 */
@Injectable()
export class ProofOfWorkService {
  private readonly hmacKey: string;
  private prunedAt = Date.now();

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    this.hmacKey = createHmac('sha256', config.encryptionKey).update('vigie:altcha').digest('base64url');
  }

  get enabled(): boolean {
    return this.config.env.TIP_CHALLENGE === 'on';
  }

  challenge(): Promise<ProofOfWorkChallenge> {
    return createChallenge({
      hmacKey: this.hmacKey,
      maxNumber: MAX_NUMBER,
      expires: new Date(Date.now() + VALID_FOR_MS),
    });
  }

  /**
   * Checks a solution and reserves it for this request: refuses a missing, wrong or expired one,
   * one in use by another request, spent, or past its attempts. Returns its signature, to spend
   * with the tip or release on failure (null when the check is turned off).
   */
  async reserve(payload: string | undefined): Promise<string | null> {
    if (!this.enabled) return null;
    if (!payload) throw tipError('CHALLENGE_REQUIRED');
    let signature: string;
    try {
      signature = String(JSON.parse(Buffer.from(payload, 'base64').toString('utf8')).signature ?? '');
    } catch {
      throw tipError('CHALLENGE_FAILED');
    }
    if (!signature || !(await verifySolution(payload, this.hmacKey, true).catch(() => false)))
      throw tipError('CHALLENGE_FAILED');
    if (!(await this.reserveSignature(signature, new Date(Date.now() + 60 * 60_000))))
      throw tipError('CHALLENGE_FAILED');
    return signature;
  }

  /**
   * Reserves a single-use token this server issued and has already checked (the form drawn without
   * JavaScript: tips/basic/form-token.ts), with the same states as a solution: false when it is in use,
   * spent, or past its attempts. Its row is kept until `keepUntil`, past which the token is refused anyway.
   */
  async reserveSignature(signature: string, keepUntil: Date): Promise<boolean> {
    // Committed without waiting for its WAL flush (synchronous_commit off for this statement's own
    // transaction only): the reservation is seen by every other request at once all the same, and
    // what makes a solution spent for good is the tip's transaction, whose flush carries this
    // earlier record with it. A crash can lose only a reservation whose tip never committed, and
    // such a solution may be sent again anyway. It was the second of two flushes a tip waited for.
    const reserved = await this.dataSource.query(
      `WITH no_flush_wait AS (SELECT set_config('synchronous_commit', 'off', true))
       INSERT INTO spent_challenge AS c (signature, expires_at, state, attempts)
       SELECT $1::text, $3::timestamptz, 'pending', 1 FROM no_flush_wait
       ON CONFLICT (signature) DO UPDATE SET state = 'pending', attempts = c.attempts + 1
         WHERE c.state = 'released' AND c.attempts < $2
       RETURNING 1`,
      [signature, CHALLENGE_ATTEMPTS, keepUntil],
    );
    this.pruneNowAndThen();
    return reserved.length > 0;
  }

  /** Deletes, in the background, what no request can use any more: solutions past their expiry. */
  private pruneNowAndThen(): void {
    if (Date.now() - this.prunedAt < PRUNE_EVERY_MS) return;
    this.prunedAt = Date.now();
    void this.dataSource.query(`DELETE FROM spent_challenge WHERE expires_at < now()`).catch(() => undefined);
  }

  /** The request that reserved it failed: the solution may carry another, within its attempts. */
  async release(signature: string | null | undefined): Promise<void> {
    if (!signature) return;
    await this.dataSource.query(
      `UPDATE spent_challenge SET state = 'released' WHERE signature = $1 AND state = 'pending'`,
      [signature],
    );
  }
}
