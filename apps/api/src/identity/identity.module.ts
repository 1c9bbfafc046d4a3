import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SESSION_LOOKUP } from '../common/staff-actor';
import { Agency } from './agency.entity';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { PublicAgenciesController } from './public-agencies.controller';
import { SessionService } from './session.service';
import { SignInThrottle } from './sign-in-throttle';
import { StaffSession } from './staff-session.entity';
import { StaffUser } from './staff-user.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Agency, StaffUser, StaffSession])],
  controllers: [AuthController, PublicAgenciesController],
  providers: [
    AuthService,
    SessionService,
    SignInThrottle,
    { provide: SESSION_LOOKUP, useExisting: SessionService },
  ],
  exports: [SESSION_LOOKUP],
})
export class IdentityModule {}
