import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SsoError, StaffRole, STAFF_ROLES } from '@vigie/common';
import type { IncomingMessage } from 'node:http';
import { errors, generators, type IdTokenClaims } from 'openid-client';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { Clock } from '../../common/clock';
import { SecretBox } from '../../common/crypto/secret-box';
import { Agency } from '../agency.entity';
import { SessionService } from '../session.service';
import { StaffUser } from '../staff-user.entity';
import { AgencySso, SsoIdentity } from './agency-sso.entity';
import { OidcClients } from './oidc-clients';
import { ssoError } from './sso.errors';

/** What the browser carries between the start and the callback, sealed: nothing of it is readable or forgeable. */
interface PendingSignIn {
  agencyId: string;
  state: string;
  nonce: string;
  verifier: string;
  expiresAt: number;
}

const PENDING_CONTEXT = 'sso.pending_sign_in';
/** Long enough to type a password and approve an MFA prompt at the provider. */
export const PENDING_LIFETIME_MS = 10 * 60_000;

export type SsoOutcome =
  { kind: 'signed-in'; token: string; csrfToken: string } | { kind: 'refused'; reason: SsoError };

/**
 * Single sign-on with the agency's OpenID Connect provider: authorization code with PKCE, state and
 * nonce; every check on the answer (state, issuer, signature, audience, nonce, expiry) is
 * openid-client's, a certified relying party, rather than ours. The person is found by the
 * provider's issuer + subject, or else by e-mail in the agency (and then linked), or else created;
 * their roles are those the agency maps from the groups in the token, at every sign-in.
 */
@Injectable()
export class SsoSignInService {
  private readonly logger = new Logger(SsoSignInService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clients: OidcClients,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly box: SecretBox,
    private readonly clock: Clock,
  ) {}

  /** The provider's authorization URL for this agency, and the sealed pending sign-in for the cookie. */
  async start(agencySlug: string): Promise<{ url: string; pending: string }> {
    const sso = await this.enabledSso({ slug: agencySlug });
    const client = await this.clients.clientFor(sso).catch((err: unknown) => {
      this.logger.warn({ issuer: sso.issuer, err: String(err) }, 'SSO provider discovery failed');
      throw ssoError('SSO_PROVIDER_UNREACHABLE');
    });
    const pending: PendingSignIn = {
      agencyId: sso.agencyId,
      state: generators.state(),
      nonce: generators.nonce(),
      verifier: generators.codeVerifier(),
      expiresAt: this.clock.now().getTime() + PENDING_LIFETIME_MS,
    };
    const url = client.authorizationUrl({
      scope: sso.scopes,
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: generators.codeChallenge(pending.verifier),
      code_challenge_method: 'S256',
      redirect_uri: this.clients.redirectUri,
    });
    return { url, pending: this.box.seal(JSON.stringify(pending), PENDING_CONTEXT) };
  }

