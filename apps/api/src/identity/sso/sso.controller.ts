import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CSRF_COOKIE, SESSION_COOKIE, SSO_ERRORS, SsoError, SsoSignInOptions } from '@vigie/common';
import type { CookieOptions, Request, Response } from 'express';
import { Public } from '../../common/auth.decorators';
import { DomainException } from '../../common/domain.exception';
import { AppConfig } from '../../config/app-config';
import { SsoOptionsService } from './sso-options.service';
import { PENDING_LIFETIME_MS, SsoSignInService } from './sso-sign-in.service';

const PENDING_COOKIE = 'vigie_sso';
const PENDING_PATH = '/api/auth/sso';

/** The browser's side of single sign-on: to the provider and back, then into the desk. */
@ApiTags('auth')
@Controller('api/auth/sso')
export class SsoController {
  constructor(
    private readonly signIn: SsoSignInService,
    private readonly options: SsoOptionsService,
    private readonly config: AppConfig,
  ) {}

  /** What the sign-in page offers for a typed e-mail or an `?agency=` slug. */
  @Get('options')
  @Public()
  offer(@Query('email') email?: string, @Query('agency') agency?: string): Promise<SsoSignInOptions> {
    return this.options.forSignIn({ email, agency });
  }

  @Get(':agencySlug/start')
  @Public()
  async start(@Param('agencySlug') agencySlug: string, @Res() res: Response): Promise<void> {
    const { url, pending } = await this.signIn.start(agencySlug);
    // Lax, not Strict: it must come back with the provider's top-level redirect to the callback.
    res.cookie(PENDING_COOKIE, pending, { ...this.pendingCookie(), maxAge: PENDING_LIFETIME_MS });
    res.redirect(303, url);
  }

  @Get('callback')
  @Public()
  async callback(@Req() req: Request, @Res() res: Response): Promise<void> {
    const sealed = (req.cookies as Record<string, string> | undefined)?.[PENDING_COOKIE];
    // Single use, whatever happens next.
    res.clearCookie(PENDING_COOKIE, this.pendingCookie());
    // The person's browser lands here from the provider: a refusal is explained on the sign-in
    // page, never shown as an API error body. Anything else (a bug, the database away) stays an error.
    const outcome = await this.signIn.callback(sealed, req).catch((err: unknown) => {
      if (err instanceof DomainException && isSsoError(err.code))
        return { kind: 'refused', reason: err.code } as const;
      throw err;
    });
    if (outcome.kind === 'refused') return res.redirect(303, `/login?sso_error=${outcome.reason}`);
    const maxAge = this.config.env.SESSION_TTL_HOURS * 3_600_000;
    const base: CookieOptions = { sameSite: 'strict', secure: this.config.cookieSecure, path: '/' };
    res.cookie(SESSION_COOKIE, outcome.token, { ...base, httpOnly: true, maxAge });
    res.cookie(CSRF_COOKIE, outcome.csrfToken, { ...base, httpOnly: false, maxAge });
    res.redirect(303, '/desk');
  }

  private pendingCookie(): CookieOptions {
    return { sameSite: 'lax', secure: this.config.cookieSecure, path: PENDING_PATH, httpOnly: true };
  }
}

function isSsoError(code: string): code is SsoError {
  return (SSO_ERRORS as readonly string[]).includes(code);
}
