import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  StaffRole,
  type OneTimeLinkPurpose,
  type OneTimeLinkResult,
  type StaffInvitationResult,
  type StaffMemberView,
  type StaffSessionView,
} from '@vigie/common';
import { DataSource, EntityManager, IsNull, QueryFailedError } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Agency } from './agency.entity';
import { identityError } from './identity.errors';
import { OneTimeLinks } from './one-time-links.service';
import { LinkDelivery } from './link-delivery';
import { SessionService } from './session.service';
import { StaffUser } from './staff-user.entity';

/** Who acts: a signed-in admin or operator, or the command line (no person: `userId` null). */
export interface AccountActor {
  userId: string | null;
  /** The admin's own session, kept when they end "all other" sessions. */
  sessionHash?: string;
}

export interface NewPerson {
  email: string;
  name: string;
  roles: StaffRole[];
}

/**
 * Staff accounts of one agency: invitations, roles, disabling, resets and sessions. Every change
 * is one transaction with its audit line; every lookup is scoped to the agency, so another
 * agency's person answers 404 exactly like one who does not exist.
 */
@Injectable()
export class StaffAccounts {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly links: OneTimeLinks,
    private readonly delivery: LinkDelivery,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  async list(agencyId: string): Promise<StaffMemberView[]> {
    const users = await this.dataSource
      .getRepository(StaffUser)
      .find({ where: { agencyId }, order: { displayName: 'ASC', email: 'ASC' } });
    return users.map(memberView);
  }

  /**
   * Creates the account (no usable password yet) and its invitation link, then sends the link.
   * `agencyId` null makes a platform operator.
   */
  async invite(
    agencyId: string | null,
    person: NewPerson,
    actor: AccountActor,
    /** `show`: hand the link back only (the command line prints it); never e-mailed nor logged. */
    delivery: 'send' | 'show' = 'send',
  ): Promise<StaffInvitationResult> {
    const agency = agencyId ? await this.agencyOrFail(this.dataSource.manager, agencyId) : null;
    const { user, link } = await this.dataSource.transaction(async (tx) => {
      const user = tx.create(StaffUser, {
        agencyId,
        email: person.email.toLowerCase(),
        displayName: person.name,
        roles: person.roles,
        passwordHash: null,
        activatedAt: null,
        lastSignInAt: null,
        disabledAt: null,
        totpEnabled: false,
      });
      await tx.insert(StaffUser, user).catch(duplicate('staff_user_email_key', 'EMAIL_TAKEN'));
      const saved = await tx.findOneByOrFail(StaffUser, { email: user.email });
      const link = await this.links.issue(tx, saved.id, 'INVITE', actor.userId);
      await this.audit.append(tx, {
        agencyId,
        actorId: actor.userId,
        action: 'staff.invited',
        entityType: 'staff_user',
        entityId: saved.id,
        data: { email: saved.email, roles: saved.roles, by: actor.userId ? 'staff' : 'cli' },
      });
      return { user: saved, link };
    });
    const sent =
      delivery === 'show'
        ? { emailed: false, activationUrl: link.url, expiresAt: link.expiresAt.toISOString() }
        : await this.deliver(user, agency, 'INVITE', link);
    return { ...sent, member: memberView(user) };
  }

  async setRoles(
    agencyId: string,
    id: string,
    roles: StaffRole[],
    actor: AccountActor,
  ): Promise<StaffMemberView> {
    return this.change(
      agencyId,
      id,
      async (tx, user) => {
        const losesAdmin = user.roles.includes(StaffRole.ADMIN) && !roles.includes(StaffRole.ADMIN);
        if (losesAdmin && user.id === actor.userId) throw identityError('OWN_ADMIN_ROLE');
        if (losesAdmin && !user.disabledAt) await this.keepAnAdmin(tx, agencyId, user.id);
        const before = user.roles;
        await tx.update(StaffUser, { id }, { roles });
        return { action: 'staff.roles_changed', data: { from: before, to: roles } };
      },
      actor,
    );
  }

