import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ForwardRecord, ForwardTarget, ForwardTipDto, StaffRole } from '@vigie/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { Auth, CurrentStaff } from '../common/auth.decorators';
import type { StaffActor } from '../common/staff-actor';
import { sentForwards } from './forward-records';
import { forwardTargets } from './forward-targets';
import { ForwardingService } from './forwarding.service';

const { INVESTIGATOR, SUPERVISOR, ANALYST } = StaffRole;
/** Sending a tip out of the agency, and taking it back, is a supervisor's decision. */
const FORWARDERS = [SUPERVISOR] as const;
/** Who reads the agency's record of what it sent: those who read tips. */
const READERS = [INVESTIGATOR, SUPERVISOR, ANALYST] as const;

class SentQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

@ApiTags('desk')
@Controller('api')
export class ForwardingController {
  constructor(
    private readonly forwarding: ForwardingService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Post('tips/:id/forward')
  @Auth(...FORWARDERS)
  forward(
    @CurrentStaff() staff: StaffActor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: ForwardTipDto,
  ): Promise<ForwardRecord> {
    return this.forwarding.forward(staff, id, dto);
  }

  @Delete('tips/:id/forward/:forwardId')
  @Auth(...FORWARDERS)
  @HttpCode(200)
  revoke(
    @CurrentStaff() staff: StaffActor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('forwardId', new ParseUUIDPipe()) forwardId: string,
  ): Promise<ForwardRecord> {
    return this.forwarding.revoke(staff, id, forwardId);
  }

  /** The agencies a tip can be sent to, by name. */
  @Get('forwards/agencies')
  @Auth(...FORWARDERS)
  agencies(@CurrentStaff() staff: StaffActor): Promise<ForwardTarget[]> {
    return forwardTargets(this.dataSource, staff.agencyId);
  }

  /** What the agency sent, newest first. */
  @Get('forwards')
  @Auth(...READERS)
  sent(
    @CurrentStaff() staff: StaffActor,
    @Query() query: SentQuery,
  ): Promise<Omit<ForwardRecord, 'notes'>[]> {
    return sentForwards(this.dataSource, staff.agencyId, query.limit ?? 50);
  }

  /** One forward the agency sent: the read-only record of it. */
  @Get('forwards/:forwardId')
  @Auth(...READERS)
  record(
    @CurrentStaff() staff: StaffActor,
    @Param('forwardId', new ParseUUIDPipe()) forwardId: string,
  ): Promise<ForwardRecord> {
    return this.forwarding.record(staff, forwardId);
  }
}
