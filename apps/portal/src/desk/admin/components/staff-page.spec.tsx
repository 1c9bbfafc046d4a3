import { StaffRole, type StaffMemberView, type StaffProfile } from '@vigie/common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderPage } from '../../../test-utils';
import '../../i18n/desk-catalogue';
import { StaffPage } from './staff-page';

const admin: StaffProfile = {
  id: 'u-admin',
  email: 'admin@demo.test',
  displayName: 'Alice Admin',
  roles: [StaffRole.ADMIN],
  agency: {
    id: 'a1',
    name: 'Demo Police Service',
    slug: 'demo',
    requireTotp: false,
    timeZone: 'America/Toronto',
  },
  totpEnabled: true,
  totpEnrolmentRequired: false,
  csrfToken: 'csrf',
  mapTiles: null,
};

const member = (over: Partial<StaffMemberView>): StaffMemberView => ({
  id: 'u-ines',
  email: 'ines@demo.test',
  displayName: 'Ines Investigator',
  roles: [StaffRole.INVESTIGATOR],
  status: 'ACTIVE',
  lastSignInAt: '2026-12-01T14:30:00Z',
  totpEnabled: true,
  createdAt: '2026-11-01T10:00:00Z',
  ...over,
});

const staff = [
  member({ id: 'u-admin', email: 'admin@demo.test', displayName: 'Alice Admin', roles: [StaffRole.ADMIN] }),
  member({}),
  member({
    id: 'u-new',
    email: 'new@demo.test',
    displayName: 'Noé Nouveau',
    status: 'INVITED',
    lastSignInAt: null,
    totpEnabled: false,
  }),
];

type Route = (url: string, init: RequestInit) => Response | undefined;

/** The API at the fetch boundary: the profile and the list, then whatever the test routes. */
function api(fetchMock: ReturnType<typeof vi.fn<typeof fetch>>, route: Route = () => undefined) {
  fetchMock.mockImplementation(async (input, init = {}) => {
    const url = String(input);
    const answer = route(url, init);
    if (answer) return answer;
    if (url === '/api/auth/me') return jsonResponse(200, admin);
    if (url === '/api/admin/staff' && (init.method ?? 'GET') === 'GET') return jsonResponse(200, staff);
    throw new Error(`unexpected ${init.method} ${url}`);
  });
}

const calls = (fetchMock: ReturnType<typeof vi.fn<typeof fetch>>, method: string) =>
  fetchMock.mock.calls
    .filter(([, init]) => (init?.method ?? 'GET') === method)
    .map(([url, init]) => ({
      url: String(url),
      body: init?.body ? (JSON.parse(String(init.body)) as unknown) : null,
    }));

const row = (name: string) => screen.getByRole('rowheader', { name: new RegExp(name) }).closest('tr')!;

