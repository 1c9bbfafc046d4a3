import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiCookieAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { StaffRole, STAFF_ROLES } from '@vigie/common';
import type { StaffActor } from './staff-actor';

export const IS_PUBLIC = 'vigie:public';
export const ROLES = 'vigie:roles';
export const DURING_TOTP_ENROLMENT = 'vigie:during-totp-enrolment';

/** Opens a route to anyone. Every other route needs a staff session (deny by default). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * Any staff member who works the agency's records, whatever the role. Spelled out so that it is a
 * decision, not a default. The call-taker is left out: they record phone tips and open a caller's
 * thread on a call-back, and are refused everything else (tests/api/routes.test.ts checks it).
 */
export const ANY_STAFF: readonly StaffRole[] = STAFF_ROLES.filter((role) => role !== StaffRole.CALL_TAKER);

/**
 * Any agency role, or the platform operator: only for what concerns one's own account (profile,
 * sign-out, TOTP, sessions). Agency data is never opened with this.
 */
export const ANY_ACCOUNT: readonly StaffRole[] = [...STAFF_ROLES, StaffRole.PLATFORM_OPERATOR];

/**
 * A staff route, open to the roles named. A staff route without `@Auth` is refused by the guard,
 * so forgetting it fails closed.
 */
export const Auth = (...roles: readonly StaffRole[]) =>
  applyDecorators(
    SetMetadata(ROLES, roles),
    ApiCookieAuth('vigie_session'),
    ApiUnauthorizedResponse({ description: 'No valid session' }),
    ApiForbiddenResponse({ description: 'Role not allowed, or missing x-csrf-token on a mutation' }),
  );

/** Lets a user who must still enrol TOTP reach this route (enrolment itself, me, logout). */
export const AllowDuringTotpEnrolment = () => SetMetadata(DURING_TOTP_ENROLMENT, true);

export const CurrentStaff = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): StaffActor =>
    ctx.switchToHttp().getRequest<{ staff: StaffActor }>().staff,
);
