import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CSRF_HEADER, SESSION_COOKIE, StaffRole } from '@vigie/common';
import type { Request } from 'express';
import { DURING_TOTP_ENROLMENT, IS_PUBLIC, ROLES } from './auth.decorators';
import { commonError } from './domain.exception';
import { SESSION_LOOKUP, SessionLookup, StaffActor } from './staff-actor';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Registered globally: every route needs a staff session unless marked `@Public()`, and the
 * session's roles must include one the route names with `@Auth(...)`. Mutations must also echo
 * the session's CSRF token in `x-csrf-token` (double submit: the SPA reads it from a cookie that a
 * cross-site page cannot read).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(SESSION_LOOKUP) private readonly sessions: SessionLookup,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const req = context.switchToHttp().getRequest<Request & { staff?: StaffActor }>();
    const token = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    const staff = token ? await this.sessions.resolve(token) : null;
    if (!staff) throw commonError('UNAUTHENTICATED');

    if (!SAFE_METHODS.has(req.method) && req.header(CSRF_HEADER) !== staff.csrfToken)
      throw commonError('CSRF_MISMATCH');

    if (
      staff.totpEnrolmentRequired &&
      !this.reflector.getAllAndOverride<boolean>(DURING_TOTP_ENROLMENT, targets)
    ) {
      throw commonError('TOTP_ENROLMENT_REQUIRED');
    }

    const roles = this.reflector.getAllAndOverride<StaffRole[] | undefined>(ROLES, targets);
    if (!roles || !roles.some((role) => staff.roles.includes(role))) throw commonError('FORBIDDEN');

    req.staff = staff;
    return true;
  }
}
