import { Body, Controller, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RecordPhoneTipDto, StaffRole, TipReceipt } from '@vigie/common';
import { Auth, CurrentStaff } from '../../common/auth.decorators';
import type { StaffActor } from '../../common/staff-actor';
import { PhoneIntake } from './phone-intake.service';

/** Who may take a tip on the phone line: the call-taker, and investigators and supervisors who answer it. */
export const PHONE_INTAKE = [StaffRole.CALL_TAKER, StaffRole.INVESTIGATOR, StaffRole.SUPERVISOR] as const;

@ApiTags('desk')
@Controller('api/tips')
export class PhoneIntakeController {
  constructor(private readonly phone: PhoneIntake) {}

  /** A tip recorded for a caller (channel PHONE); answers like public intake, to be read back. */
  @Post()
  @Auth(...PHONE_INTAKE)
  record(@CurrentStaff() staff: StaffActor, @Body() dto: RecordPhoneTipDto): Promise<TipReceipt> {
    return this.phone.receive(staff, dto);
  }
}
