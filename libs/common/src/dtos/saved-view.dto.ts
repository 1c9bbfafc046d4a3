import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { InboxFiltersDto } from './inbox.dto';

export const SAVED_VIEW_LIMITS = {
  /** Long enough for "AMBER alert · new · with location · mine", short enough for a filter bar. */
  nameMax: 80,
  /** A person's views fit in the filter bar's menu; more is a sign of a list nobody reads. */
  perPerson: 30,
} as const;

/** Some visible character, no line breaks: the name is one line of a menu. */
const NAME = /^(?=.*\S)[^\r\n\t]+$/u;

/** `POST /api/tips/views`: the current filters and search, under a name. */
export class CreateSavedViewDto {
  @IsString()
  @Matches(NAME, { message: 'Give the view a name on one line' })
  @MaxLength(SAVED_VIEW_LIMITS.nameMax)
  name!: string;

  @IsObject()
  @ValidateNested()
  @Type(() => InboxFiltersDto)
  filters!: InboxFiltersDto;
}

/** `PATCH /api/tips/views/:id`: a new name, new filters, or both. */
export class UpdateSavedViewDto {
  @IsOptional()
  @IsString()
  @Matches(NAME, { message: 'Give the view a name on one line' })
  @MaxLength(SAVED_VIEW_LIMITS.nameMax)
  name?: string;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => InboxFiltersDto)
  filters?: InboxFiltersDto;
}
