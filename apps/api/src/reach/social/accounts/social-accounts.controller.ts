import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ConnectSocialAccountDto,
  DisconnectSocialAccountQueryDto,
  SocialAccountsView,
  SocialAccountView,
  StaffRole,
} from '@vigie/common';
import { Auth, CurrentStaff } from '../../../common/auth.decorators';
import type { StaffActor } from '../../../common/staff-actor';
import { SocialAccountsService } from './social-accounts.service';

/**
 * The agency's official accounts. An administrator connects and disconnects them (they hold the
 * agency's credentials, like its sign-in provider); the PIOs and supervisors who publish see which
 * accounts are connected and whether they work. Disconnecting an account with posts still up
 * answers 409 with the list, unless `?leaveLivePosts=true`.
 */
@ApiTags('reach')
@Controller('api/reach/social/accounts')
export class SocialAccountsController {
  constructor(private readonly accounts: SocialAccountsService) {}

  @Get()
  @Auth(StaffRole.ADMIN, StaffRole.SUPERVISOR, StaffRole.PIO)
  list(@CurrentStaff() staff: StaffActor): Promise<SocialAccountsView> {
    return this.accounts.list(staff.agencyId);
  }

  @Post()
  @Auth(StaffRole.ADMIN)
  connect(
    @CurrentStaff() staff: StaffActor,
    @Body() dto: ConnectSocialAccountDto,
  ): Promise<SocialAccountView> {
    return this.accounts.connect(staff, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Auth(StaffRole.ADMIN)
  disconnect(
    @CurrentStaff() staff: StaffActor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: DisconnectSocialAccountQueryDto,
  ): Promise<void> {
    return this.accounts.disconnect(staff, id, query.leaveLivePosts === 'true');
  }
}
