import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { LegalHoldView, StaffRole } from '@vigie/common';
import { Auth, CurrentStaff } from '../../common/auth.decorators';
import type { StaffActor } from '../../common/staff-actor';
import { LegalHoldDto } from '../dtos/legal-hold.dto';
import { LegalHoldService } from './legal-hold.service';

const { ADMIN, SUPERVISOR, INVESTIGATOR, ANALYST } = StaffRole;
/** Who decides a hold: a supervisor or an administrator, never the investigator working the tip. */
const HOLDERS = [SUPERVISOR, ADMIN] as const;
/** Who may see whether a record is held: anyone who reads tips, and administrators. */
const VIEWERS = [INVESTIGATOR, SUPERVISOR, ANALYST, ADMIN] as const;
const Id = () => Param('id', new ParseUUIDPipe());

@ApiTags('records')
@Controller('api')
export class LegalHoldController {
  constructor(private readonly holds: LegalHoldService) {}

  @Get('tips/:id/legal-hold')
  @Auth(...VIEWERS)
  tip(@CurrentStaff() staff: StaffActor, @Id() id: string): Promise<LegalHoldView> {
    return this.holds.view(staff, 'tip', id);
  }

  @Post('tips/:id/legal-hold')
  @Auth(...HOLDERS)
  @HttpCode(200)
  setTip(
    @CurrentStaff() staff: StaffActor,
    @Id() id: string,
    @Body() dto: LegalHoldDto,
  ): Promise<LegalHoldView> {
    return this.holds.set(staff, 'tip', id, dto);
  }

  @Get('cases/:id/legal-hold')
  @Auth(...VIEWERS)
  case(@CurrentStaff() staff: StaffActor, @Id() id: string): Promise<LegalHoldView> {
    return this.holds.view(staff, 'case', id);
  }

  @Post('cases/:id/legal-hold')
  @Auth(...HOLDERS)
  @HttpCode(200)
  setCase(
    @CurrentStaff() staff: StaffActor,
    @Id() id: string,
    @Body() dto: LegalHoldDto,
  ): Promise<LegalHoldView> {
    return this.holds.set(staff, 'case', id, dto);
  }
}
