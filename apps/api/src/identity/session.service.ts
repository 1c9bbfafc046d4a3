import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { StaffSessionView } from '@vigie/common';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AppConfig } from '../config/app-config';
import {
  NO_AGENCY,
  SESSION_REVOKED_CHANNEL,
  type SessionLookup,
  type StaffActor,
} from '../common/staff-actor';
import { StaffSession } from './staff-session.entity';
import type { StaffUser } from './staff-user.entity';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A session's last-seen time is written at most this often, not on every request. */
const SEEN_EVERY_MS = 60_000;

@Injectable()
export class SessionService implements SessionLookup {
  private readonly logger = new Logger(SessionService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async create(manager: EntityManager, user: StaffUser): Promise<{ token: string; session: StaffSession }> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const session = manager.create(StaffSession, {
      tokenHash: hashToken(token),
      userId: user.id,
      agencyId: user.agencyId,
      csrfToken: randomBytes(24).toString('base64url'),
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.config.env.SESSION_TTL_HOURS * 3_600_000),
      lastSeenAt: now,
      revokedAt: null,
    });
    await manager.insert(StaffSession, session);
    return { token, session };
  }

  /** One query per request: the session, its user and whether the user is still allowed in. */
  async resolve(token: string): Promise<StaffActor | null> {
    const tokenHash = hashToken(token);
    const [row] = await this.dataSource.query(
      `SELECT s.user_id, s.agency_id, s.csrf_token, s.last_seen_at, u.roles, u.totp_enabled,
              -- An operator (no agency) holds the keys to every agency's first admin: TOTP is not optional.
              coalesce(a.require_totp, true) AS require_totp
         FROM staff_session s
         JOIN staff_user u ON u.id = s.user_id
         LEFT JOIN agency a ON a.id = s.agency_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.disabled_at IS NULL`,
      [tokenHash],
    );
    if (!row) return null;
    if (!row.last_seen_at || Date.now() - new Date(row.last_seen_at).getTime() > SEEN_EVERY_MS) {
      void this.dataSource
        .query(`UPDATE staff_session SET last_seen_at = now() WHERE token_hash = $1`, [tokenHash])
        .catch((err) => this.logger.warn(`session last-seen not recorded: ${String(err)}`));
    }
    return {
      userId: row.user_id,
      agencyId: row.agency_id ?? NO_AGENCY,
      roles: row.roles,
      sessionHash: tokenHash,
      csrfToken: row.csrf_token,
      totpEnrolmentRequired: row.require_totp && !row.totp_enabled,
    };
  }

  async revoke(manager: EntityManager, tokenHash: string): Promise<void> {
    await manager.update(StaffSession, { tokenHash, revokedAt: IsNull() }, { revokedAt: new Date() });
    await this.announce(manager, [tokenHash]);
  }

  /** Ends every open session of a person (disabled, password or TOTP reset); returns how many. */
  async revokeAllOf(manager: EntityManager, userId: string): Promise<number> {
    // TypeORM answers an UPDATE … RETURNING with [rows, count].
    const [rows]: [{ token_hash: string }[], number] = await manager.query(
      `UPDATE staff_session SET revoked_at = now()
        WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now() RETURNING token_hash`,
      [userId],
    );
    await this.announce(
      manager,
      rows.map((r) => r.token_hash),
    );
    return rows.length;
  }

  /** Ends one session of a person, by its public id; false when it is not theirs or already over. */
  async revokeById(manager: EntityManager, userId: string, sessionId: string): Promise<boolean> {
    const [rows]: [{ token_hash: string }[], number] = await manager.query(
      `UPDATE staff_session SET revoked_at = now()
        WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL AND expires_at > now() RETURNING token_hash`,
      [sessionId, userId],
    );
    await this.announce(
      manager,
      rows.map((r) => r.token_hash),
    );
    return rows.length > 0;
  }

  /** A person's sessions still open, newest first; `currentHash` marks the one asking. */
  async openSessionsOf(userId: string, currentHash?: string): Promise<StaffSessionView[]> {
    const rows = await this.dataSource
      .getRepository(StaffSession)
      .createQueryBuilder('s')
      .where('s.userId = :userId AND s.revokedAt IS NULL AND s.expiresAt > now()', { userId })
      .orderBy('s.createdAt', 'DESC')
      .getMany();
    return rows.map((s) => ({
      id: s.id,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt?.toISOString() ?? null,
      expiresAt: s.expiresAt.toISOString(),
      current: s.tokenHash === currentHash,
    }));
  }

  /**
   * Tells every API process (NOTIFY, delivered only if the transaction commits) which sessions
   * ended, so that open event streams of those sessions close at once rather than at their next
   * heartbeat. The payload is the token's hash, which cannot be replayed as a session.
   */
  private async announce(manager: EntityManager, hashes: string[]): Promise<void> {
    for (const hash of hashes)
      await manager.query('SELECT pg_notify($1, $2)', [SESSION_REVOKED_CHANNEL, hash]);
  }
}
