import { StaffRole, type StaffProfile } from '@vigie/common';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderPage } from '../../test-utils';
import { SignInPage } from './sign-in-page';

const profile: StaffProfile = {
  id: 'u1',
  email: 'investigator@demo.test',
  displayName: 'Ines Investigator',
  roles: [StaffRole.INVESTIGATOR],
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

function renderSignIn(path = '/login') {
  return renderPage(
    <Routes>
      <Route path="/login" element={<SignInPage />} />
      <Route path="/desk" element={<p data-testid="desk" />} />
    </Routes>,
    { path },
  );
}

function fillCredentials(email = 'investigator@demo.test', password = 'demo-password-123') {
  fireEvent.input(screen.getByLabelText('Adresse courriel'), { target: { value: email } });
  fireEvent.input(screen.getByLabelText('Mot de passe'), { target: { value: password } });
}

const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
const sentBody = (fetchMock: ReturnType<typeof vi.fn>, call: number) =>
  JSON.parse(String((fetchMock.mock.calls[call][1] as RequestInit).body)) as Record<string, unknown>;

describe('SignInPage', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => vi.stubGlobal('fetch', fetchMock));
  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
  });

  it('validates with the shared DTO before calling the API, and ties each message to its field', async () => {
    await renderSignIn();
    submit();

    const email = screen.getByLabelText('Adresse courriel');
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    const message = document.getElementById(email.getAttribute('aria-describedby')!);
    expect(message?.textContent).toContain('Entrez une adresse courriel valide.');
    expect(message?.getAttribute('role')).toBe('alert');
    expect(screen.getByText('Entrez votre mot de passe.')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('asks for the 6-digit code on TOTP_REQUIRED, then sends it with the credentials', async () => {
    fetchMock
      .mockResolvedValueOnce(
        jsonResponse(401, { statusCode: 401, code: 'TOTP_REQUIRED', message: 'Enter the 6-digit code' }),
      )
      .mockResolvedValueOnce(jsonResponse(200, profile));
    await renderSignIn();
    fillCredentials();
    submit();

    const code = await screen.findByLabelText('Code de vérification');
    await waitFor(() => expect(document.activeElement).toBe(code));
    expect(sentBody(fetchMock, 0)).toEqual({
      email: 'investigator@demo.test',
      password: 'demo-password-123',
    });

    fireEvent.input(code, { target: { value: '123456' } });
    submit();

    await screen.findByTestId('desk');
    expect(sentBody(fetchMock, 1)).toEqual({
      email: 'investigator@demo.test',
      password: 'demo-password-123',
      totp: '123456',
    });
  });

  it('shows the API field errors beside their fields', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse(400, {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'Some fields are not valid',
        errors: { password: 'Enter your password' },
      }),
    );
    await renderSignIn();
    fillCredentials();
    submit();

    const password = screen.getByLabelText('Mot de passe');
    await waitFor(() => expect(password.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Entrez votre mot de passe.')).toBeTruthy();
  });

  it('explains wrong credentials in the reader’s language', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse(401, {
        statusCode: 401,
        code: 'INVALID_CREDENTIALS',
        message: 'Wrong e-mail, password or code',
      }),
    );
    await renderSignIn();
    fillCredentials();
    submit();

    expect((await screen.findByRole('alert')).textContent).toContain(
      'Adresse courriel, mot de passe ou code incorrect.',
    );
    expect(screen.queryByTestId('desk')).toBeNull();
  });

  describe('with an organisation account (single sign-on)', () => {
    const ssoButton = () => screen.queryByRole('link', { name: 'Se connecter avec votre organisation' });

    it('offers the organisation sign-in once the e-mail is typed and left, looked up by its domain', async () => {
      fetchMock.mockResolvedValueOnce(
        jsonResponse(200, { sso: true, passwordSignIn: true, startUrl: '/api/auth/sso/demo/start' }),
      );
      await renderSignIn();
      const email = screen.getByLabelText('Adresse courriel');
      fireEvent.input(email, { target: { value: 'Ines@Demo.test' } });
      expect(fetchMock).not.toHaveBeenCalled(); // not at each keystroke
      fireEvent.blur(email);
      const button = await screen.findByRole('link', { name: 'Se connecter avec votre organisation' });
      expect(button.getAttribute('href')).toBe('/api/auth/sso/demo/start');
      // Only the domain is sent: the address itself never leaves for this lookup.
      expect(String(fetchMock.mock.calls[0][0])).toBe('/api/auth/sso/options?email=someone%40demo.test');
      expect(screen.getByLabelText('Mot de passe')).toBeTruthy();
    });

    it('hides the password when the agency (?agency=) signs in only with its organisation account', async () => {
      fetchMock.mockResolvedValueOnce(
        jsonResponse(200, { sso: true, passwordSignIn: false, startUrl: '/api/auth/sso/demo/start' }),
      );
      await renderSignIn('/login?agency=demo');
      await screen.findByRole('link', { name: 'Se connecter avec votre organisation' });
      expect(String(fetchMock.mock.calls[0][0])).toBe('/api/auth/sso/options?agency=demo');
      expect(screen.queryByLabelText('Mot de passe')).toBeNull();
      expect(screen.queryByRole('button', { name: 'Se connecter' })).toBeNull();
      expect(
        screen.getByText(
          'Votre service de police se connecte uniquement avec le compte de son organisation.',
        ),
      ).toBeTruthy();
    });

    it('offers nothing more for an agency without it', async () => {
      fetchMock.mockResolvedValueOnce(
        jsonResponse(200, { sso: false, passwordSignIn: true, startUrl: null }),
      );
      await renderSignIn('/login?agency=second');
      await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
      expect(ssoButton()).toBeNull();
      expect(screen.getByLabelText('Mot de passe')).toBeTruthy();
    });

    it('explains a refused organisation sign-in (?sso_error=)', async () => {
      await renderSignIn('/login?sso_error=NO_MAPPED_GROUP');
      expect((await screen.findByRole('alert')).textContent).toContain(
        'Votre compte d’organisation ne fait partie d’aucun groupe donnant accès à Vigie.',
      );
    });

    it('ignores an sso_error it does not know', async () => {
      await renderSignIn('/login?sso_error=<script>');
      expect(screen.queryByRole('alert')).toBeNull();
    });
  });
});
