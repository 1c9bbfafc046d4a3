import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { TIP_LIMITS } from '../limits';
import { CreateTipDto } from './tip.dto';

const optionalText = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** What `<input type="datetime-local">` sends: a wall-clock time without a zone. */
export const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/**
 * The tip form drawn without JavaScript (`POST /basic/tips/new`, multipart): the fields of the public
 * intake, with the time as the browser's date-and-time field gives it, read in the police service's zone.
 */
export class BasicTipDto extends CreateTipDto {
  @Transform(optionalText)
  @IsOptional()
  @IsString()
  @Matches(LOCAL_DATE_TIME, { message: 'Give a valid date and time' })
  occurredLocal?: string;
}

/** A form of a follow-up drawn without JavaScript: `session` ties it to the open follow-up (not a cookie). */
export class BasicFollowUpFormDto {
  @IsString()
  @MaxLength(200)
  session!: string;
}

/** A tipster's answer without JavaScript: a message, files, or both (`POST /basic/tips/follow-up/messages`). */
export class BasicFollowUpMessageDto extends BasicFollowUpFormDto {
  @Transform(optionalText)
  @IsOptional()
  @IsString()
  @MaxLength(TIP_LIMITS.messageMax)
  body?: string;
}
