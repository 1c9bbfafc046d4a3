import { StaffRole, type StaffInvitationResult } from '@vigie/common';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderPage } from '../../../test-utils';
import '../../i18n/desk-catalogue';
import { InviteForm } from './invite-form';

const invitation = (emailed: boolean): StaffInvitationResult => ({
  emailed,
  activationUrl: emailed ? null : 'http://127.0.0.1:3000/desk/activate/abc',
  expiresAt: '2026-12-08T14:30:00Z',
  member: {
    id: 'u-new',
    email: 'pat@demo.test',
    displayName: 'Pat Patrouille',
    roles: [StaffRole.INVESTIGATOR, StaffRole.ANALYST],
    status: 'INVITED',
    lastSignInAt: null,
    totpEnabled: false,
    createdAt: '2026-12-07T14:30:00Z',
  },
});

function fill() {
  fireEvent.input(screen.getByLabelText('Email address'), { target: { value: ' Pat@Demo.test ' } });
  fireEvent.input(screen.getByLabelText('Full name'), { target: { value: 'Pat Patrouille' } });
  fireEvent.click(screen.getByRole('checkbox', { name: /^Investigator/ }));
  fireEvent.click(screen.getByRole('checkbox', { name: /^Analyst/ }));
}

const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Send the invitation' }));

describe('InviteForm', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => vi.stubGlobal('fetch', fetchMock));
  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
  });

  it('checks with the shared InviteStaffDto before sending: e-mail, name, at least one role', async () => {
    await renderPage(<InviteForm />, { lang: 'en' });
    submit();
    expect(await screen.findByText('Enter a valid email address.')).toBeTruthy();
    expect(screen.getByText('Enter the person’s name.')).toBeTruthy();
    expect(screen.getByText('Choose at least one role.')).toBeTruthy();
    expect(screen.getByLabelText('Email address').getAttribute('aria-invalid')).toBe('true');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('sends the DTO’s values and shows the one-time link once when no e-mail carried it', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(201, invitation(false)));
    await renderPage(<InviteForm />, { lang: 'en' });
    fill();
    submit();

    const link = await screen.findByLabelText('One-time link');
    expect((link as HTMLInputElement).value).toBe('http://127.0.0.1:3000/desk/activate/abc');
    expect(screen.getByText('Pat Patrouille has been invited.')).toBeTruthy();
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/admin/staff');
    expect(JSON.parse(String(init?.body))).toEqual({
      email: 'pat@demo.test',
      name: 'Pat Patrouille',
      roles: ['INVESTIGATOR', 'ANALYST'],
    });
    // The form is empty again, ready for the next person.
    expect((screen.getByLabelText('Email address') as HTMLInputElement).value).toBe('');
  });

  it('says the invitation was e-mailed, without a link', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(201, invitation(true)));
    await renderPage(<InviteForm />, { lang: 'fr' });
    fireEvent.input(screen.getByLabelText('Adresse courriel'), { target: { value: 'pat@demo.test' } });
    fireEvent.input(screen.getByLabelText('Nom complet'), { target: { value: 'Pat Patrouille' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /^Enquête/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer l’invitation' }));
    expect(await screen.findByText('L’invitation a été envoyée par courriel à pat@demo.test.')).toBeTruthy();
    expect(screen.queryByLabelText('Lien à usage unique')).toBeNull();
  });

  it('puts a taken e-mail address on its field', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse(409, { statusCode: 409, code: 'EMAIL_TAKEN', message: 'Someone already has an account' }),
    );
    await renderPage(<InviteForm />, { lang: 'en' });
    fill();
    submit();
    const email = screen.getByLabelText('Email address');
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Someone already has an account with this email address.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(email));
  });
});
