import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  CSRF_COOKIE,
  DEVICE_COOKIE,
  LoginDto,
  SESSION_COOKIE,
  StaffProfile,
  TotpCodeDto,
  TotpEnrolment,
} from '@vigie/common';
import type { CookieOptions, Request, Response } from 'express';
import { AppConfig } from '../config/app-config';
import { AllowDuringTotpEnrolment, ANY_ACCOUNT, Auth, CurrentStaff, Public } from '../common/auth.decorators';
import type { StaffActor } from '../common/staff-actor';
import { AuthService } from './auth.service';
import { DEVICE_COOKIE_DAYS } from './device-cookie';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ description: 'Signed in; sets the session, CSRF and device cookies' })
  async login(
    @Body() dto: LoginDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StaffProfile> {
    // Throttled inside (SignInThrottle): the bucket depends on whose device cookie this is.
    const { token, profile, deviceCookie } = await this.auth.login(dto, {
      clientAddress: String(req.ip),
      deviceCookie: (req.cookies as Record<string, string> | undefined)?.[DEVICE_COOKIE],
    });
    const maxAge = this.config.env.SESSION_TTL_HOURS * 3_600_000;
    res.cookie(SESSION_COOKIE, token, { ...this.cookieBase(), httpOnly: true, maxAge });
    // Readable by the portal's script, which echoes it in x-csrf-token; a cross-site page cannot read it.
    res.cookie(CSRF_COOKIE, profile.csrfToken, { ...this.cookieBase(), httpOnly: false, maxAge });
    // Kept at logout: it remembers the browser, not the session, and only ever matters at sign-in.
    res.cookie(DEVICE_COOKIE, deviceCookie, {
      ...this.cookieBase(),
      path: '/api/auth/login',
      httpOnly: true,
      maxAge: DEVICE_COOKIE_DAYS * 86_400_000,
    });
    return profile;
  }

  @Post('logout')
  @Auth(...ANY_ACCOUNT)
  @AllowDuringTotpEnrolment()
  @HttpCode(204)
  async logout(@CurrentStaff() staff: StaffActor, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(staff);
    res.clearCookie(SESSION_COOKIE, this.cookieBase());
    res.clearCookie(CSRF_COOKIE, this.cookieBase());
  }

  @Get('me')
  @Auth(...ANY_ACCOUNT)
  @AllowDuringTotpEnrolment()
  me(@CurrentStaff() staff: StaffActor): Promise<StaffProfile> {
    return this.auth.profile(staff);
  }

  @Post('totp/enrol')
  @Auth(...ANY_ACCOUNT)
  @AllowDuringTotpEnrolment()
  @HttpCode(200)
  enrolTotp(@CurrentStaff() staff: StaffActor): Promise<TotpEnrolment> {
    return this.auth.startTotpEnrolment(staff);
  }

  @Post('totp/verify')
  @Auth(...ANY_ACCOUNT)
  @AllowDuringTotpEnrolment()
  @HttpCode(200)
  verifyTotp(@CurrentStaff() staff: StaffActor, @Body() dto: TotpCodeDto): Promise<StaffProfile> {
    return this.auth.confirmTotpEnrolment(staff, dto.code);
  }

  private cookieBase(): CookieOptions {
    return { sameSite: 'strict', secure: this.config.cookieSecure, path: '/' };
  }
}
