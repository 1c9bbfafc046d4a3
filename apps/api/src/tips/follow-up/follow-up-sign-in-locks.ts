import { createHmac } from 'node:crypto';
import { DataSource } from 'typeorm';

/** Attempts on one code before it locks; then one more each time the lock runs out. */
export const FOLLOW_UP_MAX_ATTEMPTS = 10;
export const FOLLOW_UP_LOCK_MINUTES = 15;
/** A code nobody tried for this long starts afresh (and its row is pruned). */
const FORGET_AFTER_HOURS = 24;

/**
 * Follow-up sign-in attempts, counted per code as typed whether or not a tip has that code: an
 * unknown code locks exactly like a real one, so the lock tells nothing about which codes exist.
 * An attempt is counted before the passphrase is checked, in one statement that also refuses it
 * when the code is locked, so parallel guesses cannot slip past the bound; a right passphrase
 * clears the count. Keys are an HMAC of the code: the codes people try are not kept.
 */
export class FollowUpSignInLocks {
  private readonly key: Buffer;
  private lastPrune = 0;

  constructor(
    private readonly dataSource: DataSource,
    secret: Buffer,
  ) {
    this.key = createHmac('sha256', secret).update('vigie:follow-up-sign-in').digest();
  }

  keyOf(typedCode: string): string {
    return createHmac('sha256', this.key).update(typedCode).digest('base64url');
  }

  /** Counts an attempt on the code; false when the code is locked (nothing counted). */
  async admit(codeKey: string): Promise<boolean> {
    this.prune();
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO follow_up_sign_in_attempt AS a (code_key, attempts, locked_until, last_attempt_at)
         VALUES ($1, 1, NULL, now())
       ON CONFLICT (code_key) DO UPDATE SET
         attempts = CASE WHEN a.last_attempt_at < now() - make_interval(hours => $4) THEN 1 ELSE a.attempts + 1 END,
         locked_until = CASE WHEN a.last_attempt_at >= now() - make_interval(hours => $4) AND a.attempts + 1 >= $2
                             THEN now() + make_interval(mins => $3) END,
         last_attempt_at = now()
       WHERE a.locked_until IS NULL OR a.locked_until <= now()
       RETURNING 1`,
      [codeKey, FOLLOW_UP_MAX_ATTEMPTS, FOLLOW_UP_LOCK_MINUTES, FORGET_AFTER_HOURS],
    );
    return rows.length === 1;
  }

  /** The right passphrase: the code starts afresh. */
  async clear(codeKey: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM follow_up_sign_in_attempt WHERE code_key = $1`, [codeKey]);
  }

  /** Drops rows nobody touched for a day, now and then, from whichever process gets there first. */
  private prune(): void {
    if (Date.now() - this.lastPrune < 10 * 60_000) return;
    this.lastPrune = Date.now();
    void this.dataSource
      .query(
        `DELETE FROM follow_up_sign_in_attempt
          WHERE last_attempt_at < now() - make_interval(hours => $1)
            AND (locked_until IS NULL OR locked_until <= now())`,
        [FORGET_AFTER_HOURS],
      )
      .catch(() => undefined);
  }
}
