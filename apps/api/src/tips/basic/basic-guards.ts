import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import { PROOF_OF_WORK_SIGNATURE, type WithProofOfWork } from '../intake/proof-of-work.guard';
import { ProofOfWorkService } from '../intake/proof-of-work.service';
import { TipFollowUpService } from '../follow-up/tip-follow-up.service';
import { BasicFollowUpSessions } from './basic-follow-up-session';
import { basicError } from './basic-pages.errors';
import { FormTokens } from './form-token';

export type BasicTipRequest = WithProofOfWork & {
  basicFormExpired?: boolean;
  /** When the form that was sent had been drawn: a form drawn again keeps it. */
  basicTokenIssuedAt?: Date;
};

/**
 * A form sent from another site is refused before anything else (browsers say so in Sec-Fetch-Site; one
 * that sends no such header is let through to the checks that follow).
 */
function refuseCrossSite(req: Request): void {
  if (req.headers['sec-fetch-site'] === 'cross-site') throw basicError('CROSS_SITE');
}

/**
 * The form token (form-token.ts) from the address the form is sent to, checked like the proof-of-work
 * header, before a byte of the body is read: a forged or reused one is refused, and one sent too soon.
 * One past its lifetime lets the body through, so the form comes back with what was written in it.
 */
@Injectable()
export class BasicFormTokenGuard implements CanActivate {
  readonly tokens: FormTokens;

  constructor(
    private readonly pow: ProofOfWorkService,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    this.tokens = new FormTokens(config.encryptionKey, config.env.BASIC_FORM_MIN_SECONDS * 1000);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<BasicTipRequest>();
    refuseCrossSite(req);
    const check = this.tokens.check(req.query.t, this.clock.now());
    if (!check.ok) {
      if (check.reason === 'EXPIRED') {
        req.basicFormExpired = true;
        return true;
      }
      throw basicError(check.reason === 'TOO_FRESH' ? 'FORM_TOKEN_TOO_FRESH' : 'FORM_TOKEN_INVALID');
    }
    if (!(await this.pow.reserveSignature(check.signature, check.expiresAt)))
      throw basicError('FORM_TOKEN_USED');
    req[PROOF_OF_WORK_SIGNATURE] = check.signature;
    req.basicTokenIssuedAt = check.issuedAt;
    return true;
  }
}

export type BasicFollowUpRequest = Request & { followUpTipId?: string; followUpToken?: string };

/**
 * The follow-up session from its cookie (basic-follow-up-session.ts), checked before an upload is read,
 * and named for the per-tip limit and the upload budget exactly as FollowUpTokenGuard names it.
 */
@Injectable()
export class BasicFollowUpGuard implements CanActivate {
  constructor(
    private readonly followUp: TipFollowUpService,
    private readonly sessions: BasicFollowUpSessions,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<BasicFollowUpRequest>();
    refuseCrossSite(req);
    const token = this.sessions.tokenOf(req);
    req.followUpTipId = this.followUp.tipIdOf(token && `Bearer ${token}`);
    req.followUpToken = token;
    return true;
  }
}

/** Sign-in: only the cross-site check (the sign-in itself is limited and locked like the JavaScript one). */
@Injectable()
export class SameSiteGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    refuseCrossSite(context.switchToHttp().getRequest<Request>());
    return true;
  }
}
