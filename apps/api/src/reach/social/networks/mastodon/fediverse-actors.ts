import { Controller, HttpCode, Injectable, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { genRsaKeyPair } from '@misskey-dev/node-http-message-signatures';
import { FediverseActorConnection, StaffRole } from '@vigie/common';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AuditService, type StaffActionRecorder } from '../../../../audit/audit.service';
import { Auth, CurrentStaff } from '../../../../common/auth.decorators';
import type { StaffActor } from '../../../../common/staff-actor';
import { AppConfig } from '../../../../config/app-config';
import { Agencies } from '../../../../identity/agencies.service';
import { FederationUrls } from './activity-documents';
import { ActivityPubStore } from './activitypub-store';
import { connectTokenHash } from './fediverse-client';

/**
 * Gives an agency its ActivityPub actor, named after its slug (dashes become underscores, as
 * Mastodon names allow), with a fresh RSA key pair (what Mastodon verifies). The answer carries
 * a token to connect the actor as the agency's MASTODON account; asking again keeps the actor,
 * its keys and its followers, and replaces the token. Audited, never with the token.
 */
@Injectable()
export class FediverseActors {
  private readonly urls: FederationUrls;
  private readonly record: StaffActionRecorder;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: ActivityPubStore,
    private readonly agencies: Agencies,
    private readonly config: AppConfig,
    audit: AuditService,
  ) {
    this.urls = new FederationUrls(config.publicUrl);
    this.record = audit.about('activitypub_actor');
  }

  async enable(staff: StaffActor): Promise<FediverseActorConnection> {
    const agency = await this.agencies.settings(staff.agencyId);
    const keys = await genRsaKeyPair(2048);
    const token = randomBytes(32).toString('base64url');
    const actor = await this.dataSource.transaction(async (tx) => {
      const saved = await this.store.saveActor(
        tx,
        {
          agencyId: agency.id,
          username: agency.slug.toLowerCase().replace(/-/g, '_').slice(0, 64),
          displayName: agency.name,
          publicKeyPem: keys.publicKey,
          privateKeyPem: keys.privateKey,
        },
        connectTokenHash(token),
      );
      await this.record(tx, staff, saved.id, 'reach.fediverse_actor_enabled', {
        handle: this.urls.handle(saved.username),
      });
      return saved;
    });
    return {
      handle: this.urls.handle(actor.username),
      actorUrl: this.urls.actor(actor.username),
      serviceUrl: this.config.publicUrl,
      accountId: actor.id,
      secret: token,
    };
  }
}

@ApiTags('reach')
@Controller('api/reach/fediverse')
export class FediverseActorController {
  constructor(private readonly actors: FediverseActors) {}

  /** Creates the agency's actor (or renews its connection token). */
  @Post('actor')
  @HttpCode(200)
  @Auth(StaffRole.ADMIN)
  enable(@CurrentStaff() staff: StaffActor): Promise<FediverseActorConnection> {
    return this.actors.enable(staff);
  }
}
