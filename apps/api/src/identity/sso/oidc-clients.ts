import { Injectable } from '@nestjs/common';
import { BaseClient, custom, Issuer } from 'openid-client';
import { SecretBox } from '../../common/crypto/secret-box';
import { AppConfig } from '../../config/app-config';
import { AgencySso, CLIENT_SECRET_CONTEXT } from './agency-sso.entity';

/** How long a provider's discovered metadata (endpoints, keys URL) is reused before it is read again. */
const DISCOVERY_TTL_MS = 10 * 60_000;

custom.setHttpOptionsDefaults({ timeout: 5_000 });

export const callbackPath = '/api/auth/sso/callback';

/**
 * openid-client (certified relying party) clients for the agencies' providers. Discovery reads the
 * provider's /.well-known/openid-configuration; its result is kept a few minutes per issuer, and
 * forgotten when it fails so that the next sign-in tries again.
 */
@Injectable()
export class OidcClients {
  private readonly issuers = new Map<string, { at: number; issuer: Promise<Issuer<BaseClient>> }>();

  constructor(
    private readonly box: SecretBox,
    private readonly config: AppConfig,
  ) {}

  get redirectUri(): string {
    return `${this.config.publicUrl}${callbackPath}`;
  }

  discover(issuerUrl: string): Promise<Issuer<BaseClient>> {
    const cached = this.issuers.get(issuerUrl);
    if (cached && Date.now() - cached.at < DISCOVERY_TTL_MS) return cached.issuer;
    const issuer = Issuer.discover(issuerUrl);
    this.issuers.set(issuerUrl, { at: Date.now(), issuer });
    issuer.catch(() => this.issuers.delete(issuerUrl));
    return issuer;
  }

  async clientFor(sso: AgencySso): Promise<BaseClient> {
    const issuer = await this.discover(sso.issuer);
    return new issuer.Client({
      client_id: sso.clientId,
      client_secret: this.box.open(sso.clientSecretEnc, CLIENT_SECRET_CONTEXT),
      redirect_uris: [this.redirectUri],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    });
  }
}
