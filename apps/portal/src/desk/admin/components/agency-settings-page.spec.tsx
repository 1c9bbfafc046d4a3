import { Locale, type AgencySettingsView } from '@vigie/common';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderPage } from '../../../test-utils';
import '../../i18n/desk-catalogue';
import { AgencySettingsPage } from './agency-settings-page';

const settings: AgencySettingsView = {
  id: 'a1',
  slug: 'demo',
  name: 'Demo Police Service',
  publicPhone: '819 243-2345',
  smsNumber: null,
  timeZone: 'America/Toronto',
  languages: [Locale.FR, Locale.EN],
  requireTotp: false,
  passwordSignIn: true,
};

const patches = (fetchMock: ReturnType<typeof vi.fn<typeof fetch>>) =>
  fetchMock.mock.calls
    .filter(([, init]) => init?.method === 'PATCH')
    .map(([, init]) => JSON.parse(String(init?.body)) as unknown);

describe('AgencySettingsPage', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => vi.stubGlobal('fetch', fetchMock));
  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
  });

  // The time-zone select puts ~420 options in the page: role queries over it are slow on a busy machine.
  it('starts from what is saved, offers the IANA zones, and saves every field', async () => {
    fetchMock.mockImplementation(async (input, init) => {
      if (String(input) === '/api/auth/me')
        return jsonResponse(401, { statusCode: 401, code: 'UNAUTHENTICATED', message: '' });
      if (init?.method === 'PATCH')
        return jsonResponse(200, { ...settings, ...(JSON.parse(String(init.body)) as object) });
      return jsonResponse(200, settings);
    });
    await renderPage(<AgencySettingsPage />, { lang: 'en' });

    const name = (await screen.findByLabelText('Name of the police service')) as HTMLInputElement;
    expect(name.value).toBe('Demo Police Service');
    const zone = screen.getByLabelText('Time zone') as HTMLSelectElement;
    expect(zone.value).toBe('America/Toronto');
    expect([...zone.options].map((option) => option.value)).toContain('America/Vancouver');
    expect((screen.getByRole('checkbox', { name: 'French' }) as HTMLInputElement).checked).toBe(true);

    fireEvent.input(name, { target: { value: 'Service de police de Gatineau' } });
    fireEvent.input(screen.getByLabelText('Public phone number'), { target: { value: '' } });
    fireEvent.input(screen.getByLabelText('Number for tips by text message'), {
      target: { value: ' +18192432345 ' },
    });
    fireEvent.change(zone, { target: { value: 'America/Vancouver' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'English' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Require two-factor authentication for everyone' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    expect(patches(fetchMock)).toEqual([
      {
        name: 'Service de police de Gatineau',
        publicPhone: null,
        smsNumber: '+18192432345',
        timeZone: 'America/Vancouver',
        languages: ['fr'],
        requireTotp: true,
      },
    ]);
  });

  it('refuses to drop every language before sending', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, settings));
    await renderPage(<AgencySettingsPage />, { lang: 'fr' });
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Français' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Anglais' }));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Gardez au moins une langue.')).toBeTruthy();
    expect(patches(fetchMock)).toEqual([]);
  });

  it('shows the API’s field errors beside their fields', async () => {
    fetchMock.mockImplementation(async (_input, init) =>
      init?.method === 'PATCH'
        ? jsonResponse(400, {
            statusCode: 400,
            code: 'VALIDATION_FAILED',
            message: 'Some fields are not valid',
            errors: { publicPhone: 'Enter a phone number, e.g. 819 243-2345' },
          })
        : jsonResponse(200, settings),
    );
    await renderPage(<AgencySettingsPage />, { lang: 'en' });
    fireEvent.click(await screen.findByRole('button', { name: 'Save' }));
    const phone = screen.getByLabelText('Public phone number');
    await waitFor(() => expect(phone.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Enter a phone number, for example 819 243-2345.')).toBeTruthy();
    expect(screen.queryByText('Settings saved.')).toBeNull();
  });
});
