import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { PlatformController } from './platform.controller';
import { StaffAdminController } from './staff-admin.controller';

/** The HTTP face of staff administration; the accounts and agencies themselves belong to identity. */
@Module({
  imports: [IdentityModule],
  controllers: [StaffAdminController, PlatformController],
})
export class AdminModule {}
