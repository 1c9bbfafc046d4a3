import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

/** The text fields sent beside an appeal image (multipart fields are always strings). */
export class ImageUploadFieldsDto {
  @IsIn(['true', 'false'], { message: 'Say whether this is a composite sketch (true or false)' })
  isComposite!: 'true' | 'false';

  @IsOptional()
  @IsString()
  @MaxLength(200)
  altFr?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  altEn?: string;
}
