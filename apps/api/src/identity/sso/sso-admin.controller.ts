import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SsoSettingsDto, SsoSettingsView, StaffRole } from '@vigie/common';
import { Auth, CurrentStaff } from '../../common/auth.decorators';
import type { StaffActor } from '../../common/staff-actor';
import { SsoSettingsService } from './sso-settings.service';

@ApiTags('admin')
@Controller('api/admin/sso')
export class SsoAdminController {
  constructor(private readonly settings: SsoSettingsService) {}

  @Get()
  @Auth(StaffRole.ADMIN)
  view(@CurrentStaff() staff: StaffActor): Promise<SsoSettingsView> {
    return this.settings.view(staff.agencyId);
  }

  @Put()
  @Auth(StaffRole.ADMIN)
  update(@CurrentStaff() staff: StaffActor, @Body() dto: SsoSettingsDto): Promise<SsoSettingsView> {
    return this.settings.update(staff, dto);
  }
}