  /**
   * The provider's answer. A protocol failure (no or expired pending sign-in, wrong state, a token
   * that does not verify) throws a 4xx and changes nothing; a refusal by policy (no mapped group,
   * a disabled person) is an outcome the desk shows, audited.
   */
  async callback(sealedPending: string | undefined, request: IncomingMessage): Promise<SsoOutcome> {
    const pending = this.openPending(sealedPending);
    const state = new URL(request.url ?? '', 'http://callback').searchParams.get('state');
    if (state !== pending.state) throw ssoError('SSO_STATE_MISMATCH');
    const sso = await this.enabledSso({ id: pending.agencyId });
    const client = await this.clients.clientFor(sso).catch(() => {
      throw ssoError('SSO_PROVIDER_UNREACHABLE');
    });
    let claims: IdTokenClaims;
    let groupsSource: Record<string, unknown>;
    try {
      const params = client.callbackParams(request);
      const tokens = await client.callback(this.clients.redirectUri, params, {
        state: pending.state,
        nonce: pending.nonce,
        code_verifier: pending.verifier,
        response_type: 'code',
      });
      claims = tokens.claims();
      groupsSource = claims;
      // Providers put groups in the ID token (Entra ID, Keycloak) or only behind userinfo.
      if (!(sso.groupsClaim in claims) && tokens.access_token)
        groupsSource = await client.userinfo(tokens.access_token);
    } catch (err) {
      // The reason names the check that failed (nonce, iss, aud, signature...), never a token.
      const reason = err instanceof Error ? err.message : String(err);
      this.logger.warn({ agencyId: sso.agencyId, reason }, 'SSO answer refused');
      await this.auditRefusal(sso, null, 'answer refused', { reason });
      if (err instanceof errors.OPError) throw ssoError('SSO_PROVIDER_ERROR');
      if (err instanceof errors.RPError) throw ssoError('SSO_REJECTED');
      throw ssoError('SSO_PROVIDER_UNREACHABLE');
    }
    return this.signIn(sso, claims, groupsOf(groupsSource[sso.groupsClaim]));
  }

  private async signIn(sso: AgencySso, claims: IdTokenClaims, groups: string[]): Promise<SsoOutcome> {
    const issuer = claims.iss;
    const subject = claims.sub;
    const roles = rolesFor(sso, groups);
    const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : null;
    return this.dataSource.transaction(async (tx) => {
      const linked = await tx.findOneBy(SsoIdentity, { issuer, subject });
      let user = linked ? await tx.findOneBy(StaffUser, { id: linked.staffUserId }) : null;
      // Issuer + subject name a person at a provider, not in an agency: another agency's provider
      // (shared, or one claiming the same issuer) must not sign in, nor re-map the roles of, this one's staff.
      if (user && user.agencyId !== sso.agencyId)
        return this.refuse(tx, sso, null, 'EMAIL_ELSEWHERE', { issuer, subject });
      if (!user && email) {
        const holder = await tx.findOneBy(StaffUser, { email });
        if (holder && holder.agencyId !== sso.agencyId)
          return this.refuse(tx, sso, null, 'EMAIL_ELSEWHERE', { issuer, subject });
        // Only an address the provider says it verified links an existing account: a missing
        // email_verified is not a yes (Entra ID's "nOAuth": a tenant user sets any address on
        // their own profile). Nor may it create a second account under an address already taken
        // (the unique e-mail would answer 500).
        if (holder && claims.email_verified !== true)
          return this.refuse(tx, sso, null, 'SSO_FAILED', { issuer, subject, reason: 'e-mail not verified' });
        user = holder;
      }
      if (roles.length === 0)
        return this.refuse(tx, sso, user, 'NO_MAPPED_GROUP', { issuer, subject, groups });
      if (user?.disabledAt) return this.refuse(tx, sso, user, 'ACCOUNT_DISABLED', { issuer, subject });
      const now = this.clock.now();
      let action = 'auth.sso_login';
      if (!user) {
        if (!email)
          return this.refuse(tx, sso, null, 'SSO_FAILED', { issuer, subject, reason: 'no e-mail claim' });
        user = await this.createStaff(tx, sso.agencyId, email, displayNameOf(claims, email), roles);
        action = 'auth.sso_first_login';
      } else if (!sameRoles(user.roles, roles)) {
        await this.audit.append(tx, {
          agencyId: sso.agencyId,
          actorId: user.id,
          action: 'staff.roles_changed',
          entityType: 'staff_user',
          entityId: user.id,
          data: { before: user.roles, after: roles, by: 'sso', groups },
        });
        await tx.update(StaffUser, { id: user.id }, { roles });
        user.roles = roles;
      }
      // Signing in through the provider proves the person: a pending invitation counts as accepted.
      await tx.update(
        StaffUser,
        { id: user.id },
        { lastSignInAt: now, activatedAt: user.activatedAt ?? now },
      );
      if (linked) await tx.update(SsoIdentity, { issuer, subject }, { lastSignInAt: now });
      else
        await tx.insert(SsoIdentity, {
          issuer,
          subject,
          staffUserId: user.id,
          linkedAt: now,
          lastSignInAt: now,
        });
      const { token, session } = await this.sessions.create(tx, user);
      await this.audit.append(tx, {
        agencyId: sso.agencyId,
        actorId: user.id,
        action,
        entityType: 'staff_user',
        entityId: user.id,
        data: { issuer, subject, groups, roles, linked: linked ? 'issuer+subject' : 'now' },
      });
      return { kind: 'signed-in' as const, token, csrfToken: session.csrfToken };
    });
  }

