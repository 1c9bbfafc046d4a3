import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { TipFollowUpService } from './tip-follow-up.service';

/**
 * Checks the tipster's follow-up token before anything else runs, in particular before an upload
 * is read: a request without a valid token never gets to write a byte to disk.
 */
@Injectable()
export class FollowUpTokenGuard implements CanActivate {
  constructor(private readonly followUp: TipFollowUpService) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request & { followUpTipId?: string }>();
    req.followUpTipId = this.followUp.tipIdOf(req.headers.authorization);
    return true;
  }
}

/** The tip the follow-up token names (set by FollowUpTokenGuard). */
export const FollowUpTip = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): string =>
    ctx.switchToHttp().getRequest<{ followUpTipId: string }>().followUpTipId,
);
