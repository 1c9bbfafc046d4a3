import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CreateSavedViewDto, SavedView, StaffRole, UpdateSavedViewDto } from '@vigie/common';
import { Auth, CurrentStaff } from '../../common/auth.decorators';
import type { StaffActor } from '../../common/staff-actor';
import { SavedViews } from './saved-views.service';

/** Whoever reads the inbox may keep their own views of it. */
const READERS = [StaffRole.INVESTIGATOR, StaffRole.SUPERVISOR, StaffRole.ANALYST] as const;

const Id = () => Param('id', new ParseUUIDPipe());

/** The caller's own saved inbox views: nobody else's are ever listed or reachable. */
@ApiTags('desk')
@Controller('api/tips/views')
export class SavedViewsController {
  constructor(private readonly views: SavedViews) {}

  @Get()
  @Auth(...READERS)
  list(@CurrentStaff() staff: StaffActor): Promise<SavedView[]> {
    return this.views.list(staff);
  }

  @Post()
  @Auth(...READERS)
  create(@CurrentStaff() staff: StaffActor, @Body() dto: CreateSavedViewDto): Promise<SavedView> {
    return this.views.create(staff, dto);
  }

  @Patch(':id')
  @Auth(...READERS)
  update(
    @CurrentStaff() staff: StaffActor,
    @Id() id: string,
    @Body() dto: UpdateSavedViewDto,
  ): Promise<SavedView> {
    return this.views.update(staff, id, dto);
  }

  @Delete(':id')
  @Auth(...READERS)
  @HttpCode(204)
  async remove(@CurrentStaff() staff: StaffActor, @Id() id: string): Promise<void> {
    await this.views.remove(staff, id);
  }
}
