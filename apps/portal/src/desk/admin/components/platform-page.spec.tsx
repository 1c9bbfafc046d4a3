import type { PlatformAgencyView } from '@vigie/common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderPage } from '../../../test-utils';
import '../../i18n/desk-catalogue';
import { PlatformPage } from './platform-page';

const demo: PlatformAgencyView = {
  id: 'a1',
  slug: 'demo',
  name: 'Demo Police Service',
  timeZone: 'America/Toronto',
  activeAdmins: 1,
  createdAt: '2026-11-01T10:00:00Z',
};

describe('PlatformPage', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => vi.stubGlobal('fetch', fetchMock));
  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
  });

  // The time-zone select puts ~420 options in the page: role queries over it are slow on a busy machine.
  it('creates an agency, then invites its first administrator and shows the link once', async () => {
    const gatineau: PlatformAgencyView = {
      ...demo,
      id: 'a2',
      slug: 'gatineau',
      name: 'Service de police de Gatineau',
      activeAdmins: 0,
    };
    fetchMock.mockImplementation(async (input, init) => {
      const url = String(input);
      if (url === '/api/platform/agencies' && init?.method === 'GET') return jsonResponse(200, [demo]);
      if (url === '/api/platform/agencies' && init?.method === 'POST') return jsonResponse(201, gatineau);
      if (url === '/api/platform/agencies/a2/admins')
        return jsonResponse(201, {
          emailed: false,
          activationUrl: 'http://127.0.0.1/desk/activate/first',
          expiresAt: '2026-12-08T10:00:00Z',
          member: {
            id: 'u9',
            email: 'chef@gatineau.test',
            displayName: 'Chef Gatineau',
            roles: ['ADMIN'],
            status: 'INVITED',
            lastSignInAt: null,
            totpEnabled: false,
            createdAt: '2026-12-07T10:00:00Z',
          },
        });
      throw new Error(url);
    });
    await renderPage(<PlatformPage />, { lang: 'en' });
    await screen.findByRole('table', { name: 'Agencies on this platform' });

    fireEvent.click(screen.getByText('Create the agency'));
    expect(await screen.findByText(/Use 2 to 60 lower-case letters/)).toBeTruthy();
    expect(screen.getByText('Choose a time zone.')).toBeTruthy();

    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Service de police de Gatineau' } });
    fireEvent.input(screen.getByLabelText(/^Short name/), { target: { value: 'gatineau' } });
    fireEvent.change(screen.getByLabelText('Time zone'), { target: { value: 'America/Toronto' } });
    fireEvent.click(screen.getByText('Create the agency'));

    const dialog = await screen.findByRole('dialog', {
      name: 'Invite an administrator to Service de police de Gatineau',
    });
    expect(dialog.textContent).toContain('This agency has no administrator yet');
    expect(screen.getByText('Service de police de Gatineau', { selector: 'th' })).toBeTruthy();
    fireEvent.input(within(dialog).getByLabelText('Email address'), {
      target: { value: 'chef@gatineau.test' },
    });
    fireEvent.input(within(dialog).getByLabelText('Full name'), { target: { value: 'Chef Gatineau' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send the invitation' }));

    const link = await within(dialog).findByLabelText('One-time link');
    expect((link as HTMLInputElement).value).toBe('http://127.0.0.1/desk/activate/first');
    const posts = fetchMock.mock.calls.filter(([, init]) => init?.method === 'POST');
    expect(posts.map(([url, init]) => [url, JSON.parse(String(init?.body)) as unknown])).toEqual([
      [
        '/api/platform/agencies',
        { name: 'Service de police de Gatineau', slug: 'gatineau', timeZone: 'America/Toronto' },
      ],
      ['/api/platform/agencies/a2/admins', { email: 'chef@gatineau.test', name: 'Chef Gatineau' }],
    ]);
  });

  it('puts a slug already in use on its field', async () => {
    fetchMock.mockImplementation(async (_input, init) =>
      init?.method === 'POST'
        ? jsonResponse(409, { statusCode: 409, code: 'SLUG_TAKEN', message: 'taken' })
        : jsonResponse(200, [demo]),
    );
    await renderPage(<PlatformPage />, { lang: 'fr' });
    await screen.findByRole('table');
    fireEvent.input(screen.getByLabelText('Nom'), { target: { value: 'Autre démo' } });
    fireEvent.input(screen.getByLabelText(/^Nom court/), { target: { value: 'demo' } });
    fireEvent.change(screen.getByLabelText('Fuseau horaire'), { target: { value: 'America/Toronto' } });
    fireEvent.click(screen.getByText('Créer le service'));
    const slug = screen.getByLabelText(/^Nom court/);
    await waitFor(() => expect(slug.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Un autre service utilise déjà ce nom court.')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
