import type { ActivationView } from '@vigie/common';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderPage } from '../../../test-utils';
import { ActivationPage } from './activation-page';

const view = (over: Partial<ActivationView> = {}): ActivationView => ({
  purpose: 'INVITE',
  email: 'pat@demo.test',
  displayName: 'Pat Patrouille',
  agencyName: 'Service de police de Gatineau',
  totpRequired: false,
  expiresAt: '2026-12-08T14:30:00Z',
  ...over,
});

function renderActivation(lang = 'en') {
  return renderPage(
    <Routes>
      <Route path="/desk/activate/:token" element={<ActivationPage />} />
    </Routes>,
    { path: '/desk/activate/tok-1', lang },
  );
}

const typePasswords = (password: string, confirm = password) => {
  fireEvent.input(screen.getByLabelText('New password'), { target: { value: password } });
  fireEvent.input(screen.getByLabelText('Type the password again'), { target: { value: confirm } });
};
const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Activate my account' }));
const posted = (fetchMock: ReturnType<typeof vi.fn<typeof fetch>>) =>
  fetchMock.mock.calls
    .filter(([, init]) => init?.method === 'POST')
    .map(([url, init]) => ({
      url: String(url),
      body: init?.body ? (JSON.parse(String(init.body)) as unknown) : null,
    }));

