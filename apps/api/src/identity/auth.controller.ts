import { Body, Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  CSRF_COOKIE,
  LoginDto,
  SESSION_COOKIE,
  StaffProfile,
  TotpCodeDto,
  TotpEnrolment,
} from '@vigie/common';
import type { CookieOptions, Response } from 'express';
import { AppConfig } from '../config/app-config';
import { AllowDuringTotpEnrolment, ANY_STAFF, Auth, CurrentStaff, Public } from '../common/auth.decorators';
import { RateLimited } from '../common/rate-limit';
import type { StaffActor } from '../common/staff-actor';
import { AuthService } from './auth.service';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  @Post('login')
  @Public()
  @RateLimited('staff-login-client', 'staff-login-account')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Signed in; sets the session and CSRF cookies' })
  async login(@Body() dto: LoginDto, @Res({ passthrough: true }) res: Response): Promise<StaffProfile> {
    const { token, profile } = await this.auth.login(dto);
    const maxAge = this.config.env.SESSION_TTL_HOURS * 3_600_000;
    res.cookie(SESSION_COOKIE, token, { ...this.cookieBase(), httpOnly: true, maxAge });
    // Readable by the portal's script, which echoes it in x-csrf-token; a cross-site page cannot read it.
    res.cookie(CSRF_COOKIE, profile.csrfToken, { ...this.cookieBase(), httpOnly: false, maxAge });
    return profile;
  }

  @Post('logout')
  @Auth(...ANY_STAFF)
  @AllowDuringTotpEnrolment()
  @HttpCode(204)
  async logout(@CurrentStaff() staff: StaffActor, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(staff);
    res.clearCookie(SESSION_COOKIE, this.cookieBase());
    res.clearCookie(CSRF_COOKIE, this.cookieBase());
  }

  @Get('me')
  @Auth(...ANY_STAFF)
  @AllowDuringTotpEnrolment()
  me(@CurrentStaff() staff: StaffActor): Promise<StaffProfile> {
    return this.auth.profile(staff);
  }

  @Post('totp/enrol')
  @Auth(...ANY_STAFF)
  @AllowDuringTotpEnrolment()
  @HttpCode(200)
  enrolTotp(@CurrentStaff() staff: StaffActor): Promise<TotpEnrolment> {
    return this.auth.startTotpEnrolment(staff);
  }

  @Post('totp/verify')
  @Auth(...ANY_STAFF)
  @AllowDuringTotpEnrolment()
  @HttpCode(200)
  verifyTotp(@CurrentStaff() staff: StaffActor, @Body() dto: TotpCodeDto): Promise<StaffProfile> {
    return this.auth.confirmTotpEnrolment(staff, dto.code);
  }

  private cookieBase(): CookieOptions {
    return { sameSite: 'strict', secure: this.config.cookieSecure, path: '/' };
  }
}