describe('StaffPage', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => vi.stubGlobal('fetch', fetchMock));
  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
  });

  it('lists the staff in a captioned table: roles, status, last sign-in, two-factor, and marks oneself', async () => {
    api(fetchMock);
    await renderPage(<StaffPage />, { lang: 'en' });

    const table = await screen.findByRole('table', { name: 'Staff of Demo Police Service' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((cell) => cell.textContent);
    expect(headers).toEqual(['Name', 'Email', 'Roles', 'Status', 'Last sign-in', '2FA', 'Actions']);
    expect(row('Alice Admin').textContent).toContain('(you)');
    const ines = within(row('Ines Investigator'));
    expect(ines.getByText('Investigator')).toBeTruthy();
    expect(ines.getByText('Active')).toBeTruthy();
    expect(ines.getByText('On')).toBeTruthy();
    const invited = within(row('Noé Nouveau'));
    expect(invited.getByText('Invited')).toBeTruthy();
    expect(invited.getByText('Never')).toBeTruthy();
    // Each button names the person it acts on, for a screen reader going through the buttons.
    expect(screen.getByRole('button', { name: 'Disable (Ines Investigator)' })).toBeTruthy();
  });

  it('disables after a confirmation naming the person, updates the row, says so, and gives focus back', async () => {
    api(fetchMock, (url, init) =>
      url === '/api/admin/staff/u-ines/disable' && init.method === 'POST'
        ? jsonResponse(200, member({ status: 'DISABLED' }))
        : undefined,
    );
    await renderPage(<StaffPage />, { lang: 'en' });
    const trigger = await screen.findByRole('button', { name: 'Disable (Ines Investigator)' });
    trigger.focus();
    fireEvent.click(trigger);

    const dialog = screen.getByRole('dialog', { name: 'Disable Ines Investigator?' });
    expect(dialog.textContent).toContain('Disabling ends all of Ines Investigator’s sessions now');
    expect(calls(fetchMock, 'POST')).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Disable Ines Investigator' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls(fetchMock, 'POST')).toEqual([{ url: '/api/admin/staff/u-ines/disable', body: null }]);
    expect(within(row('Ines Investigator')).getByText('Disabled')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Enable (Ines Investigator)' })).toBeTruthy();
    const announced = screen.getAllByRole('status').map((region) => region.textContent);
    expect(announced).toContain('Ines Investigator is disabled and has been signed out everywhere.');
    await waitFor(() => expect(document.activeElement).toBe(trigger));
  });

  it('shows the 409 refusals clearly inside the dialog, and changes nothing', async () => {
    api(fetchMock, (url, init) =>
      url === '/api/admin/staff/u-admin/disable' && init.method === 'POST'
        ? jsonResponse(409, {
            statusCode: 409,
            code: 'DISABLE_SELF',
            message: 'You cannot disable your own account; ask another administrator',
          })
        : undefined,
    );
    await renderPage(<StaffPage />, { lang: 'fr' });
    fireEvent.click(await screen.findByRole('button', { name: 'Désactiver (Alice Admin)' }));
    const dialog = screen.getByRole('dialog', { name: 'Désactiver Alice Admin\u00a0?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Désactiver Alice Admin' }));

    expect((await within(dialog).findByRole('alert')).textContent).toContain(
      'C’est vous\u00a0: vous ne pouvez pas désactiver votre propre compte.',
    );
    expect(within(row('Alice Admin')).getByText('Actif')).toBeTruthy();
  });

  it('changes roles with checkboxes after a review step, and explains the last-admin refusal', async () => {
    let refuse = true;
    api(fetchMock, (url, init) => {
      if (url !== '/api/admin/staff/u-admin' || init.method !== 'PATCH') return undefined;
      return refuse
        ? jsonResponse(409, { statusCode: 409, code: 'LAST_ADMIN', message: 'keep one admin' })
        : jsonResponse(
            200,
            member({ id: 'u-admin', displayName: 'Alice Admin', roles: [StaffRole.SUPERVISOR] }),
          );
    });
    await renderPage(<StaffPage />, { lang: 'en' });
    fireEvent.click(await screen.findByRole('button', { name: 'Roles (Alice Admin)' }));
    const dialog = screen.getByRole('dialog', { name: 'Roles of Alice Admin' });
    const save = () => within(dialog).getByRole('button', { name: /Review the change|Confirm the change/ });
    expect((save() as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(within(dialog).getByRole('checkbox', { name: /Administrator/ }));
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /Supervisor/ }));
    fireEvent.click(save());
    expect(
      within(dialog).getByText(
        'Alice Admin: Administrator → Supervisor. Their open pages follow the new roles at once.',
      ),
    ).toBeTruthy();
    expect(calls(fetchMock, 'PATCH')).toEqual([]);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm the change' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain(
      'Your agency must keep at least one active administrator.',
    );
    expect(calls(fetchMock, 'PATCH')).toEqual([
      { url: '/api/admin/staff/u-admin', body: { roles: [StaffRole.SUPERVISOR] } },
    ]);

    refuse = false;
    fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm the change' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(within(row('Alice Admin')).getByText('Supervisor')).toBeTruthy();
  });

  it('shows a reset link once, with a copy button, when no e-mail could carry it', async () => {
    const writeText = vi.fn<(text: string) => Promise<void>>().mockResolvedValue();
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const url = 'https://vigie.example/desk/activate/tok-123';
    api(fetchMock, (path, init) =>
      path === '/api/admin/staff/u-ines/reset-password' && init.method === 'POST'
        ? jsonResponse(200, { emailed: false, activationUrl: url, expiresAt: '2026-12-08T14:30:00Z' })
        : undefined,
    );
    await renderPage(<StaffPage />, { lang: 'en' });
    const more = await screen.findByRole('button', { name: 'More (Ines Investigator)' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('button', { name: 'Reset password (Ines Investigator)' })).toBeNull();
    more.focus();
    fireEvent.click(more);
    expect(more.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Reset password (Ines Investigator)' }));
    const dialog = screen.getByRole('dialog', { name: 'Reset Ines Investigator’s password?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create the link' }));

    const field = await within(dialog).findByLabelText('One-time link');
    expect((field as HTMLInputElement).value).toBe(url);
    expect(dialog.textContent).toContain('give this link to ines@demo.test yourself. It is shown only once.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Copy the link' }));
    expect(await within(dialog).findByText('Link copied.')).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith(url);
    // Done: the dialog offers to close, not to issue another link.
    expect(within(dialog).queryByRole('button', { name: 'Create the link' })).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('textbox', { name: 'One-time link' })).toBeNull();
    // Back on "More", the list closed: the keyboard user is where they were.
    await waitFor(() => expect(document.activeElement).toBe(more));
    expect(more.getAttribute('aria-expanded')).toBe('false');
  });

  it('says a link was e-mailed instead of showing it', async () => {
    api(fetchMock, (path) =>
      path === '/api/admin/staff/u-new/reset-password'
        ? jsonResponse(200, { emailed: true, activationUrl: null, expiresAt: '2026-12-08T14:30:00Z' })
        : undefined,
    );
    await renderPage(<StaffPage />, { lang: 'en' });
    // An invited person who never activated gets a new invitation link from the same act.
    fireEvent.click(await screen.findByRole('button', { name: 'More (Noé Nouveau)' }));
    // No two-factor to reset for someone who never set it up.
    expect(screen.queryByRole('button', { name: /Reset two-factor \(2FA\) \(Noé Nouveau\)/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Reset password (Noé Nouveau)' }));
    const dialog = screen.getByRole('dialog', { name: 'New invitation link for Noé Nouveau?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create the link' }));
    expect(await within(dialog).findByText('The invitation was emailed to new@demo.test.')).toBeTruthy();
    expect(within(dialog).queryByLabelText('One-time link')).toBeNull();
  });

  it('lists a person’s sessions and ends one', async () => {
    let sessions = [
      {
        id: 's1',
        createdAt: '2026-12-01T08:00:00Z',
        lastSeenAt: '2026-12-01T09:00:00Z',
        expiresAt: '2026-12-01T20:00:00Z',
        current: false,
      },
      {
        id: 's2',
        createdAt: '2026-12-02T08:00:00Z',
        lastSeenAt: null,
        expiresAt: '2026-12-02T20:00:00Z',
        current: false,
      },
    ];
    api(fetchMock, (url, init) => {
      if (url === '/api/admin/staff/u-ines/sessions') return jsonResponse(200, sessions);
      if (url === '/api/admin/staff/u-ines/sessions/s1' && init.method === 'DELETE') {
        sessions = sessions.filter((one) => one.id !== 's1');
        return new Response(null, { status: 204 });
      }
      return undefined;
    });
    await renderPage(<StaffPage />, { lang: 'en' });
    fireEvent.click(await screen.findByRole('button', { name: 'More (Ines Investigator)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Sessions (Ines Investigator)' }));
    const dialog = screen.getByRole('dialog', { name: 'Sessions of Ines Investigator' });
    const table = await within(dialog).findByRole('table', { name: 'Sessions of Ines Investigator' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    // Newest first: the second session's row comes before the first's.
    fireEvent.click(within(table).getAllByRole('button', { name: 'End this session' })[1]);
    await waitFor(() => expect(within(dialog).getAllByRole('row')).toHaveLength(2));
    expect(calls(fetchMock, 'DELETE')).toEqual([{ url: '/api/admin/staff/u-ines/sessions/s1', body: null }]);
  });
});
