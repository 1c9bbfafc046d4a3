import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ProofOfWorkChallenge } from '@vigie/common';
import { createChallenge, verifySolution } from 'altcha-lib/v1';
import { createHmac } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { tipError } from './tips.errors';

const VALID_FOR_MS = 20 * 60_000;
/** About a second of work on a cheap phone; negligible for one person, costly for a flood. */
const MAX_NUMBER = 100_000;

/**
 * A self-hosted proof-of-work (ALTCHA, v1 SHA-256) in front of tip intake: no third party sees the
 * tipster. A solved challenge is checked before the upload is read (ProofOfWorkGuard) and spent in
 * the transaction that stores the tip: once, across every API process (spent_challenge table), and
 * only when the tip is stored, so a phone that loses its connection mid-upload retries with the
 * same solution instead of solving and sending everything again.
 */
@Injectable()
export class ProofOfWorkService {
  private readonly hmacKey: string;

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
   * Checks a solution without spending it: refuses a missing, wrong, expired or already spent one.
   * Returns its signature, to spend with the tip (null when the check is turned off).
   */
  async check(payload: string | undefined): Promise<string | null> {
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
    const spent = await this.dataSource.query(`SELECT 1 FROM spent_challenge WHERE signature = $1`, [
      signature,
    ]);
    if (spent.length > 0) throw tipError('CHALLENGE_FAILED');
    return signature;
  }

  /** Spends a checked solution in the transaction that stores the tip; a concurrent replay loses. */
  async spend(tx: EntityManager, signature: string | null): Promise<void> {
    if (!signature) return;
    const inserted = await tx.query(
      `INSERT INTO spent_challenge (signature, expires_at) VALUES ($1, now() + interval '1 hour') ON CONFLICT DO NOTHING RETURNING 1`,
      [signature],
    );
    if (inserted.length === 0) throw tipError('CHALLENGE_FAILED');
  }
}
