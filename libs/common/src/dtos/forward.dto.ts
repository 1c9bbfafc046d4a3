import { IsEnum, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { ForwardMode } from '../enums/forward.enum';

export const FORWARD_LIMITS = {
  noteMax: 2_000,
} as const;

/** `POST /api/tips/:id/forward`: to which agency (its id, from `GET /api/forwards/agencies`), how, and why. */
export class ForwardTipDto {
  @IsUUID('all', { message: 'Choose an agency from the list' })
  agency!: string;

  @IsEnum(ForwardMode, { message: 'Choose TRANSFER or COPY' })
  mode!: ForwardMode;

  /** What the other agency reads first: why it is theirs, or why they should know. */
  @IsString()
  @Matches(/\S/, { message: 'Say why you are sending it' })
  @MaxLength(FORWARD_LIMITS.noteMax)
  note!: string;
}
