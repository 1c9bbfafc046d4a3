import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RetentionPolicyView, StaffRole } from '@vigie/common';
import { Auth, CurrentStaff } from '../../common/auth.decorators';
import type { StaffActor } from '../../common/staff-actor';
import { RetentionPolicyDto } from '../dtos/retention-policy.dto';
import { RetentionPolicyService } from './retention-policy.service';
import { RetentionReport, RetentionService } from './retention.service';

const { ADMIN } = StaffRole;

@ApiTags('records')
@Controller('api/records')
export class RetentionController {
  constructor(
    private readonly policies: RetentionPolicyService,
    private readonly retention: RetentionService,
  ) {}

  @Get('retention-policy')
  @Auth(ADMIN)
  policy(@CurrentStaff() staff: StaffActor): Promise<RetentionPolicyView> {
    return this.policies.view(staff);
  }

  @Put('retention-policy')
  @Auth(ADMIN)
  update(@CurrentStaff() staff: StaffActor, @Body() dto: RetentionPolicyDto): Promise<RetentionPolicyView> {
    return this.policies.update(staff, dto);
  }

  /** What the next purge would remove from this agency, and what it keeps for a hold: changes nothing. */
  @Get('retention/preview')
  @Auth(ADMIN)
  preview(@CurrentStaff() staff: StaffActor): Promise<RetentionReport> {
    return this.retention.run({ dryRun: true, agencyId: staff.agencyId, trigger: 'preview' });
  }
}
