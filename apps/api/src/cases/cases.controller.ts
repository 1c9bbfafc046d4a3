import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CaseView, CreateCaseDto, LinkAppealDto, LinkTipsDto, StaffRole, UpdateCaseDto } from '@vigie/common';
import { Auth, CurrentStaff } from '../common/auth.decorators';
import type { StaffActor } from '../common/staff-actor';
import { CasesService } from './cases.service';

const { INVESTIGATOR, SUPERVISOR, ANALYST } = StaffRole;
const Id = () => Param('id', new ParseUUIDPipe());

@ApiTags('desk')
@Controller('api/cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Get()
  @Auth(INVESTIGATOR, SUPERVISOR, ANALYST)
  list(@CurrentStaff() staff: StaffActor) {
    return this.cases.list(staff);
  }

  @Post()
  @Auth(INVESTIGATOR, SUPERVISOR)
  create(@CurrentStaff() staff: StaffActor, @Body() dto: CreateCaseDto): Promise<CaseView> {
    return this.cases.create(staff, dto);
  }

  @Get(':id')
  @Auth(INVESTIGATOR, SUPERVISOR, ANALYST)
  view(@CurrentStaff() staff: StaffActor, @Id() id: string): Promise<CaseView> {
    return this.cases.view(staff, id);
  }

  @Patch(':id')
  @Auth(INVESTIGATOR, SUPERVISOR)
  update(@CurrentStaff() staff: StaffActor, @Id() id: string, @Body() dto: UpdateCaseDto): Promise<CaseView> {
    return this.cases.update(staff, id, dto);
  }

  @Post(':id/tips')
  @Auth(INVESTIGATOR, SUPERVISOR)
  linkTips(@CurrentStaff() staff: StaffActor, @Id() id: string, @Body() dto: LinkTipsDto): Promise<CaseView> {
    return this.cases.linkTips(staff, id, dto.tipIds);
  }

  @Delete(':id/tips/:tipId')
  @Auth(INVESTIGATOR, SUPERVISOR)
  unlinkTip(
    @CurrentStaff() staff: StaffActor,
    @Id() id: string,
    @Param('tipId', new ParseUUIDPipe()) tipId: string,
  ): Promise<CaseView> {
    return this.cases.unlinkTip(staff, id, tipId);
  }

  @Post(':id/appeals')
  @Auth(INVESTIGATOR, SUPERVISOR)
  linkAppeal(
    @CurrentStaff() staff: StaffActor,
    @Id() id: string,
    @Body() dto: LinkAppealDto,
  ): Promise<CaseView> {
    return this.cases.linkAppeal(staff, id, dto.appealId);
  }

  @Delete(':id/appeals/:appealId')
  @Auth(INVESTIGATOR, SUPERVISOR)
  unlinkAppeal(
    @CurrentStaff() staff: StaffActor,
    @Id() id: string,
    @Param('appealId', new ParseUUIDPipe()) appealId: string,
  ): Promise<CaseView> {
    return this.cases.unlinkAppeal(staff, id, appealId);
  }
}
