import { CreateTipDto, FollowUpMessageDto, FollowUpSignInDto } from '@vigie/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { Resolver } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { messageResolver, signInResolver } from '../hooks/use-follow-up-forms';
import { EMPTY_TIP_VALUES, toCreateTipDto, type TipField, type TipFormValues } from './tip-form-values';
import { dtoErrors, tipResolver } from './tip-validation';

/**
 * The form checks in the browser what the API's DTOs check on the server, without shipping class-validator
 * to phones. These run the real DTOs beside the form's checks on the same values: where the DTO accepts,
 * the form must too (it must never block a tip the API would take); where the DTO refuses, the form
 * refuses as well, except for the few listed cases the form leaves to the API's 400 answer.
 */
function apiRefuses<T extends object>(dto: new () => T, plain: object, field: string): boolean {
  const errors = validateSync(plainToInstance(dto, plain) as object);
  return errors.some((error) => error.property === field);
}

const values = (field: TipField, value: string): TipFormValues => ({
  ...EMPTY_TIP_VALUES,
  description: field === 'description' ? value : 'Vu une voiture rouge',
  contactChoice: field.startsWith('contact') ? 'contact' : 'anonymous',
  // A way to reach the tipster, so that the form's own "phone or e-mail" rule stays out of the way.
  contactPhone: field === 'contactPhone' ? value : field.startsWith('contact') ? '514 555-0100' : '',
  [field]: value,
});

const long = (n: number, unit = 'a') => unit.repeat(n);

const SAMPLES: Record<TipField, string[]> = {
  description: [
    'Vu une voiture',
    '   ',
    '',
    long(10_000),
    long(10_001),
    long(10_000, '😀'),
    long(10_000, '❤️'),
  ],
  occurredFrom: ['2026-11-21T10:00', '2026-11-21', 'hier soir', '2026-13-45T10:00', '2026-W10-1'],
  occurredTo: ['2026-11-21T10:30', 'demain', '21/11/2026'],
  place: ['Berri-UQAM', long(500), long(501), long(500, '🚇')],
  latitude: ['45.5', '-90', '90', '90.0001', '-91', 'nord', '45,5', ' 45.51 '],
  longitude: ['-73.56', '180', '-180', '180.5', 'ouest', '0'],
  accuracyM: ['12', '0', '100000', '100001', '-1', 'près', '12.5'],
  contactName: ['Marie', long(200), long(201)],
  contactPhone: ['514 555-0100', '+1 (514) 555-0100', '555', 'appelez-moi', long(39, '5'), long(40, '5')],
  contactEmail: [
    'marie@example.com',
    'marie.tremblay+tips@exemple.qc.ca',
    'marie',
    'marie@',
    '@example.com',
    'marie@example',
    'marie @example.com',
    `${long(70)}@example.com`,
    `${long(60)}@${'b.'.repeat(100)}ca`,
  ],
};

/** Refused by the API only: the form lets them through, and the API's 400 puts its message beside the field. */
const LEFT_TO_THE_API: Partial<Record<TipField, string[]>> = {
  // validator's isEmail wants no space in an unquoted name, and at most 64 characters before the "@".
  contactEmail: ['marie @example.com', `${long(70)}@example.com`],
};

describe('the tip form checks what the API’s CreateTipDto checks', () => {
  for (const [field, samples] of Object.entries(SAMPLES) as [TipField, string[]][]) {
    it(`${field}`, () => {
      for (const sample of samples) {
        const form = values(field, sample);
        const api = apiRefuses(CreateTipDto, toCreateTipDto(form), field);
        const browser = dtoErrors(form)[field] !== undefined;
        const leftToApi = LEFT_TO_THE_API[field]?.includes(sample) ?? false;
        expect({ sample: sample.slice(0, 40), refusedInBrowser: browser }).toEqual({
          sample: sample.slice(0, 40),
          refusedInBrowser: api && !leftToApi,
        });
        if (leftToApi) expect(api).toBe(true);
      }
    });
  }

  it('lets an anonymous tip through without looking at contact details it will not send', async () => {
    const form = { ...values('description', 'Vu une voiture'), contactEmail: 'pas une adresse' };
    const result = await tipResolver(form, undefined, {} as Parameters<Resolver<TipFormValues>>[2]);
    expect(result.errors).toEqual({});
  });
});

describe('the follow-up forms check what the API’s DTOs check', () => {
  const options = {} as Parameters<Resolver<FollowUpSignInDto>>[2];

  it('sign-in: the code and the password within their limits', async () => {
    const cases = [
      { code: 'K7QM-2XH9', password: 'tigre lampe'.repeat(18) },
      { code: 'K7QM-2XH9', password: long(201) },
      { code: `K7QM-2XH9${long(12, ' ')}`, password: 'x' },
    ];
    for (const plain of cases) {
      const result = await signInResolver(plain, undefined, options);
      const refused = Object.keys(result.errors).sort();
      const api = ['code', 'password'].filter((field) => apiRefuses(FollowUpSignInDto, plain, field));
      for (const field of api) expect(refused).toContain(field);
    }
    expect((await signInResolver({ code: 'K7QM-2XH9', password: 'x' }, undefined, options)).errors).toEqual(
      {},
    );
  });

  it('reply: some text, within the limit', async () => {
    for (const body of ['Oui, vers 14 h', '  ', long(5_000), long(5_001)]) {
      const result = await messageResolver(
        { body },
        undefined,
        {} as Parameters<Resolver<FollowUpMessageDto>>[2],
      );
      expect(result.errors.body !== undefined).toBe(apiRefuses(FollowUpMessageDto, { body }, 'body'));
    }
  });
});
