import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { TipDetail } from '@vigie/common';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderPage } from '../../../test-utils';
import { useStaffProfile } from '../../hooks/use-staff-profile';
import '../../i18n/desk-catalogue';
import { ForwardSection, ReceivedForwardCard } from './forward-section';

const TIP = '0f8f5e2a-1111-4aaa-8bbb-000000000001';
const SECOND = '0f8f5e2a-3333-4aaa-8bbb-000000000003';

const tip = (over: Partial<TipDetail> = {}): TipDetail => ({
  id: TIP,
  code: 'K7QM-2XH9',
  status: 'NEW' as TipDetail['status'],
  priority: 'NORMAL' as TipDetail['priority'],
  channel: 'WEB' as TipDetail['channel'],
  receivedAt: '2026-11-20T20:30:00.000Z',
  excerpt: 'Une camionnette blanche',
  tags: [],
  mediaCount: 2,
  hasLocation: false,
  duplicateCount: 0,
  newFromTipster: false,
  version: 1,
  description: 'Une camionnette blanche',
  language: 'fr',
  hasContact: true,
  media: [
    { id: 'm1', state: 'READY' },
    { id: 'm2', state: 'PENDING' },
  ] as TipDetail['media'],
  notes: [],
  messages: [],
  history: [],
  cases: [],
  informationCopy: false,
  sentForwards: [],
  ...over,
});

function api(roles: string[]) {
  return vi.fn<typeof fetch>(async (input, init) => {
    const path = String(input);
    if (path === '/api/auth/me') return jsonResponse(200, { id: 'u1', displayName: 'Sam', roles });
    if (path === '/api/forwards/agencies')
      return jsonResponse(200, [{ id: SECOND, name: 'Second Police Service' }]);
    if (path === `/api/tips/${TIP}/forward` && init?.method === 'POST')
      return jsonResponse(201, {
        id: 'f1',
        mode: 'COPY',
        tipId: TIP,
        to: { id: SECOND, name: 'Second Police Service' },
        note: 'Pour vous',
        forwardedAt: '2026-11-20T21:00:00.000Z',
        revocable: true,
        snapshot: {},
        notes: [],
      });
    return jsonResponse(404, { statusCode: 404, code: 'NOT_FOUND', message: path });
  });
}

/** Beside the section, says when the profile has arrived, so a missing button is missing for want of the role. */
function SignedInAs() {
  const name = useStaffProfile().data?.displayName;
  return name ? <p>Signed in as {name}</p> : null;
}

describe('ForwardSection', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lets a supervisor send a copy after a confirmation that says what leaves and what does not', async () => {
    const fetchMock = api(['SUPERVISOR']);
    vi.stubGlobal('fetch', fetchMock);
    await renderPage(<ForwardSection tip={tip()} />, { lang: 'en' });

    fireEvent.click(await screen.findByRole('button', { name: 'Forward to another agency…' }));
    const dialog = screen.getByRole('dialog');
    const agency = within(dialog).getByRole('combobox', { name: 'Agency' });
    await waitFor(() =>
      expect(within(agency).getByRole('option', { name: 'Second Police Service' })).toBeTruthy(),
    );
    // Nothing chosen, nothing written: the form says so beside each field.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Review the copy…' }));
    expect(await within(dialog).findByText('Choose an agency from the list.')).toBeTruthy();
    expect(within(dialog).getByText('Say why you are sending it.')).toBeTruthy();

    fireEvent.change(agency, { target: { value: SECOND } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Note for the other agency' }), {
      target: { value: 'Pour vous' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Review the copy…' }));
    expect(
      await within(dialog).findByRole('heading', { name: 'Send a copy to Second Police Service?' }),
    ).toBeTruthy();
    expect(within(dialog).getByText(/1 cleaned photo or video/)).toBeTruthy();
    expect(within(dialog).getByText('1 file still being processed will not be sent')).toBeTruthy();
    expect(within(dialog).getByText(/Nothing about the tipster is sent/)).toBeTruthy();
    expect(fetchMock.mock.calls.some(([input]) => String(input).endsWith('/forward'))).toBe(false);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Send the copy' }));
    expect(await screen.findByText('Copy sent to Second Police Service.')).toBeTruthy();
    const [, init] = fetchMock.mock.calls.find(([input]) => String(input).endsWith('/forward'))!;
    expect(JSON.parse(String(init!.body))).toEqual({ agency: SECOND, mode: 'COPY', note: 'Pour vous' });
  });

  it('offers no transfer for a tip linked to a case, and says why', async () => {
    vi.stubGlobal('fetch', api(['SUPERVISOR']));
    await renderPage(
      <ForwardSection tip={tip({ cases: [{ id: 'c1', number: '2026-0001', title: 'Vols' }] })} />,
      {
        lang: 'fr',
      },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Transmettre à un autre service…' }));
    const transfer = screen.getByRole('radio', { name: /Transfert/ });
    expect((transfer as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText(/le signalement est lié à l’un de vos dossiers/)).toBeTruthy();
  });

  it('shows the receiving agency who sent the tip and their note, and no forward action to an investigator', async () => {
    vi.stubGlobal('fetch', api(['INVESTIGATOR']));
    const received = (
      <ReceivedForwardCard
        tip={tip({
          informationCopy: true,
          receivedForward: {
            id: 'f1',
            mode: 'COPY' as never,
            from: { id: 'a1', name: 'Demo Police Service' },
            note: 'Votre secteur',
            forwardedAt: '2026-11-20T21:00:00.000Z',
          },
        })}
      />
    );
    await renderPage(
      <>
        {received}
        <SignedInAs />
        <ForwardSection tip={tip()} />
      </>,
      { lang: 'en' },
    );
    expect(
      await screen.findByRole('heading', { name: 'Information copy from Demo Police Service' }),
    ).toBeTruthy();
    expect(screen.getByText('Votre secteur')).toBeTruthy();
    expect(screen.getByText(/cannot write to the tipster from here/)).toBeTruthy();
    // Once the profile is known: an investigator is offered no forward (and no empty section).
    await screen.findByText('Signed in as Sam');
    expect(screen.queryByRole('heading', { name: 'Other agencies' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Forward to another agency…' })).toBeNull();
  });
});