describe('ActivationPage', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => vi.stubGlobal('fetch', fetchMock));
  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
  });

  it('says whom the link is for, checks the password locally, and sends it with no staff cookie', async () => {
    fetchMock
      .mockResolvedValueOnce(jsonResponse(200, view()))
      .mockResolvedValueOnce(new Response(null, { status: 204 }));
    await renderActivation();

    expect(
      await screen.findByText(
        /Pat Patrouille, you have been invited to the staff desk of Service de police de Gatineau/,
      ),
    ).toBeTruthy();
    // The account's e-mail is in a username field, for the password manager to save the new password against.
    const username = screen.getByLabelText('Your email address') as HTMLInputElement;
    expect(username.value).toBe('pat@demo.test');
    expect(username.getAttribute('autocomplete')).toBe('username');
    expect(screen.getByLabelText('New password').getAttribute('autocomplete')).toBe('new-password');

    typePasswords('short');
    submit();
    expect(await screen.findByText('Use at least 12 characters.')).toBeTruthy();
    typePasswords('correct horse battery staple', 'correct horse battery stapel');
    submit();
    expect(await screen.findByText('The two passwords are not the same.')).toBeTruthy();
    expect(posted(fetchMock)).toEqual([]);

    typePasswords('correct horse battery staple');
    submit();
    expect(await screen.findByRole('heading', { name: 'Your account is ready' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to sign-in' }).getAttribute('href')).toBe('/login');
    expect(posted(fetchMock)).toEqual([
      { url: '/api/auth/activation/tok-1', body: { password: 'correct horse battery staple' } },
    ]);
    expect(fetchMock.mock.calls.every(([, init]) => init?.credentials === 'omit')).toBe(true);
  });

  it('says why the API refused a password: too common, a pattern, personal', async () => {
    const refuse = (reason: string) =>
      jsonResponse(400, {
        statusCode: 400,
        code: 'WEAK_PASSWORD',
        message: 'Choose another password',
        errors: { password: reason },
      });
    fetchMock
      .mockResolvedValueOnce(jsonResponse(200, view()))
      .mockResolvedValueOnce(
        refuse('This password is among those most often guessed or leaked: choose another'),
      )
      .mockResolvedValueOnce(refuse('A repeated or sequential pattern is easy to guess: choose another'))
      .mockResolvedValueOnce(refuse('Do not use your name, e-mail or the service’s name as your password'));
    await renderActivation();
    await screen.findByLabelText('New password');

    typePasswords('password1234');
    submit();
    expect(await screen.findByText(/This password is too common/)).toBeTruthy();
    const password = screen.getByLabelText('New password');
    expect(password.getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(password));

    typePasswords('123456789012');
    submit();
    expect(await screen.findByText(/A repeated or sequential pattern/)).toBeTruthy();
    typePasswords('patpatrouille');
    submit();
    expect(await screen.findByText(/Do not use your name/)).toBeTruthy();
  });

  it('enrols TOTP: the key as a QR code and as text, then the 6-digit code with the password', async () => {
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DP';
    fetchMock.mockImplementation(async (input, init) => {
      const url = String(input);
      if (url === '/api/auth/activation/tok-1' && init?.method === 'GET')
        return jsonResponse(200, view({ totpRequired: true }));
      if (url === '/api/auth/activation/tok-1/totp')
        return jsonResponse(201, {
          secret,
          otpauthUri: `otpauth://totp/Vigie:pat%40demo.test?secret=${secret}&issuer=Vigie`,
        });
      if (url === '/api/auth/activation/tok-1' && init?.method === 'POST') {
        const body = JSON.parse(String(init.body)) as { totpCode: string };
        return body.totpCode === '123456'
          ? new Response(null, { status: 204 })
          : jsonResponse(400, { statusCode: 400, code: 'TOTP_INVALID', message: 'That code is not valid' });
      }
      throw new Error(url);
    });
    await renderActivation();

    const qr = await screen.findByRole('img', { name: 'QR code to scan with your authenticator app' });
    expect(qr.querySelector('path')?.getAttribute('d')).toMatch(/^M\d/);
    expect(screen.getByText('Key to enter by hand')).toBeTruthy();
    expect(screen.getByText('JBSW Y3DP EHPK 3PXP JBSW Y3DP').tagName).toBe('CODE');
    const code = screen.getByLabelText('6-digit code');
    expect(code.getAttribute('autocomplete')).toBe('one-time-code');

    typePasswords('correct horse battery staple');
    submit();
    expect(await screen.findByText('The code has 6 digits.')).toBeTruthy();

    fireEvent.input(code, { target: { value: '654321' } });
    submit();
    expect(await screen.findByText(/This code is not valid/)).toBeTruthy();

    fireEvent.input(code, { target: { value: '123456' } });
    submit();
    expect(await screen.findByRole('heading', { name: 'Your account is ready' })).toBeTruthy();
    expect(posted(fetchMock).at(-1)).toEqual({
      url: '/api/auth/activation/tok-1',
      body: { password: 'correct horse battery staple', totpCode: '123456' },
    });
  });

  it.each([
    [404, 'LINK_UNKNOWN'],
    [410, 'LINK_SPENT'],
  ])('shows a clear page for a link the API answers %i', async (status, code) => {
    fetchMock.mockResolvedValueOnce(jsonResponse(status, { statusCode: status, code, message: 'dead' }));
    await renderActivation('fr');
    expect(await screen.findByRole('heading', { name: 'Ce lien n’est plus utilisable' })).toBeTruthy();
    expect(screen.getByText(/Ce lien a déjà été utilisé ou a expiré\s: demandez-en un nouveau/)).toBeTruthy();
    expect(screen.queryByLabelText('Nouveau mot de passe')).toBeNull();
  });

  it('shows the same page when the link is spent between opening and sending', async () => {
    fetchMock
      .mockResolvedValueOnce(jsonResponse(200, view({ purpose: 'PASSWORD_RESET' })))
      .mockResolvedValueOnce(jsonResponse(410, { statusCode: 410, code: 'LINK_SPENT', message: 'spent' }));
    await renderActivation();
    expect(await screen.findByRole('heading', { name: 'Choose a new password' })).toBeTruthy();
    typePasswords('correct horse battery staple');
    submit();
    await waitFor(() =>
      expect(screen.getByRole('heading', { name: 'This link can no longer be used' })).toBeTruthy(),
    );
  });
});
