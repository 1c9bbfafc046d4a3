import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AppConfig } from '../config/app-config';
import type { SessionLookup, StaffActor } from '../common/staff-actor';
import { StaffSession } from './staff-session.entity';
import type { StaffUser } from './staff-user.entity';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

@Injectable()
export class SessionService implements SessionLookup {
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
      revokedAt: null,
    });
    await manager.insert(StaffSession, session);
    return { token, session };
  }

  /** One query per request: the session, its user and whether the user is still allowed in. */
  async resolve(token: string): Promise<StaffActor | null> {
    const tokenHash = hashToken(token);
    const [row] = await this.dataSource.query(
      `SELECT s.user_id, s.agency_id, s.csrf_token, u.roles, u.totp_enabled, a.require_totp
         FROM staff_session s
         JOIN staff_user u ON u.id = s.user_id
         JOIN agency a ON a.id = s.agency_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.disabled_at IS NULL`,
      [tokenHash],
    );
    if (!row) return null;
    return {
      userId: row.user_id,
      agencyId: row.agency_id,
      roles: row.roles,
      sessionHash: tokenHash,
      csrfToken: row.csrf_token,
      totpEnrolmentRequired: row.require_totp && !row.totp_enabled,
    };
  }

  async revoke(manager: EntityManager, tokenHash: string): Promise<void> {
    await manager.update(StaffSession, { tokenHash, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}
