import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CreateAgencyDto,
  CreatePlatformAdminDto,
  StaffRole,
  type PlatformAgencyView,
  type StaffInvitationResult,
} from '@vigie/common';
import { Auth, CurrentStaff } from '../common/auth.decorators';
import type { StaffActor } from '../common/staff-actor';
import { Agencies } from '../identity/agencies.service';
import { StaffAccounts } from '../identity/staff-accounts.service';

/**
 * The platform operator of a deployment hosting several agencies: creates agencies and their
 * administrators. Nothing here reads an agency's tips, cases or appeals, and no other route admits
 * this role.
 */
@ApiTags('platform')
@Controller('api/platform/agencies')
@Auth(StaffRole.PLATFORM_OPERATOR)
export class PlatformController {
  constructor(
    private readonly agencies: Agencies,
    private readonly accounts: StaffAccounts,
  ) {}

  @Get()
  list(): Promise<PlatformAgencyView[]> {
    return this.agencies.list();
  }

  @Post()
  create(@CurrentStaff() staff: StaffActor, @Body() dto: CreateAgencyDto): Promise<PlatformAgencyView> {
    return this.agencies.create(dto, staff.userId);
  }

  @Post(':id/admins')
  createAdmin(
    @CurrentStaff() staff: StaffActor,
    @Param('id') agencyId: string,
    @Body() dto: CreatePlatformAdminDto,
  ): Promise<StaffInvitationResult> {
    return this.accounts.invite(
      agencyId,
      { email: dto.email, name: dto.name, roles: [StaffRole.ADMIN] },
      { userId: staff.userId },
    );
  }
}
