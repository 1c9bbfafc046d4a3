import type { StaffSessionView } from '@vigie/common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderPage } from '../../../test-utils';
import '../../i18n/desk-catalogue';
import { MySessionsPage } from './my-sessions-page';

const sessions: StaffSessionView[] = [
  {
    id: 'here',
    createdAt: '2026-12-07T08:00:00Z',
    lastSeenAt: '2026-12-07T09:00:00Z',
    expiresAt: '2026-12-07T20:00:00Z',
    current: true,
  },
  {
    id: 'phone',
    createdAt: '2026-12-06T08:00:00Z',
    lastSeenAt: null,
    expiresAt: '2026-12-06T20:00:00Z',
    current: false,
  },
];

function renderSessions() {
  return renderPage(
    <Routes>
      <Route path="/desk/sessions" element={<MySessionsPage />} />
      <Route path="/login" element={<p>sign-in page</p>} />
    </Routes>,
    { path: '/desk/sessions', lang: 'en' },
  );
}

describe('MySessionsPage', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => vi.stubGlobal('fetch', fetchMock));
  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
  });

  it('lists one’s sessions, this browser’s marked, and signs out another one', async () => {
    fetchMock
      .mockResolvedValueOnce(jsonResponse(200, sessions))
      .mockResolvedValueOnce(new Response(null, { status: 204 }));
    await renderSessions();
    const table = await screen.findByRole('table', { name: 'My sessions' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0].textContent).toContain('(this browser)');
    expect(within(rows[0]).getByRole('button').textContent).toBe('Sign out here');

    fireEvent.click(within(rows[1]).getByRole('button', { name: 'Sign out this session' }));
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(2));
    expect(fetchMock.mock.calls[1][0]).toBe('/api/auth/sessions/phone');
    expect(fetchMock.mock.calls[1][1]?.method).toBe('DELETE');
    expect(screen.getByText(/has ended/)).toBeTruthy();
  });

  it('signing out the current session leaves the desk for the sign-in page', async () => {
    fetchMock
      .mockResolvedValueOnce(jsonResponse(200, sessions))
      .mockResolvedValueOnce(new Response(null, { status: 204 }));
    await renderSessions();
    fireEvent.click(await screen.findByRole('button', { name: 'Sign out here' }));
    expect(await screen.findByText('sign-in page')).toBeTruthy();
    expect(fetchMock.mock.calls[1][0]).toBe('/api/auth/sessions/here');
  });
});
