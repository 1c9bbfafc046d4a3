import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SessionService } from '../session.service';
import { AgencySso, SsoIdentity } from './agency-sso.entity';
import { OidcClients } from './oidc-clients';
import { SsoAdminController } from './sso-admin.controller';
import { SsoOptionsService } from './sso-options.service';
import { SsoSettingsService } from './sso-settings.service';
import { SsoSignInService } from './sso-sign-in.service';
import { SsoController } from './sso.controller';

/** Single sign-on with each agency's OpenID Connect provider (README.md). */
@Module({
  imports: [TypeOrmModule.forFeature([AgencySso, SsoIdentity])],
  controllers: [SsoController, SsoAdminController],
  // SessionService holds no state: this module's copy opens sessions exactly as password sign-in does.
  providers: [OidcClients, SsoSettingsService, SsoSignInService, SsoOptionsService, SessionService],
})
export class SsoModule {}
