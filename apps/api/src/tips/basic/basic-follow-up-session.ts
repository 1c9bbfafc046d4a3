import { Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { CookieOptions, Request, Response } from 'express';
import { AppConfig } from '../../config/app-config';
import { BASIC_FOLLOW_UP_PATH } from '../../portal/basic-layout';

/** The follow-up token of a browser without JavaScript, which cannot send an Authorization header. */
export const FOLLOW_UP_COOKIE = 'vigie_tip_follow_up';

/**
 * Where a browser without JavaScript keeps its follow-up: the same short-lived token as the JavaScript page
 * (30 minutes, it names the tip and nothing of the tipster), in a cookie that only the follow-up pages see,
 * that scripts cannot read, that no other site's request carries (SameSite=Strict), and that the browser
 * drops when it closes. It is the only cookie a tipster ever gets, and only by signing in here.
 * Each form of the page also carries `session`, an HMAC of that token: a form from an older sign-in (or
 * anyone else's) is refused.
 */
@Injectable()
export class BasicFollowUpSessions {
  private readonly key: Buffer;

  constructor(config: AppConfig) {
    this.key = createHmac('sha256', config.encryptionKey).update('vigie:basic-follow-up-session').digest();
  }

  tokenOf(req: Request): string | undefined {
    const value: unknown = (req.cookies as Record<string, unknown> | undefined)?.[FOLLOW_UP_COOKIE];
    return typeof value === 'string' && value.length <= 300 ? value : undefined;
  }

  open(req: Request, res: Response, token: string): void {
    res.cookie(FOLLOW_UP_COOKIE, token, this.options(req));
  }

  close(req: Request, res: Response): void {
    res.clearCookie(FOLLOW_UP_COOKIE, this.options(req));
  }

  /** The value a form of this follow-up carries. */
  formKey(token: string): string {
    return createHmac('sha256', this.key).update(token).digest('base64url');
  }

  formMatches(token: string, given: string): boolean {
    const expected = Buffer.from(this.formKey(token));
    const actual = Buffer.from(given);
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }

  private options(req: Request): CookieOptions {
    // Secure whenever the request came over HTTPS; an onion service is plain HTTP to this process (Tor
    // encrypts the way), where a Secure cookie would never come back.
    return { httpOnly: true, sameSite: 'strict', path: BASIC_FOLLOW_UP_PATH, secure: req.secure };
  }
}
