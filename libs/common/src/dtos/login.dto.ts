import { IsEmail, IsOptional, IsString, Length, Matches, MaxLength, MinLength } from 'class-validator';
import { LIMITS } from '../limits';

export class LoginDto {
  @IsEmail({}, { message: 'Enter a valid e-mail address' })
  @MaxLength(LIMITS.emailLength)
  email!: string;

  // class-validator reports the bottom decorator first: the type check belongs there.
  @MaxLength(LIMITS.passwordMaxLength)
  @MinLength(1, { message: 'Enter your password' })
  @IsString()
  password!: string;

  /** Required only when the account has two-factor authentication turned on. */
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'The code is 6 digits' })
  totp?: string;
}

export class TotpCodeDto {
  @Length(LIMITS.totpDigits, LIMITS.totpDigits, { message: 'The code is 6 digits' })
  @Matches(/^\d+$/, { message: 'The code is 6 digits' })
  code!: string;
}
