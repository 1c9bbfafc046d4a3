import { Injectable } from '@nestjs/common';
import type { OneTimeLinkPurpose } from '@vigie/common';
import { randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { Agency } from './agency.entity';
import { identityError } from './identity.errors';
import { OneTimeLink } from './one-time-link.entity';
import { hashToken } from './session.service';
import { StaffUser } from './staff-user.entity';

/** How long an invitation or reset link works. */
export const LINK_TTL_MS = 24 * 3_600_000;
/** The shape of a token we hand out (32 random bytes, base64url): anything else is refused unread. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export interface UsableLink {
  link: OneTimeLink;
  user: StaffUser;
  agency: Agency | null;
}

/** Issues and resolves one-time links; each person has at most one link that works. */
@Injectable()
export class OneTimeLinks {
  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async issue(
    tx: EntityManager,
    userId: string,
    purpose: OneTimeLinkPurpose,
    createdBy: string | null,
  ): Promise<{ token: string; url: string; expiresAt: Date }> {
    const now = this.clock.now();
    await tx.query(
      `UPDATE staff_one_time_link SET revoked_at = $2 WHERE user_id = $1 AND used_at IS NULL AND revoked_at IS NULL`,
      [userId, now],
    );
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + LINK_TTL_MS);
    await tx.insert(OneTimeLink, {
      tokenHash: hashToken(token),
      userId,
      purpose,
      createdBy,
      createdAt: now,
      expiresAt,
      usedAt: null,
      revokedAt: null,
    });
    return { token, url: `${this.config.publicUrl}/desk/activate/${token}`, expiresAt };
  }

  /** Revokes a person's links still unused (disabled account). */
  async revokeAllOf(tx: EntityManager, userId: string): Promise<void> {
    await tx.query(
      `UPDATE staff_one_time_link SET revoked_at = $2 WHERE user_id = $1 AND used_at IS NULL AND revoked_at IS NULL`,
      [userId, this.clock.now()],
    );
  }

  /**
   * The link a token opens, if it still works: 404 for a token never issued (forged or mistyped),
   * 410 for one used, replaced, expired, or whose account was disabled since. With `lock`, the row
   * is held until the transaction ends, so two tabs cannot both use it.
   */
  async usable(manager: EntityManager, token: string, lock = false): Promise<UsableLink> {
    if (!TOKEN_SHAPE.test(token)) throw identityError('LINK_UNKNOWN');
    const query = manager
      .getRepository(OneTimeLink)
      .createQueryBuilder('l')
      .addSelect('l.totpPendingEnc')
      .where('l.tokenHash = :hash', { hash: hashToken(token) });
    const link = await (lock ? query.setLock('pessimistic_write') : query).getOne();
    if (!link) throw identityError('LINK_UNKNOWN');
    const user = await manager
      .getRepository(StaffUser)
      .findOneOrFail({ where: { id: link.userId }, relations: { agency: true } });
    if (
      link.usedAt ||
      link.revokedAt ||
      link.expiresAt.getTime() <= this.clock.now().getTime() ||
      user.disabledAt
    )
      throw identityError('LINK_SPENT');
    return { link, user, agency: user.agency ?? null };
  }
}
