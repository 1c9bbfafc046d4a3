import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SESSION_LOOKUP } from '../common/staff-actor';
import { ActivationController } from './activation.controller';
import { ActivationService } from './activation.service';
import { Agencies } from './agencies.service';
import { Agency } from './agency.entity';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LinkDelivery } from './link-delivery';
import { OneTimeLink } from './one-time-link.entity';
import { OneTimeLinks } from './one-time-links.service';
import { OwnSessionsController } from './own-sessions.controller';
import { PublicAgenciesController } from './public-agencies.controller';
import { SessionService } from './session.service';
import { SignInThrottle } from './sign-in-throttle';
import { StaffAccounts } from './staff-accounts.service';
import { StaffDirectory } from './staff-directory';
import { StaffSession } from './staff-session.entity';
import { StaffUser } from './staff-user.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Agency, StaffUser, StaffSession, OneTimeLink])],
  controllers: [AuthController, OwnSessionsController, ActivationController, PublicAgenciesController],
  providers: [
    AuthService,
    SessionService,
    SignInThrottle,
    { provide: SESSION_LOOKUP, useExisting: SessionService },
    OneTimeLinks,
    LinkDelivery,
    ActivationService,
    StaffAccounts,
    Agencies,
    StaffDirectory,
  ],
  // The admin feature (HTTP and command line) changes accounts and agencies only through these;
  // other features read people through StaffDirectory.
  exports: [SESSION_LOOKUP, StaffAccounts, Agencies, StaffDirectory],
})
export class IdentityModule {}
