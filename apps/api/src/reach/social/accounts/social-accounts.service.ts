import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConnectSocialAccountDto, SocialAccountsView, SocialAccountView } from '@vigie/common';
import { DataSource, In, IsNull } from 'typeorm';
import { AuditService, StaffActionRecorder } from '../../../audit/audit.service';
import { AgencyScope } from '../../../common/agency-scope';
import { Clock } from '../../../common/clock';
import { SecretBox } from '../../../common/crypto/secret-box';
import { commonError } from '../../../common/domain.exception';
import type { StaffActor } from '../../../common/staff-actor';
import { AppConfig } from '../../../config/app-config';
import { isInternalHost } from '../../../common/internal-address';
import { reachError } from '../../reach.errors';
import { SocialAccountCredentials, SocialNetworkError } from '../networks/social-network';
import { SocialNetworkClients } from '../networks/social-network-clients';
import { SocialPost } from '../posting/social-post.entity';
import { SOCIAL_SECRET_CONTEXT, SocialAccount } from './social-account.entity';

/**
 * An agency's connected accounts. Connecting signs in with the credentials first, so a wrong app
 * password is a clear refusal now rather than a failed post during an AMBER alert. The secret is
 * sealed (SecretBox) and never returned, logged or audited.
 */
@Injectable()
export class SocialAccountsService {
  private readonly record: StaffActionRecorder;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clients: SocialNetworkClients,
    private readonly box: SecretBox,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    audit: AuditService,
  ) {
    this.record = audit.about('social_account');
  }

  async list(agencyId: string): Promise<SocialAccountsView> {
    const rows = await this.dataSource
      .getRepository(SocialAccount)
      .find({ where: { agencyId, disconnectedAt: IsNull() }, order: { network: 'ASC' } });
    return { networks: this.clients.networks(), accounts: rows.map(view) };
  }

  async connect(actor: StaffActor, dto: ConnectSocialAccountDto): Promise<SocialAccountView> {
    if (!this.clients.has(dto.network)) throw reachError('SOCIAL_NETWORK_UNAVAILABLE');
    const problem = this.serviceUrlProblem(dto.serviceUrl);
    if (problem) throw commonError('VALIDATION_FAILED', { errors: { serviceUrl: problem } });
    const repo = this.dataSource.getRepository(SocialAccount);
    if (await repo.existsBy({ agencyId: actor.agencyId, network: dto.network, disconnectedAt: IsNull() }))
      throw reachError('SOCIAL_ACCOUNT_EXISTS');

    const client = this.clients.get(dto.network);
    const renewable = dto.refreshToken !== undefined || dto.clientId !== undefined;
    if (renewable && !client.secretFrom)
      throw commonError('VALIDATION_FAILED', {
        errors: {
          refreshToken: 'This network takes no refresh token: give its access token or app password',
        },
      });
    if (renewable && (!dto.refreshToken || !dto.clientId))
      throw commonError('VALIDATION_FAILED', {
        errors: dto.refreshToken
          ? { clientId: 'Give the app’s client id with the refresh token' }
          : { refreshToken: 'Give the refresh token with the app’s client id' },
      });
    const credentials: SocialAccountCredentials = {
      network: dto.network,
      serviceUrl: dto.serviceUrl.replace(/\/+$/, ''),
      handle: dto.handle.replace(/^@/, ''),
      accountId: dto.accountId ?? '',
      secret: client.secretFrom ? client.secretFrom(dto) : dto.secret,
    };
    let who: { accountId: string; handle: string };
    try {
      // A token that expires is renewed first: that proves the refresh token, and says when it ends.
      if (client.renew && client.renewalDue?.(credentials, this.clock.now()))
        credentials.secret = await client.renew(credentials, this.clock.now());
      who = client.verify
        ? await client.verify(credentials)
        : await client.received(credentials, null).then(() => credentials);
    } catch (err) {
      if (err instanceof SocialNetworkError && !err.retryable) throw reachError('SOCIAL_CREDENTIALS_REFUSED');
      throw reachError('SOCIAL_NETWORK_UNREACHABLE');
    }

    const saved = await this.dataSource.transaction(async (tx) => {
      const row = await tx.getRepository(SocialAccount).save({
        agencyId: actor.agencyId,
        network: dto.network,
        serviceUrl: credentials.serviceUrl,
        handle: who.handle || credentials.handle,
        accountId: who.accountId || credentials.accountId,
        secretEnc: this.box.seal(credentials.secret, SOCIAL_SECRET_CONTEXT),
        lastError: null,
        receivedCursor: null,
        lastReadAt: null,
        connectedBy: actor.userId,
        connectedAt: this.clock.now(),
        disconnectedAt: null,
      });
      // Never the secret.
      await this.record(tx, actor, row.id, 'reach.social_account_connected', {
        network: row.network,
        serviceUrl: row.serviceUrl,
        handle: row.handle,
      });
      return row;
    });
    return view(saved);
  }

  /**
   * Disconnecting erases the secret: Vigie can then no longer take the account's posts down (a
   * found child's, a withdrawn appeal's). So an account with posts still up is disconnected only
   * when the admin says to leave them (`leaveLivePosts`), having seen them listed (409 otherwise);
   * the audit entry names them, and each later takedown of one is TAKEDOWN_FAILED for the PIO.
   */
  async disconnect(actor: StaffActor, id: string, leaveLivePosts = false): Promise<void> {
    const account = await AgencyScope.of(actor).findOne(this.dataSource.getRepository(SocialAccount), {
      id,
      disconnectedAt: IsNull(),
    });
    await this.dataSource.transaction(async (tx) => {
      // Locked: a post sent meanwhile is listed, or waits for the disconnection and fails.
      await tx.query(`SELECT 1 FROM social_account WHERE id = $1 FOR UPDATE`, [account.id]);
      const live = await tx.getRepository(SocialPost).find({
        where: { accountId: account.id, state: In(['SENDING', 'SENT', 'TAKEDOWN_FAILED']) },
        order: { sentAt: 'ASC' },
      });
      if (live.length && !leaveLivePosts)
        throw reachError('SOCIAL_ACCOUNT_HAS_LIVE_POSTS', {
          details: {
            livePosts: live.map((p) => ({
              id: p.id,
              appealId: p.appealId,
              publication: p.publication,
              language: p.language,
              url: p.url,
              state: p.state,
            })),
          },
        });
      await tx
        .getRepository(SocialAccount)
        .update({ id: account.id }, { secretEnc: '', disconnectedAt: this.clock.now() });
      await this.record(tx, actor, account.id, 'reach.social_account_disconnected', {
        network: account.network,
        handle: account.handle,
        livePostsLeft: live.map((p) => ({ postId: p.id, appealId: p.appealId, url: p.url })),
      });
    });
  }

  /**
   * Credentials to take down a post of this account: its own while connected, else those of the
   * same account on the network (same network id) connected again since, in the same agency.
   */
  async credentialsToTakeDown(
    accountId: string,
  ): Promise<{ account: SocialAccount; credentials: SocialAccountCredentials } | null> {
    const own = await this.credentials(accountId);
    if (own) return own;
    const gone = await this.dataSource.getRepository(SocialAccount).findOneBy({ id: accountId });
    if (!gone) return null;
    const again = await this.dataSource.getRepository(SocialAccount).findOneBy({
      agencyId: gone.agencyId,
      network: gone.network,
      accountId: gone.accountId,
      disconnectedAt: IsNull(),
    });
    return again ? this.credentials(again.id) : null;
  }

  /** The connected account of an agency on a network, with its secret opened, for a job. */
  async credentials(
    accountId: string,
  ): Promise<{ account: SocialAccount; credentials: SocialAccountCredentials } | null> {
    const account = await this.dataSource
      .getRepository(SocialAccount)
      .createQueryBuilder('a')
      .addSelect('a.secretEnc')
      .where('a.id = :accountId AND a.disconnected_at IS NULL', { accountId })
      .getOne();
    if (!account) return null;
    const credentials: SocialAccountCredentials = {
      network: account.network,
      serviceUrl: account.serviceUrl,
      handle: account.handle,
      accountId: account.accountId,
      secret: this.box.open(account.secretEnc, SOCIAL_SECRET_CONTEXT),
    };
    const client = this.clients.get(account.network);
    if (client.renewalDue?.(credentials, this.clock.now())) {
      credentials.secret = await this.renewed(account, credentials).catch(async (err: unknown) => {
        // Used as it is: the network's refusal of it then fails the post or read, shown to the PIO.
        const reason = err instanceof SocialNetworkError ? err.message : 'no answer';
        await this.noteUse(account.id, `Renewing the access token failed (${reason}): reconnect the account`);
        return credentials.secret;
      });
    }
    return { account, credentials };
  }

  /**
   * The access token renewed once the network refused it (401): it expired before its recorded
   * end, or was revoked while its refresh token still works. False when it cannot be renewed.
   */
  async renewAfterRefusal(accountId: string): Promise<boolean> {
    const opened = await this.credentials(accountId);
    const client = opened && this.clients.get(opened.account.network);
    if (!opened || !client?.renew || !client.renewalDue) return false;
    // Due now whatever its recorded end: renewed as if it were past.
    const expired = { ...opened.credentials };
    if (!client.renewalDue(expired, new Date(8.64e15))) return false;
    try {
      await this.renewed(opened.account, expired, true);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Renews under the account's row lock, reading the sealed secret again first: X's refresh token
   * works once, so of two jobs renewing at once, the second finds the new pair and uses it.
   */
  private async renewed(
    account: SocialAccount,
    credentials: SocialAccountCredentials,
    force = false,
  ): Promise<string> {
    const client = this.clients.get(account.network);
    return this.dataSource.transaction(async (tx) => {
      const [row]: { secret_enc: string }[] = await tx.query(
        `SELECT secret_enc FROM social_account WHERE id = $1 AND disconnected_at IS NULL FOR UPDATE`,
        [account.id],
      );
      if (!row) return credentials.secret;
      const current = { ...credentials, secret: this.box.open(row.secret_enc, SOCIAL_SECRET_CONTEXT) };
      // Renewed by another job since it was opened: that pair is the one to use.
      if (current.secret !== credentials.secret) return current.secret;
      if (!force && !client.renewalDue?.(current, this.clock.now())) return current.secret;
      const fresh = await client.renew!(current, this.clock.now());
      await tx
        .getRepository(SocialAccount)
        .update({ id: account.id }, { secretEnc: this.box.seal(fresh, SOCIAL_SECRET_CONTEXT) });
      return fresh;
    });
  }

  /** The agency's connected accounts whose network has a client here. */
  async connected(agencyId: string): Promise<SocialAccount[]> {
    const rows = await this.dataSource
      .getRepository(SocialAccount)
      .find({ where: { agencyId, disconnectedAt: IsNull() }, order: { network: 'ASC' } });
    return rows.filter((r) => this.clients.has(r.network));
  }

  /** Every connected account, for the scheduled read of what they received. */
  async allConnected(): Promise<SocialAccount[]> {
    const rows = await this.dataSource.getRepository(SocialAccount).findBy({ disconnectedAt: IsNull() });
    return rows.filter((r) => this.clients.has(r.network));
  }

  /** Whether the last use of the account worked; shown in the desk. */
  async noteUse(accountId: string, error: string | null, read?: { cursor: string | null }): Promise<void> {
    await this.dataSource.getRepository(SocialAccount).update(
      { id: accountId },
      {
        lastError: error,
        ...(read ? { receivedCursor: read.cursor, lastReadAt: this.clock.now() } : {}),
      },
    );
  }

  private serviceUrlProblem(serviceUrl: string): string | null {
    if (this.config.env.SOCIAL_ALLOW_INSECURE_SERVICE) return null;
    const url = new URL(serviceUrl);
    if (url.protocol !== 'https:') return 'The server’s address must start with https://';
    if (isInternalHost(url.hostname))
      return 'The server must be a public address, not a loopback or private one';
    return null;
  }
}

function view(row: SocialAccount): SocialAccountView {
  return {
    id: row.id,
    network: row.network,
    serviceUrl: row.serviceUrl,
    handle: row.handle,
    accountId: row.accountId,
    status: row.lastError ? 'FAILING' : 'CONNECTED',
    lastError: row.lastError,
    lastReadAt: row.lastReadAt?.toISOString() ?? null,
    connectedAt: row.connectedAt.toISOString(),
    connectedBy: row.connectedBy,
  };
}