  async disable(agencyId: string | null, id: string, actor: AccountActor): Promise<StaffMemberView> {
    return this.change(
      agencyId,
      id,
      async (tx, user) => {
        if (user.id === actor.userId) throw identityError('DISABLE_SELF');
        if (user.disabledAt) return null;
        if (agencyId && user.roles.includes(StaffRole.ADMIN)) await this.keepAnAdmin(tx, agencyId, user.id);
        await tx.update(StaffUser, { id }, { disabledAt: new Date() });
        const ended = await this.sessions.revokeAllOf(tx, id);
        await this.links.revokeAllOf(tx, id);
        return { action: 'staff.disabled', data: { sessionsEnded: ended } };
      },
      actor,
    );
  }

  async enable(agencyId: string | null, id: string, actor: AccountActor): Promise<StaffMemberView> {
    return this.change(
      agencyId,
      id,
      async (tx, user) => {
        if (!user.disabledAt) return null;
        await tx.update(StaffUser, { id }, { disabledAt: null });
        return { action: 'staff.enabled', data: {} };
      },
      actor,
    );
  }

  /**
   * A new one-time link. For an account never activated it is a fresh invitation; otherwise the old
   * password stops working at once and every session ends (it may have leaked).
   */
  async resetPassword(
    agencyId: string | null,
    id: string,
    actor: AccountActor,
    delivery: 'send' | 'show' = 'send',
  ): Promise<OneTimeLinkResult> {
    const agency = agencyId ? await this.agencyOrFail(this.dataSource.manager, agencyId) : null;
    let link: { url: string; expiresAt: Date } | undefined;
    let purpose: OneTimeLinkPurpose = 'INVITE';
    const member = await this.change(
      agencyId,
      id,
      async (tx, user) => {
        if (user.disabledAt) throw identityError('STAFF_DISABLED');
        purpose = user.activatedAt ? 'PASSWORD_RESET' : 'INVITE';
        let ended = 0;
        if (purpose === 'PASSWORD_RESET') {
          await tx.update(StaffUser, { id }, { passwordHash: null });
          ended = await this.sessions.revokeAllOf(tx, id);
        }
        link = await this.links.issue(tx, id, purpose, actor.userId);
        return {
          action: purpose === 'INVITE' ? 'staff.invitation_renewed' : 'staff.password_reset',
          data: { sessionsEnded: ended },
        };
      },
      actor,
    );
    if (delivery === 'show')
      return { emailed: false, activationUrl: link!.url, expiresAt: link!.expiresAt.toISOString() };
    return this.deliver({ email: member.email, displayName: member.displayName }, agency, purpose, link!);
  }

  /** For a lost device: TOTP is off until the person enrols again (at sign-in, if the agency requires it). */
  async resetTotp(agencyId: string, id: string, actor: AccountActor): Promise<StaffMemberView> {
    return this.change(
      agencyId,
      id,
      async (tx, user) => {
        await tx.update(
          StaffUser,
          { id },
          { totpEnabled: false, totpSecretEnc: null, totpPendingEnc: null, totpLastStep: null },
        );
        const ended = await this.sessions.revokeAllOf(tx, user.id);
        return { action: 'staff.totp_reset', data: { sessionsEnded: ended } };
      },
      actor,
    );
  }

  async sessionsOf(agencyId: string, id: string, actor: AccountActor): Promise<StaffSessionView[]> {
    await this.memberOrFail(this.dataSource.manager, agencyId, id);
    return this.sessions.openSessionsOf(id, actor.sessionHash);
  }

