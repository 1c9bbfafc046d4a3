import { Body, Controller, Get, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CallBackSession, FollowUpMessageDto, FollowUpSignInDto, FollowUpView } from '@vigie/common';
import { Auth, CurrentStaff } from '../../common/auth.decorators';
import type { StaffActor } from '../../common/staff-actor';
import { PHONE_INTAKE } from '../intake/phone-intake.controller';
import { CallBackService } from './call-back.service';

/**
 * A caller phones back about their tip: the call-taker opens its thread with the caller's code and
 * passphrase, then reads and answers it for them with the token returned (audited). Registered
 * before the inbox, whose `GET /api/tips/:id` would otherwise take `call-back` for an id.
 */
@ApiTags('desk')
@Controller('api/tips/call-back')
export class CallBackController {
  constructor(private readonly callBack: CallBackService) {}

  @Post()
  @Auth(...PHONE_INTAKE)
  @HttpCode(200)
  open(@CurrentStaff() staff: StaffActor, @Body() dto: FollowUpSignInDto): Promise<CallBackSession> {
    return this.callBack.open(staff, dto.code, dto.password);
  }

  @Get()
  @Auth(...PHONE_INTAKE)
  @ApiBearerAuth()
  view(@CurrentStaff() staff: StaffActor, @Headers('authorization') token?: string): Promise<FollowUpView> {
    return this.callBack.view(staff, token);
  }

  @Post('messages')
  @Auth(...PHONE_INTAKE)
  @ApiBearerAuth()
  message(
    @CurrentStaff() staff: StaffActor,
    @Body() dto: FollowUpMessageDto,
    @Headers('authorization') token?: string,
  ): Promise<FollowUpView> {
    return this.callBack.addMessage(staff, token, dto.body);
  }
}
