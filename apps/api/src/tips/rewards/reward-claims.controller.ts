import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RewardClaimView, RewardDecisionDto, RewardPaymentDto, StaffRole } from '@vigie/common';
import { IsIn, IsOptional } from 'class-validator';
import { Auth, CurrentStaff } from '../../common/auth.decorators';
import type { StaffActor } from '../../common/staff-actor';
import { RewardClaimsService } from './reward-claims.service';

class ClaimsQuery {
  @IsOptional()
  @IsIn(['REQUESTED', 'APPROVED', 'REFUSED', 'PAID'])
  status?: string;
}

/** Staff side of reward claims: investigators see them; only a supervisor decides and records payment. */
@ApiTags('desk')
@Controller('api/rewards/claims')
export class RewardClaimsController {
  constructor(private readonly claims: RewardClaimsService) {}

  @Get()
  @Auth(StaffRole.INVESTIGATOR, StaffRole.SUPERVISOR, StaffRole.ANALYST)
  list(@CurrentStaff() staff: StaffActor, @Query() query: ClaimsQuery): Promise<RewardClaimView[]> {
    return this.claims.list(staff, query.status);
  }

  @Post(':id/decision')
  @Auth(StaffRole.SUPERVISOR)
  @HttpCode(200)
  decide(
    @CurrentStaff() staff: StaffActor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: RewardDecisionDto,
  ): Promise<RewardClaimView> {
    return this.claims.decide(staff, id, dto);
  }

  @Post(':id/payment')
  @Auth(StaffRole.SUPERVISOR)
  @HttpCode(200)
  pay(
    @CurrentStaff() staff: StaffActor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: RewardPaymentDto,
  ): Promise<RewardClaimView> {
    return this.claims.recordPayment(staff, id, dto.reference);
  }
}
