import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ActivateAccountDto, ActivationView, TotpEnrolment } from '@vigie/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { SecretBox } from '../common/crypto/secret-box';
import { identityError } from './identity.errors';
import { OneTimeLink } from './one-time-link.entity';
import { OneTimeLinks, UsableLink } from './one-time-links.service';
import { hashPassword } from './password-hasher';
import { passwordProblem } from './password-policy';
import { SessionService } from './session.service';
import { StaffUser } from './staff-user.entity';
import { newTotpSecret, totpUri, verifyTotp } from './totp';

const TOTP_CONTEXT = 'staff_user.totp';
const LINK_TOTP_CONTEXT = 'staff_one_time_link.totp';

/**
 * What a one-time link lets its holder do, and nothing more: see who it is for, enrol TOTP when
 * it is required, and choose a password. A link that is forged, used, replaced or expired is
 * refused before anything changes.
 */
@Injectable()
export class ActivationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly links: OneTimeLinks,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly box: SecretBox,
    private readonly clock: Clock,
  ) {}

  async view(token: string): Promise<ActivationView> {
    const found = await this.links.usable(this.dataSource.manager, token);
    return {
      purpose: found.link.purpose,
      email: found.user.email,
      displayName: found.user.displayName,
      agencyName: found.agency?.name ?? 'Vigie',
      totpRequired: totpRequired(found),
      expiresAt: found.link.expiresAt.toISOString(),
    };
  }

  /** A new secret tied to this link; activation asks for a code from it. Asking again replaces it. */
  async startTotpEnrolment(token: string): Promise<TotpEnrolment> {
    return this.dataSource.transaction(async (tx) => {
      const found = await this.links.usable(tx, token, true);
      const secret = newTotpSecret();
      await tx.update(
        OneTimeLink,
        { id: found.link.id },
        { totpPendingEnc: this.box.seal(secret, LINK_TOTP_CONTEXT) },
      );
      return { secret, otpauthUri: totpUri(secret, found.user.email) };
    });
  }

  async activate(token: string, dto: ActivateAccountDto): Promise<void> {
    // Checked before the password is hashed (slow on purpose) and checked again under the lock.
    const preview = await this.links.usable(this.dataSource.manager, token);
    const weak = passwordProblem(dto.password, [
      preview.user.email,
      preview.user.displayName,
      preview.agency?.name ?? '',
      preview.agency?.slug ?? '',
    ]);
    if (weak) throw identityError('WEAK_PASSWORD', { errors: { password: weak } });
    const passwordHash = await hashPassword(dto.password);

    await this.dataSource.transaction(async (tx) => {
      const found = await this.links.usable(tx, token, true);
      const { link, user } = found;
      const changes: Partial<StaffUser> = { passwordHash, activatedAt: user.activatedAt ?? this.clock.now() };
      if (totpRequired(found)) {
        if (!link.totpPendingEnc) throw identityError('TOTP_NOT_STARTED');
        if (!dto.totpCode)
          throw identityError('TOTP_INVALID', { errors: { totpCode: 'Enter the 6-digit code' } });
        const secret = this.box.open(link.totpPendingEnc, LINK_TOTP_CONTEXT);
        const step = verifyTotp(secret, dto.totpCode);
        if (step === null)
          throw identityError('TOTP_INVALID', { errors: { totpCode: 'This code is not valid' } });
        Object.assign(changes, {
          totpSecretEnc: this.box.seal(secret, TOTP_CONTEXT),
          totpPendingEnc: null,
          totpEnabled: true,
          totpLastStep: String(step),
        });
      }
      await tx.update(StaffUser, { id: user.id }, changes);
      await tx.update(OneTimeLink, { id: link.id }, { usedAt: this.clock.now(), totpPendingEnc: null });
      // A reset ends whatever sessions the old password had opened.
      const ended = await this.sessions.revokeAllOf(tx, user.id);
      await this.audit.append(tx, {
        agencyId: user.agencyId,
        actorId: user.id,
        action: link.purpose === 'INVITE' ? 'staff.activated' : 'staff.password_reset_completed',
        entityType: 'staff_user',
        entityId: user.id,
        data: { totpEnrolled: !!changes.totpEnabled, sessionsEnded: ended },
      });
    });
  }
}

/** The agency requires TOTP, the person had it (a reset re-enrols), or they are a platform operator. */
function totpRequired({ user, agency }: UsableLink): boolean {
  return !agency || agency.requireTotp || user.totpEnabled;
}
