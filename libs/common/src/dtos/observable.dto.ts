import { IsEnum, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { ObservableKind } from '../enums/observable.enum';

/** How long a value typed by hand may be before it is normalised. */
export const OBSERVABLE_VALUE_MAX = 300;

/** `POST /api/tips/:id/observables`: an investigator adds what the words did not give (or gave wrongly). */
export class AddObservableDto {
  @IsEnum(ObservableKind)
  kind!: ObservableKind;

  @IsString()
  @IsNotEmpty()
  @MaxLength(OBSERVABLE_VALUE_MAX)
  value!: string;
}

/** `PATCH /api/tips/:id/observables/:observableId`: the right value (and kind, if that was wrong too). */
export class CorrectObservableDto {
  @IsOptional()
  @IsEnum(ObservableKind)
  kind?: ObservableKind;

  @IsString()
  @IsNotEmpty()
  @MaxLength(OBSERVABLE_VALUE_MAX)
  value!: string;
}

/** `GET /api/observables/mentions?kind=PLATE&value=fxk 482`: the value as typed; the API normalises it. */
export class ObservableMentionsQueryDto {
  @IsEnum(ObservableKind)
  kind!: ObservableKind;

  @IsString()
  @IsNotEmpty()
  @MaxLength(OBSERVABLE_VALUE_MAX)
  value!: string;
}
