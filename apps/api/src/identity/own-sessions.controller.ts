import { Controller, Delete, Get, HttpCode, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { StaffSessionView } from '@vigie/common';
import { AllowDuringTotpEnrolment, ANY_ACCOUNT, Auth, CurrentStaff } from '../common/auth.decorators';
import { auditAgencyOf, type StaffActor } from '../common/staff-actor';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { identityError } from './identity.errors';
import { SessionService } from './session.service';

/** One's own open sessions (other browsers, a phone left somewhere), and ending one of them. */
@ApiTags('auth')
@Controller('api/auth/sessions')
export class OwnSessionsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @Auth(...ANY_ACCOUNT)
  @AllowDuringTotpEnrolment()
  list(@CurrentStaff() staff: StaffActor): Promise<StaffSessionView[]> {
    return this.sessions.openSessionsOf(staff.userId, staff.sessionHash);
  }

  @Delete(':sessionId')
  @Auth(...ANY_ACCOUNT)
  @AllowDuringTotpEnrolment()
  @HttpCode(204)
  async revoke(@CurrentStaff() staff: StaffActor, @Param('sessionId') sessionId: string): Promise<void> {
    if (!/^[0-9a-f-]{36}$/i.test(sessionId)) throw identityError('SESSION_NOT_FOUND');
    await this.dataSource.transaction(async (tx) => {
      if (!(await this.sessions.revokeById(tx, staff.userId, sessionId)))
        throw identityError('SESSION_NOT_FOUND');
      await this.audit.append(tx, {
        agencyId: auditAgencyOf(staff),
        actorId: staff.userId,
        action: 'auth.session_revoked',
        entityType: 'staff_user',
        entityId: staff.userId,
        data: { sessionId },
      });
    });
  }
}
