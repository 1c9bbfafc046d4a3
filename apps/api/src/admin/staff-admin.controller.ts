import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  InviteStaffDto,
  StaffRole,
  UpdateAgencySettingsDto,
  UpdateStaffRolesDto,
  type AgencySettingsView,
  type OneTimeLinkResult,
  type StaffInvitationResult,
  type StaffMemberView,
  type StaffSessionView,
} from '@vigie/common';
import { Auth, CurrentStaff } from '../common/auth.decorators';
import type { StaffActor } from '../common/staff-actor';
import { Agencies } from '../identity/agencies.service';
import { StaffAccounts } from '../identity/staff-accounts.service';

const actorOf = (staff: StaffActor) => ({ userId: staff.userId, sessionHash: staff.sessionHash });

/** An agency's administrator manages its staff and settings. Everything is scoped to their agency. */
@ApiTags('admin')
@Controller('api/admin')
@Auth(StaffRole.ADMIN)
export class StaffAdminController {
  constructor(
    private readonly accounts: StaffAccounts,
    private readonly agencies: Agencies,
  ) {}

  @Get('staff')
  list(@CurrentStaff() staff: StaffActor): Promise<StaffMemberView[]> {
    return this.accounts.list(staff.agencyId);
  }

  @Post('staff')
  invite(@CurrentStaff() staff: StaffActor, @Body() dto: InviteStaffDto): Promise<StaffInvitationResult> {
    return this.accounts.invite(staff.agencyId, dto, actorOf(staff));
  }

  @Patch('staff/:id')
  setRoles(
    @CurrentStaff() staff: StaffActor,
    @Param('id') id: string,
    @Body() dto: UpdateStaffRolesDto,
  ): Promise<StaffMemberView> {
    return this.accounts.setRoles(staff.agencyId, id, dto.roles, actorOf(staff));
  }

  @Post('staff/:id/disable')
  @HttpCode(200)
  disable(@CurrentStaff() staff: StaffActor, @Param('id') id: string): Promise<StaffMemberView> {
    return this.accounts.disable(staff.agencyId, id, actorOf(staff));
  }

  @Post('staff/:id/enable')
  @HttpCode(200)
  enable(@CurrentStaff() staff: StaffActor, @Param('id') id: string): Promise<StaffMemberView> {
    return this.accounts.enable(staff.agencyId, id, actorOf(staff));
  }

  @Post('staff/:id/reset-password')
  @HttpCode(200)
  resetPassword(@CurrentStaff() staff: StaffActor, @Param('id') id: string): Promise<OneTimeLinkResult> {
    return this.accounts.resetPassword(staff.agencyId, id, actorOf(staff));
  }

  @Post('staff/:id/reset-totp')
  @HttpCode(200)
  resetTotp(@CurrentStaff() staff: StaffActor, @Param('id') id: string): Promise<StaffMemberView> {
    return this.accounts.resetTotp(staff.agencyId, id, actorOf(staff));
  }

  @Get('staff/:id/sessions')
  sessions(@CurrentStaff() staff: StaffActor, @Param('id') id: string): Promise<StaffSessionView[]> {
    return this.accounts.sessionsOf(staff.agencyId, id, actorOf(staff));
  }

  @Delete('staff/:id/sessions/:sessionId')
  @HttpCode(204)
  revokeSession(
    @CurrentStaff() staff: StaffActor,
    @Param('id') id: string,
    @Param('sessionId') sessionId: string,
  ): Promise<void> {
    return this.accounts.revokeSession(staff.agencyId, id, sessionId, actorOf(staff));
  }

  @Get('agency')
  settings(@CurrentStaff() staff: StaffActor): Promise<AgencySettingsView> {
    return this.agencies.settings(staff.agencyId);
  }

  @Patch('agency')
  updateSettings(
    @CurrentStaff() staff: StaffActor,
    @Body() dto: UpdateAgencySettingsDto,
  ): Promise<AgencySettingsView> {
    return this.agencies.updateSettings(staff.agencyId, dto, staff.userId);
  }
}
