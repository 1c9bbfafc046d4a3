import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { StaffRole } from '@vigie/common';
import { DURING_TOTP_ENROLMENT, IS_PUBLIC, ROLES } from './auth.decorators';
import { AuthGuard } from './auth.guard';
import { DomainException } from './domain.exception';
import { StaffActor } from './staff-actor';

const actor: StaffActor = {
  userId: 'u',
  agencyId: 'a',
  roles: [StaffRole.INVESTIGATOR],
  sessionHash: 'h',
  csrfToken: 'csrf',
  totpEnrolmentRequired: false,
};

function run(
  meta: Record<string, unknown>,
  req: { method: string; cookies?: Record<string, string>; headers?: Record<string, string> },
  staff: StaffActor | null = actor,
) {
  const reflector = { getAllAndOverride: (key: string) => meta[key] } as unknown as Reflector;
  const guard = new AuthGuard(reflector, { resolve: async () => staff });
  const request = { ...req, header: (name: string) => req.headers?.[name] };
  const context = {
    getHandler: () => null,
    getClass: () => null,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  return guard.canActivate(context).then(
    () => 'allowed',
    (e: DomainException) => e.code,
  );
}

describe('AuthGuard (deny by default)', () => {
  const cookies = { vigie_session: 'token' };

  it('lets @Public() routes through without a session', async () => {
    expect(await run({ [IS_PUBLIC]: true }, { method: 'POST' }, null)).toBe('allowed');
  });

  it('refuses a route with no decorator at all, even with a valid session', async () => {
    expect(await run({}, { method: 'GET', cookies })).toBe('FORBIDDEN');
  });

  it('refuses without a session, and with a role not named', async () => {
    expect(await run({ [ROLES]: [StaffRole.INVESTIGATOR] }, { method: 'GET' }, null)).toBe('UNAUTHENTICATED');
    expect(await run({ [ROLES]: [StaffRole.SUPERVISOR] }, { method: 'GET', cookies })).toBe('FORBIDDEN');
    expect(await run({ [ROLES]: [StaffRole.INVESTIGATOR] }, { method: 'GET', cookies })).toBe('allowed');
  });

  it('requires the CSRF header on mutations only', async () => {
    const meta = { [ROLES]: [StaffRole.INVESTIGATOR] };
    expect(await run(meta, { method: 'PATCH', cookies })).toBe('CSRF_MISMATCH');
    expect(await run(meta, { method: 'PATCH', cookies, headers: { 'x-csrf-token': 'wrong' } })).toBe(
      'CSRF_MISMATCH',
    );
    expect(await run(meta, { method: 'PATCH', cookies, headers: { 'x-csrf-token': 'csrf' } })).toBe(
      'allowed',
    );
  });

  it('keeps a user who must enrol TOTP to the enrolment routes', async () => {
    const pending = { ...actor, totpEnrolmentRequired: true };
    expect(await run({ [ROLES]: [StaffRole.INVESTIGATOR] }, { method: 'GET', cookies }, pending)).toBe(
      'TOTP_ENROLMENT_REQUIRED',
    );
    expect(
      await run(
        { [ROLES]: [StaffRole.INVESTIGATOR], [DURING_TOTP_ENROLMENT]: true },
        { method: 'GET', cookies },
        pending,
      ),
    ).toBe('allowed');
  });
});
