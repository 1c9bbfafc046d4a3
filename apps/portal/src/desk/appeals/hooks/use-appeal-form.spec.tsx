import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { AppealKind, SubjectRole, type StaffAppeal } from '@vigie/common';
import i18next from 'i18next';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../api/query-client';
import { jsonResponse } from '../../../test-utils';
import '../../i18n/desk-catalogue';
import { placeApiErrors, toFormPath } from '../api/appeal-field-errors';
import {
  emptySubject,
  toAppealContent,
  toFormValues,
  type AppealFormValues,
} from '../api/appeal-form-values';
import { useAppealForm } from './use-appeal-form';

function validValues(): AppealFormValues {
  const values = toFormValues(AppealKind.AMBER_ALERT);
  values.content.title = { fr: 'Alerte AMBER : Léa', en: 'AMBER Alert: Léa' };
  values.content.summary = { fr: 'Enlevée à 16 h.', en: 'Taken at 4 p.m.' };
  values.content.subjects = [{ ...emptySubject(SubjectRole.CHILD), ageMin: '7', ageMax: '6' }];
  return values;
}

const staffAppeal = (version: number): StaffAppeal => ({
  id: '6d2c0f5e-2d5b-4a47-9f61-1f2c3b4a5d6e',
  slug: 'amber-lea-abc123',
  kind: AppealKind.AMBER_ALERT,
  status: 'DRAFT' as StaffAppeal['status'],
  version,
  draft: toAppealContent(validValues()),
  draftEditors: ['u1'],
  versions: [],
  updates: [],
  images: [],
  createdAt: '2026-03-02T14:00:00Z',
  updatedAt: '2026-03-02T14:00:00Z',
});

function renderForm(appeal?: StaffAppeal) {
  const queryClient = createQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  return renderHook(() => useAppealForm({ appeal }), { wrapper });
}

describe('API error paths', () => {
  it('maps DTO paths and kind-rule paths onto the form, and lists the rest apart', () => {
    expect(toFormPath('content.title')).toBe('content.title');
    expect(toFormPath('subjects.0.ageMax')).toBe('content.subjects.0.ageMax');
    expect(toFormPath('expiresAt')).toBe('content.expiresAt');
    expect(toFormPath('content.subjects.1.aliases.3')).toBe('content.subjects.1.aliases');
    expect(
      placeApiErrors({
        'content.reward.amount': 'amount must not be less than 1',
        'lastSeen.longitude': 'Give both latitude and longitude, or neither',
        'content.images.0.id': 'id must be a UUID',
        version: 'version must be an integer number',
      }),
    ).toEqual({
      placed: [
        ['content.reward.amount', 'amount must not be less than 1'],
        ['content.lastSeen.longitude', 'Give both latitude and longitude, or neither'],
      ],
      unplaced: ['id must be a UUID', 'version must be an integer number'],
    });
  });
});

describe('useAppealForm', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(async () => {
    vi.stubGlobal('fetch', fetchMock);
    await i18next.changeLanguage('fr');
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
  });

  it('validates with the shared DTOs before sending, with the DTO’s limits in the reader’s language', async () => {
    const { result } = renderForm();
    act(() => {
      const values = validValues();
      values.content.title = { fr: '', en: '' };
      values.content.subjects[0].ageMin = '200';
      result.current.form.reset(values);
    });
    await act(() => result.current.save());
    expect(fetchMock).not.toHaveBeenCalled();
    expect(result.current.fieldError('content.title')).toBe(
      'Écrivez-le en français ou en anglais (120 caractères au plus par langue).',
    );
    expect(result.current.fieldError('content.subjects.0.ageMin')).toBe('Au plus 130.');
    // A blank required number fails all its rules; the reader is told it is required, not "at most 10 000 000".
    act(() => result.current.form.setValue('rewardOffered', true));
    await act(() => result.current.save());
    expect(result.current.fieldError('content.reward.amount')).toBe('Ce champ est obligatoire.');
    expect(result.current.formError).toBe('Certains champs sont à corriger.');
  });

  it('puts the API’s field errors on their fields, whatever the path style, and sends the DTO', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse(400, {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'Some fields are not valid',
        errors: {
          subjects: 'An AMBER alert needs the child’s description',
          'subjects.0.ageMax': 'Must not be below the minimum',
          expiresAt: 'An AMBER alert needs an expiry',
          'content.summary': 'Write it in French or English (at most 300 characters each)',
          'content.images.0.id': 'id must be a UUID',
        },
      }),
    );
    const { result } = renderForm();
    act(() => result.current.form.reset(validValues()));
    await act(() => result.current.save());

    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/appeals');
    const sent = JSON.parse(String(init?.body));
    expect(sent.kind).toBe('AMBER_ALERT');
    expect(sent.content.subjects[0]).toEqual({ role: 'CHILD', ageMin: 7, ageMax: 6 });
    expect(sent.content).not.toHaveProperty('reward');

    await waitFor(() => expect(result.current.fieldError('content.expiresAt')).toBeDefined());
    const errors = result.current.form.formState.errors;
    expect(errors.content?.subjects?.[0]?.ageMax?.type).toBe('server');
    expect(result.current.fieldError('content.subjects')).toBe(
      'Ce type d’avis doit décrire une personne de rôle «\u00a0Enfant\u00a0».'.replace(/\u00a0/g, ' '),
    );
    expect(result.current.fieldError('content.subjects.0.ageMax')).toBe(
      'Ne peut pas être inférieur au minimum.',
    );
    expect(result.current.fieldError('content.expiresAt')).toBe(
      'Une alerte AMBER doit avoir une date de fin.',
    );
    expect(result.current.fieldError('content.summary')).toBe(
      'Write it in French or English (at most 300 characters each)',
    );
    expect(result.current.unplaced).toEqual(['id must be a UUID']);
    expect(result.current.formError).toBe('Certains champs ne sont pas valides.');
  });

  it('edits with the version it started from, and says so on 409 STALE_VERSION instead of field errors', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse(409, {
        statusCode: 409,
        code: 'STALE_VERSION',
        message: 'Someone else changed this appeal since you opened it; reload to see their changes',
        current: { version: 5 },
      }),
    );
    const appeal = staffAppeal(3);
    const { result } = renderForm(appeal);
    await act(() => result.current.save());
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe(`/api/appeals/${appeal.id}`);
    expect(init?.method).toBe('PATCH');
    expect(JSON.parse(String(init?.body)).version).toBe(3);
    expect(result.current.stale).toBe(true);
    expect(result.current.formError).toBeNull();

    fetchMock.mockResolvedValueOnce(jsonResponse(200, staffAppeal(5)));
    await act(() => result.current.reload());
    expect(result.current.stale).toBe(false);
    expect(result.current.version).toBe(5);
  });

  it('follows an upload’s new version only when nobody else saved in between', async () => {
    const { result } = renderForm(staffAppeal(3));
    const uploaded = (version: number, ids: string[]) => ({
      ...staffAppeal(version),
      draft: { ...staffAppeal(version).draft!, images: ids.map((id) => ({ id, isComposite: false })) },
    });
    act(() => result.current.adoptUpload(uploaded(4, ['a'])));
    expect(result.current.version).toBe(4);
    expect(result.current.form.getValues('content.images').map((image) => image.id)).toEqual(['a']);
    act(() => result.current.adoptUpload(uploaded(7, ['a', 'b'])));
    expect(result.current.version).toBe(4);
    expect(result.current.form.getValues('content.images').map((image) => image.id)).toEqual(['a', 'b']);
  });
});
