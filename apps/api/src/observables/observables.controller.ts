import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AddObservableDto,
  CorrectObservableDto,
  ObservableMentionsQueryDto,
  StaffRole,
  type ObservableMentions,
  type TipObservableView,
} from '@vigie/common';
import { Auth, CurrentStaff } from '../common/auth.decorators';
import type { StaffActor } from '../common/staff-actor';
import { ObservableMentionsView } from '../desk/observable-mentions.view';
import { TipObservables, valueOf } from './tip-observables.service';

/** Who reads a tip's observables, and who adds or corrects them (those who triage). */
const READERS = [StaffRole.INVESTIGATOR, StaffRole.SUPERVISOR, StaffRole.ANALYST];
const EDITORS = [StaffRole.INVESTIGATOR, StaffRole.SUPERVISOR];

const Id = (name: string) => Param(name, new ParseUUIDPipe());

@ApiTags('observables')
@Controller('api')
export class ObservablesController {
  constructor(
    private readonly observables: TipObservables,
    private readonly mentions: ObservableMentionsView,
  ) {}

  /** The tip's chips. */
  @Get('tips/:id/observables')
  @Auth(...READERS)
  forTip(@CurrentStaff() staff: StaffActor, @Id('id') id: string): Promise<TipObservableView[]> {
    return this.observables.forTip(staff, id);
  }

  @Post('tips/:id/observables')
  @Auth(...EDITORS)
  add(
    @CurrentStaff() staff: StaffActor,
    @Id('id') id: string,
    @Body() dto: AddObservableDto,
  ): Promise<TipObservableView[]> {
    return this.observables.add(staff, id, dto.kind, dto.value);
  }

  @Patch('tips/:id/observables/:observableId')
  @Auth(...EDITORS)
  correct(
    @CurrentStaff() staff: StaffActor,
    @Id('id') id: string,
    @Id('observableId') observableId: string,
    @Body() dto: CorrectObservableDto,
  ): Promise<TipObservableView[]> {
    return this.observables.correct(staff, id, observableId, dto);
  }

  @Delete('tips/:id/observables/:observableId')
  @Auth(...EDITORS)
  @HttpCode(200)
  remove(
    @CurrentStaff() staff: StaffActor,
    @Id('id') id: string,
    @Id('observableId') observableId: string,
  ): Promise<TipObservableView[]> {
    return this.observables.remove(staff, id, observableId);
  }

  /** Everything in the agency that mentions a value, typed any way ("fxk 482" is the plate FXK482). */
  @Get('observables/mentions')
  @Auth(...READERS)
  mentionsOf(
    @CurrentStaff() staff: StaffActor,
    @Query() query: ObservableMentionsQueryDto,
  ): Promise<ObservableMentions> {
    return this.mentions.read(staff, query.kind, valueOf(query.kind, query.value));
  }
}