  private async createStaff(
    tx: EntityManager,
    agencyId: string,
    email: string,
    displayName: string,
    roles: StaffRole[],
  ): Promise<StaffUser> {
    // Signs in through the provider: no password (an admin may send a reset link later).
    const inserted = await tx.insert(StaffUser, { agencyId, email, displayName, passwordHash: null, roles });
    return tx.findOneByOrFail(StaffUser, { id: inserted.identifiers[0].id as string });
  }

  private async refuse(
    tx: EntityManager,
    sso: AgencySso,
    user: StaffUser | null,
    reason: SsoError,
    data: Record<string, unknown>,
  ): Promise<SsoOutcome> {
    await this.audit.append(tx, {
      agencyId: sso.agencyId,
      actorId: user?.id ?? null,
      action: 'auth.sso_refused',
      entityType: 'staff_user',
      entityId: user?.id,
      data: { reason, ...data },
    });
    return { kind: 'refused', reason };
  }

  private async auditRefusal(
    sso: AgencySso,
    user: StaffUser | null,
    reason: string,
    data: Record<string, unknown>,
  ) {
    await this.audit.append(this.dataSource.manager, {
      agencyId: sso.agencyId,
      actorId: user?.id ?? null,
      action: 'auth.sso_failed',
      data: { reason, ...data },
    });
  }

  private openPending(sealed: string | undefined): PendingSignIn {
    let pending: PendingSignIn;
    try {
      pending = JSON.parse(this.box.open(sealed ?? '', PENDING_CONTEXT)) as PendingSignIn;
    } catch {
      throw ssoError('SSO_NO_TRANSACTION');
    }
    if (pending.expiresAt <= this.clock.now().getTime()) throw ssoError('SSO_NO_TRANSACTION');
    return pending;
  }

  private async enabledSso(agency: { slug: string } | { id: string }): Promise<AgencySso> {
    const found = await this.dataSource.getRepository(Agency).findOneBy(agency);
    const sso = found
      ? await this.dataSource
          .getRepository(AgencySso)
          .createQueryBuilder('s')
          .addSelect('s.clientSecretEnc')
          .where('s.agency_id = :id AND s.enabled', { id: found.id })
          .getOne()
      : null;
    if (!sso) throw ssoError('SSO_NOT_AVAILABLE');
    return sso;
  }
}

/** A groups claim as providers send it: an array of names (or ids), or a single string. */
function groupsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((g): g is string => typeof g === 'string');
  return typeof value === 'string' ? [value] : [];
}

/** Every role the agency maps from any of the person's groups, in the usual order. */
export function rolesFor(sso: Pick<AgencySso, 'groupMappings'>, groups: string[]): StaffRole[] {
  const held = new Set(groups);
  const roles = new Set(sso.groupMappings.filter((m) => held.has(m.group)).flatMap((m) => m.roles));
  return STAFF_ROLES.filter((r) => roles.has(r));
}

const sameRoles = (a: StaffRole[], b: StaffRole[]) => a.length === b.length && a.every((r) => b.includes(r));

function displayNameOf(claims: IdTokenClaims, email: string): string {
  const name = typeof claims.name === 'string' ? claims.name.trim() : '';
  return (name || email).slice(0, 200);
}
