import { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import { DataSource } from 'typeorm';

/**
 * Rate-limit counters shared by every API process (RATE_LIMIT_STORE=postgres): a fixed window per
 * key in an UNLOGGED table (counters are not worth a disk flush, and losing them in a crash only
 * forgives a few requests). Keys are the throttler's hash of a salted client key, never an address.
 */
export class PostgresThrottlerStorage implements ThrottlerStorage {
  private lastSweep = 0;

  constructor(private readonly dataSource: DataSource) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    _blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const [row] = await this.dataSource.query(
      `INSERT INTO rate_limit_bucket (key, hits, expires_at) VALUES ($1, 1, now() + make_interval(secs => $2::double precision / 1000))
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN rate_limit_bucket.expires_at <= now() THEN 1 ELSE rate_limit_bucket.hits + 1 END,
         expires_at = CASE WHEN rate_limit_bucket.expires_at <= now() THEN excluded.expires_at ELSE rate_limit_bucket.expires_at END
       RETURNING hits, ceil(extract(epoch FROM expires_at - now()))::int AS seconds_left`,
      [`${throttlerName}:${key}`, ttl],
    );
    this.sweep();
    const isBlocked = row.hits > limit;
    return {
      totalHits: row.hits,
      timeToExpire: row.seconds_left,
      isBlocked,
      timeToBlockExpire: isBlocked ? row.seconds_left : 0,
    };
  }

  /** Drops expired windows now and then, from whichever process gets there first. */
  private sweep(): void {
    if (Date.now() - this.lastSweep < 60_000) return;
    this.lastSweep = Date.now();
    void this.dataSource
      .query(`DELETE FROM rate_limit_bucket WHERE expires_at < now()`)
      .catch(() => undefined);
  }
}
