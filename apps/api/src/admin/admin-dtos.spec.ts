import {
  ActivateAccountDto,
  CreateAgencyDto,
  InviteStaffDto,
  UpdateAgencySettingsDto,
  UpdateStaffRolesDto,
} from '@vigie/common';
import { DomainException } from '../common/domain.exception';
import { createValidationPipe } from '../common/validation';

const pipe = createValidationPipe();
async function errorsOf(metatype: new () => object, value: unknown): Promise<Record<string, string>> {
  try {
    await pipe.transform(value, { type: 'body', metatype });
    return {};
  } catch (err) {
    return (err as DomainException).errors ?? {};
  }
}

describe('staff administration requests', () => {
  it('accepts an invitation with known roles, and lower-cases the e-mail', async () => {
    const dto = await pipe.transform(
      { email: ' Chief@Example.org ', name: ' Marie Tremblay ', roles: ['ADMIN', 'SUPERVISOR'] },
      { type: 'body', metatype: InviteStaffDto },
    );
    expect(dto).toMatchObject({ email: 'chief@example.org', name: 'Marie Tremblay' });
  });

  it('refuses unknown roles, the platform operator role, repeated roles and no role', async () => {
    const base = { email: 'a@example.org', name: 'A' };
    expect(await errorsOf(InviteStaffDto, { ...base, roles: ['SHERIFF'] })).toHaveProperty('roles');
    expect(await errorsOf(InviteStaffDto, { ...base, roles: ['PLATFORM_OPERATOR'] })).toHaveProperty('roles');
    expect(await errorsOf(InviteStaffDto, { ...base, roles: ['PIO', 'PIO'] })).toHaveProperty('roles');
    expect(await errorsOf(UpdateStaffRolesDto, { roles: [] })).toHaveProperty('roles');
    expect(await errorsOf(UpdateStaffRolesDto, { roles: 'ADMIN' })).toHaveProperty('roles');
  });

  it('refuses a time zone that is not in the IANA list', async () => {
    expect(await errorsOf(UpdateAgencySettingsDto, { timeZone: 'Mars/Olympus' })).toHaveProperty('timeZone');
    expect(await errorsOf(UpdateAgencySettingsDto, { timeZone: 'America/Toronto' })).toEqual({});
    expect(
      await errorsOf(CreateAgencyDto, { name: 'Gatineau', slug: 'gatineau', timeZone: 'Nowhere' }),
    ).toHaveProperty('timeZone');
  });

  it('refuses a slug with capitals or spaces, and languages outside fr and en', async () => {
    expect(
      await errorsOf(CreateAgencyDto, { name: 'Gatineau', slug: 'Gati neau', timeZone: 'America/Toronto' }),
    ).toHaveProperty('slug');
    expect(await errorsOf(UpdateAgencySettingsDto, { languages: ['de'] })).toHaveProperty('languages');
    expect(await errorsOf(UpdateAgencySettingsDto, { languages: [] })).toHaveProperty('languages');
  });

  it('lets a public phone be cleared with null', async () => {
    expect(await errorsOf(UpdateAgencySettingsDto, { publicPhone: null })).toEqual({});
    expect(await errorsOf(UpdateAgencySettingsDto, { publicPhone: 'call us' })).toHaveProperty('publicPhone');
  });

  it('asks for at least 12 characters in a new password', async () => {
    expect(await errorsOf(ActivateAccountDto, { password: 'short pass' })).toEqual({
      password: 'Use at least 12 characters',
    });
    expect(
      await errorsOf(ActivateAccountDto, { password: 'a long enough one', totpCode: '12a' }),
    ).toHaveProperty('totpCode');
  });
});