  async revokeSession(agencyId: string, id: string, sessionId: string, actor: AccountActor): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await this.memberOrFail(tx, agencyId, id);
      if (!(await this.sessions.revokeById(tx, id, sessionId))) throw identityError('SESSION_NOT_FOUND');
      await this.audit.append(tx, {
        agencyId,
        actorId: actor.userId,
        action: 'staff.session_revoked',
        entityType: 'staff_user',
        entityId: id,
        data: { sessionId },
      });
    });
  }

  /** The account with this e-mail, in whichever agency (or none): for the command line. */
  async accountByEmail(email: string): Promise<StaffMemberView & { agencyId: string | null }> {
    const user = await this.dataSource.getRepository(StaffUser).findOneBy({ email: email.toLowerCase() });
    if (!user) throw identityError('ACCOUNT_NOT_FOUND');
    return { ...memberView(user), agencyId: user.agencyId };
  }

  /** `agencyId` null: the platform operators, who belong to no agency (command line only). */
  private async change(
    agencyId: string | null,
    id: string,
    apply: (
      tx: EntityManager,
      user: StaffUser,
    ) => Promise<{ action: string; data: Record<string, unknown> } | null>,
    actor: AccountActor,
  ): Promise<StaffMemberView> {
    return this.dataSource.transaction(async (tx) => {
      // One admin change at a time per agency, so two admins cannot demote each other at once.
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`staff-admin:${agencyId ?? 'platform'}`]);
      const user = await this.memberOrFail(tx, agencyId, id);
      const done = await apply(tx, user);
      if (done)
        await this.audit.append(tx, {
          agencyId,
          actorId: actor.userId,
          action: done.action,
          entityType: 'staff_user',
          entityId: id,
          data: done.data,
        });
      return memberView(await tx.findOneByOrFail(StaffUser, { id }));
    });
  }

  /** Refuses when `leaving` is the agency's last active admin (activated, not disabled): someone must be able to sign in and administer. */
  private async keepAnAdmin(tx: EntityManager, agencyId: string, leaving: string): Promise<void> {
    const [{ others }] = await tx.query(
      `SELECT count(*)::int AS others FROM staff_user
        WHERE agency_id = $1 AND id <> $2 AND disabled_at IS NULL
          AND (activated_at IS NOT NULL OR password_hash IS NOT NULL)
          AND 'ADMIN' = ANY(roles)`,
      [agencyId, leaving],
    );
    if (others === 0) throw identityError('LAST_ADMIN');
  }

  private async memberOrFail(
    manager: EntityManager,
    agencyId: string | null,
    id: string,
  ): Promise<StaffUser> {
    if (!UUID.test(id)) throw identityError('STAFF_NOT_FOUND');
    // Spelled out: TypeORM would drop a condition whose value is undefined, and match anyone.
    const user = await manager.findOneBy(StaffUser, {
      id,
      agencyId: agencyId === null ? IsNull() : agencyId,
    });
    if (!user) throw identityError('STAFF_NOT_FOUND');
    return user;
  }

  private async agencyOrFail(manager: EntityManager, agencyId: string): Promise<Agency> {
    const agency = UUID.test(agencyId) ? await manager.findOneBy(Agency, { id: agencyId }) : null;
    if (!agency) throw identityError('AGENCY_NOT_FOUND');
    return agency;
  }

  private deliver(
    person: { email: string; displayName: string },
    agency: Agency | null,
    purpose: OneTimeLinkPurpose,
    link: { url: string; expiresAt: Date },
  ): Promise<OneTimeLinkResult> {
    return this.delivery.deliver({
      email: person.email,
      displayName: person.displayName,
      agencyName: agency?.name ?? null,
      purpose,
      url: link.url,
      expiresAt: link.expiresAt,
    });
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Turns a named unique violation into its domain error; rethrows anything else. */
export const duplicate =
  (constraint: string, code: 'EMAIL_TAKEN' | 'SLUG_TAKEN') =>
  (err: unknown): never => {
    if (
      err instanceof QueryFailedError &&
      (err.driverError as { constraint?: string }).constraint === constraint
    )
      throw identityError(code);
    throw err;
  };

export function memberView(user: StaffUser): StaffMemberView {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    roles: user.roles,
    status: user.disabledAt ? 'DISABLED' : user.activatedAt ? 'ACTIVE' : 'INVITED',
    lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
    totpEnabled: user.totpEnabled,
    createdAt: user.createdAt.toISOString(),
  };
}
