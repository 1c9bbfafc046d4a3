import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SsoSettingsDto, SsoSettingsView } from '@vigie/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { Clock } from '../../common/clock';
import { commonError } from '../../common/domain.exception';
import { AppConfig } from '../../config/app-config';
import { SecretBox } from '../../common/crypto/secret-box';
import type { StaffActor } from '../../common/staff-actor';
import { AgencySso, CLIENT_SECRET_CONTEXT } from './agency-sso.entity';
import { issuerProblem } from './issuer-address';
import { OidcClients } from './oidc-clients';
import { ssoError } from './sso.errors';

const DEFAULT_SCOPES = 'openid email profile';
const DEFAULT_GROUPS_CLAIM = 'groups';

/** An agency administrator's view and change of the agency's single sign-on (`/api/admin/sso`). */
@Injectable()
export class SsoSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly box: SecretBox,
    private readonly clients: OidcClients,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async view(agencyId: string): Promise<SsoSettingsView> {
    const sso = await this.dataSource.getRepository(AgencySso).findOneBy({ agencyId });
    return {
      configured: !!sso,
      enabled: sso?.enabled ?? false,
      issuer: sso?.issuer ?? null,
      clientId: sso?.clientId ?? null,
      clientSecretSet: !!sso,
      scopes: sso?.scopes ?? DEFAULT_SCOPES,
      groupsClaim: sso?.groupsClaim ?? DEFAULT_GROUPS_CLAIM,
      groupMappings: sso?.groupMappings ?? [],
      passwordSignIn: sso?.passwordSignIn ?? true,
      callbackUrl: this.clients.redirectUri,
      updatedAt: sso?.updatedAt.toISOString() ?? null,
    };
  }

  async update(actor: StaffActor, dto: SsoSettingsDto): Promise<SsoSettingsView> {
    const repo = this.dataSource.getRepository(AgencySso);
    const existing = await repo
      .createQueryBuilder('s')
      .addSelect('s.clientSecretEnc')
      .where('s.agency_id = :id', { id: actor.agencyId })
      .getOne();
    if (!dto.clientSecret && !existing) throw ssoError('SSO_SECRET_REQUIRED');
    // Before any fetch: discovery would reach whatever the issuer names, from the server.
    const problem = issuerProblem(dto.issuer, this.config.env.SSO_ALLOW_INSECURE_ISSUER);
    if (problem) throw commonError('VALIDATION_FAILED', { errors: { issuer: problem } });
    // A provider that cannot be discovered would only fail at the next sign-in: say so now.
    if (dto.enabled)
      await this.clients.discover(dto.issuer).catch(() => {
        throw ssoError('SSO_DISCOVERY_FAILED');
      });
    const row: AgencySso = {
      agencyId: actor.agencyId,
      enabled: dto.enabled,
      issuer: dto.issuer,
      clientId: dto.clientId,
      clientSecretEnc: dto.clientSecret
        ? this.box.seal(dto.clientSecret, CLIENT_SECRET_CONTEXT)
        : existing!.clientSecretEnc,
      scopes: dto.scopes ?? DEFAULT_SCOPES,
      groupsClaim: dto.groupsClaim ?? DEFAULT_GROUPS_CLAIM,
      groupMappings: dto.groupMappings.map((m) => ({ group: m.group, roles: m.roles })),
      passwordSignIn: dto.passwordSignIn,
      updatedAt: this.clock.now(),
    };
    await this.dataSource.transaction(async (tx) => {
      await tx.getRepository(AgencySso).save(row);
      await this.audit.append(tx, {
        agencyId: actor.agencyId,
        actorId: actor.userId,
        action: 'sso.settings_changed',
        entityType: 'agency',
        entityId: actor.agencyId,
        // Never the secret: only whether it changed.
        data: {
          enabled: row.enabled,
          issuer: row.issuer,
          clientId: row.clientId,
          clientSecretChanged: !!dto.clientSecret,
          scopes: row.scopes,
          groupsClaim: row.groupsClaim,
          groupMappings: row.groupMappings,
          passwordSignIn: row.passwordSignIn,
        },
      });
    });
    return this.view(actor.agencyId);
  }
}
