import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { FollowUpView } from '@vigie/common';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderPage } from '../../../test-utils';
import { normalizeTipCode } from '../hooks/use-follow-up-forms';
import { loadTipsCatalogue } from '../i18n/tips-catalogue';
import { FollowUpPage } from './follow-up-page';

const view: FollowUpView = {
  code: 'K7QM-2XH9',
  receivedAt: '2026-03-02T18:45:00Z',
  status: 'BEING_REVIEWED' as FollowUpView['status'],
  messages: [
    { from: 'INVESTIGATOR' as never, body: 'Quelle était la plaque ?', at: '2026-03-03T10:00:00Z' },
    { from: 'TIPSTER' as never, body: 'Elle commençait par FXR.', at: '2026-03-03T11:00:00Z' },
  ],
  files: [{ kind: 'image', receivedAt: '2026-03-02T18:45:00Z' }],
  uploads: { maxFiles: 20, maxBytes: 4096 * 1024 * 1024, usedFiles: 1, usedBytes: 2_500_000 },
  reward: {
    offered: true,
    eligible: true,
    reason: 'OPEN',
    expiresAt: '2027-05-20T00:00:00Z',
    amount: 5000,
    currency: 'CAD',
    terms: { fr: 'Pour une arrestation.', en: 'For an arrest.' },
  },
};

async function signIn(code = 'k7qm 2xh9', password = 'un deux trois quatre cinq') {
  fireEvent.change(screen.getByLabelText('Code de suivi'), { target: { value: code } });
  fireEvent.change(screen.getByLabelText('Mot de passe'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Ouvrir mon suivi' }));
}

describe('FollowUpPage', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeAll(() => loadTipsCatalogue(['tip', 'tipSend', 'followUp'], 'fr'));
  beforeEach(() => vi.stubGlobal('fetch', fetchMock));
  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
    sessionStorage.clear();
    localStorage.clear();
  });

  it('reads the code as people type it', () => {
    expect(normalizeTipCode(' k7qm 2xh9 ')).toBe('K7QM-2XH9');
    expect(normalizeTipCode('K7QM2XH9')).toBe('K7QM-2XH9');
    expect(normalizeTipCode('K7QM-2XH')).toBeNull();
  });

  it('says plainly when the code or password is wrong, and when the code is locked', async () => {
    await renderPage(<FollowUpPage />);
    fireEvent.click(screen.getByRole('button', { name: 'Ouvrir mon suivi' }));
    expect(await screen.findByText(/Le code compte 8 lettres et chiffres/)).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();

    fetchMock.mockResolvedValueOnce(
      jsonResponse(401, { statusCode: 401, code: 'BAD_CREDENTIALS', message: 'Wrong code or password' }),
    );
    await signIn();
    expect((await screen.findByRole('alert')).textContent).toContain('Code ou mot de passe incorrect.');
    fetchMock.mockResolvedValueOnce(jsonResponse(429, { statusCode: 429, code: 'LOCKED', message: 'x' }));
    await signIn();
    await screen.findByText(/Trop d’essais avec ce code/);
    // Sent without a cookie, as the API reads it.
    const [path, init] = fetchMock.mock.calls[0];
    expect(path).toBe('/api/public/tips/follow-up');
    expect(init?.credentials).toBe('omit');
    expect(JSON.parse(String(init?.body))).toEqual({
      code: 'K7QM-2XH9',
      password: 'un deux trois quatre cinq',
    });
  });

  it('shows the thread without staff names, the status and the reward; the token stays in this tab only', async () => {
    fetchMock.mockImplementation(async (_input, init) =>
      init?.method === 'POST'
        ? jsonResponse(200, {
            token: 'tok.en.mac',
            expiresAt: new Date(Date.now() + 1_800_000).toISOString(),
          })
        : jsonResponse(200, view),
    );
    await renderPage(<FollowUpPage />);
    await signIn();
    expect(await screen.findByText('Quelle était la plaque ?')).toBeTruthy();
    expect(screen.getByText('Enquêteur')).toBeTruthy();
    expect(screen.getByText('Vous')).toBeTruthy();
    expect(screen.getByText('En cours d’examen par les enquêteurs.')).toBeTruthy();
    expect(screen.getByText('Une récompense est offerte : votre information est admissible.')).toBeTruthy();
    // What the tip may still take, before any file is picked (19 files, 4 GB less 2.5 MB).
    expect(screen.getByText('Vous pouvez encore envoyer 19 fichiers, 4 Go en tout.')).toBeTruthy();
    // The terms kept with the tip, shown as such.
    expect(screen.getByText(/Jusqu’à 5\s000\s\$/)).toBeTruthy();
    expect(screen.getByText(/conditions en vigueur quand vous avez envoyé votre information/)).toBeTruthy();
    expect(screen.getByText('Pour une arrestation.')).toBeTruthy();
    const viewCall = fetchMock.mock.calls.find(([, init]) => init?.method === 'GET');
    expect((viewCall?.[1]?.headers as Record<string, string>).authorization).toBe('Bearer tok.en.mac');
    expect(sessionStorage.getItem('vigie.followUp')).toContain('tok.en.mac');
    expect(JSON.stringify({ ...localStorage })).not.toContain('tok.en.mac');
    expect(JSON.stringify({ ...sessionStorage })).not.toContain('quatre');

    fireEvent.click(screen.getByRole('button', { name: 'Fermer mon suivi' }));
    await waitFor(() => expect(sessionStorage.getItem('vigie.followUp')).toBeNull());
    expect(await screen.findByText('Votre suivi est fermé.')).toBeTruthy();
  });
});
