import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LoginDto, StaffProfile, TotpEnrolment } from '@vigie/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { SecretBox } from '../common/crypto/secret-box';
import { auditAgencyOf, type StaffActor } from '../common/staff-actor';
import { AppConfig } from '../config/app-config';
import { DeviceCookies } from './device-cookie';
import { identityError } from './identity.errors';
import { verifyPassword } from './password-hasher';
import { SessionService } from './session.service';
import { SignInThrottle } from './sign-in-throttle';
import { ssoError } from './sso/sso.errors';
import { StaffUser } from './staff-user.entity';
import { newTotpSecret, totpUri, verifyTotp } from './totp';
import { passwordSignInOff } from './sso/password-sign-in';

const TOTP_CONTEXT = 'staff_user.totp';

/** Where a sign-in attempt comes from: the client address and the browser's device cookie, if any. */
export interface SignInOrigin {
  clientAddress: string;
  deviceCookie?: string;
}

@Injectable()
export class AuthService {
  private readonly devices: DeviceCookies;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly box: SecretBox,
    private readonly throttle: SignInThrottle,
    private readonly config: AppConfig,
  ) {
    this.devices = new DeviceCookies(config.encryptionKey);
  }

  /**
   * Checks password and, when enrolled, the TOTP code; then opens a session and hands back the
   * browser's device cookie (see SignInThrottle for why). Every outcome but a throttled attempt is
   * audited (a flood of those would bury the audit log, and tells nothing new).
   */
  async login(
    dto: LoginDto,
    origin: SignInOrigin,
  ): Promise<{ token: string; profile: StaffProfile; deviceCookie: string }> {
    const email = dto.email.toLowerCase();
    const user = await this.dataSource
      .getRepository(StaffUser)
      .createQueryBuilder('u')
      .addSelect(['u.passwordHash', 'u.totpSecretEnc', 'u.totpLastStep'])
      .leftJoinAndSelect('u.agency', 'agency')
      .where('u.email = :email', { email })
      .getOne();
    // An invited person, or one whose password was reset, has no password yet: nothing matches.
    const active = user && !user.disabledAt && user.passwordHash ? user : undefined;
    const device = this.devices.read(origin.deviceCookie);
    const knownDevice = active && device?.userId === active.id ? device.deviceId : undefined;
    await this.throttle.admit({ email, clientAddress: origin.clientAddress, knownDevice });

    if (!(await verifyPassword(active?.passwordHash ?? undefined, dto.password))) {
      await this.auditFailure(user, email, active ? 'wrong password' : 'unknown, disabled or not activated');
      throw identityError('INVALID_CREDENTIALS');
    }
    const verified = active!;
    // Only now, behind the throttle and a right password: asked earlier, it would confirm a
    // password at any speed, and time the answer for accounts of agencies that turned it off.
    if (await passwordSignInOff(this.dataSource, verified.agencyId)) {
      await this.auditFailure(verified, email, 'password sign-in off for the agency');
      throw ssoError('PASSWORD_SIGN_IN_OFF');
    }
    let step: number | null = null;
    if (verified.totpEnabled) {
      if (!dto.totp) throw identityError('TOTP_REQUIRED');
      step = verifyTotp(this.box.open(verified.totpSecretEnc!, TOTP_CONTEXT), dto.totp);
      if (step === null || step <= Number(verified.totpLastStep ?? 0)) {
        await this.auditFailure(verified, email, step === null ? 'wrong TOTP code' : 'TOTP code replayed');
        throw identityError('INVALID_CREDENTIALS');
      }
    }

    return this.dataSource.transaction(async (tx) => {
      const signedInAt = new Date();
      await tx.update(
        StaffUser,
        { id: verified.id },
        { lastSignInAt: signedInAt, ...(step === null ? {} : { totpLastStep: String(step) }) },
      );
      verified.lastSignInAt = signedInAt;
      const { token, session } = await this.sessions.create(tx, verified);
      await this.audit.append(tx, {
        agencyId: verified.agencyId,
        actorId: verified.id,
        action: 'auth.login',
        entityType: 'staff_user',
        entityId: verified.id,
      });
      return {
        token,
        profile: this.profileOf(verified, session.csrfToken),
        deviceCookie: this.devices.issue(verified.id, knownDevice),
      };
    });
  }

  async logout(actor: StaffActor): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await this.sessions.revoke(tx, actor.sessionHash);
      await this.audit.append(tx, {
        agencyId: auditAgencyOf(actor),
        actorId: actor.userId,
        action: 'auth.logout',
        entityType: 'staff_user',
        entityId: actor.userId,
      });
    });
  }

  async profile(actor: StaffActor): Promise<StaffProfile> {
    const user = await this.dataSource
      .getRepository(StaffUser)
      .findOneOrFail({ where: { id: actor.userId }, relations: { agency: true } });
    return this.profileOf(user, actor.csrfToken);
  }

  /** Starts (or restarts) enrolment: a new secret waits until a code from it is verified. */
  async startTotpEnrolment(actor: StaffActor): Promise<TotpEnrolment> {
    const user = await this.dataSource.getRepository(StaffUser).findOneByOrFail({ id: actor.userId });
    const secret = newTotpSecret();
    await this.dataSource.transaction(async (tx) => {
      await tx.update(StaffUser, { id: user.id }, { totpPendingEnc: this.box.seal(secret, TOTP_CONTEXT) });
      await this.audit.append(tx, {
        agencyId: auditAgencyOf(actor),
        actorId: actor.userId,
        action: 'auth.totp_enrolment_started',
        entityType: 'staff_user',
        entityId: user.id,
      });
    });
    return { secret, otpauthUri: totpUri(secret, user.email) };
  }

  async confirmTotpEnrolment(actor: StaffActor, code: string): Promise<StaffProfile> {
    const user = await this.dataSource
      .getRepository(StaffUser)
      .createQueryBuilder('u')
      .addSelect('u.totpPendingEnc')
      .where('u.id = :id', { id: actor.userId })
      .getOneOrFail();
    if (!user.totpPendingEnc) throw identityError('TOTP_NOT_STARTED');
    const step = verifyTotp(this.box.open(user.totpPendingEnc, TOTP_CONTEXT), code);
    if (step === null) throw identityError('TOTP_INVALID');
    await this.dataSource.transaction(async (tx) => {
      await tx.update(
        StaffUser,
        { id: user.id },
        {
          totpSecretEnc: user.totpPendingEnc,
          totpPendingEnc: null,
          totpEnabled: true,
          totpLastStep: String(step),
        },
      );
      await this.audit.append(tx, {
        agencyId: auditAgencyOf(actor),
        actorId: actor.userId,
        action: 'auth.totp_enabled',
        entityType: 'staff_user',
        entityId: user.id,
      });
    });
    return this.profile({ ...actor, totpEnrolmentRequired: false });
  }

  private async auditFailure(user: StaffUser | null, email: string, reason: string): Promise<void> {
    await this.dataSource.transaction((tx: EntityManager) =>
      this.audit.append(tx, {
        agencyId: user?.agencyId ?? null,
        actorId: user?.id ?? null,
        action: 'auth.login_failed',
        entityType: 'staff_user',
        entityId: user?.id,
        data: { email, reason },
      }),
    );
  }

  private mapTiles(): StaffProfile['mapTiles'] {
    const tiles = this.config.mapTiles;
    if (!tiles) return null;
    const attribution = this.config.env.MAP_TILES_ATTRIBUTION;
    return { url: tiles.url, ...(attribution ? { attribution } : {}) };
  }

  private profileOf(user: StaffUser, csrfToken: string): StaffProfile {
    const agency = user.agency ?? null;
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      roles: user.roles,
      agency: agency && {
        id: agency.id,
        name: agency.name,
        slug: agency.slug,
        requireTotp: agency.requireTotp,
        timeZone: agency.timeZone,
      },
      totpEnabled: user.totpEnabled,
      // A platform operator (no agency) must always use TOTP: see SessionService.resolve.
      totpEnrolmentRequired: (agency?.requireTotp ?? true) && !user.totpEnabled,
      csrfToken,
      mapTiles: this.mapTiles(),
    };
  }
}
