import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderPage } from '../../../test-utils';
import { useStaffProfile } from '../../hooks/use-staff-profile';
import '../../i18n/desk-catalogue';
import { DuplicatesPanel } from './duplicates-panel';

const TIP = '0f8f5e2a-1111-4aaa-8bbb-000000000001';
const CLUSTER = '0f8f5e2a-2222-4aaa-8bbb-000000000002';

/** The API as the panel sees it: who is signed in, and the tip's cluster (or none). */
function api(roles: string[], clusterId: string | null) {
  return vi.fn<typeof fetch>(async (input) => {
    const path = String(input);
    if (path === '/api/auth/me') return jsonResponse(200, { id: 'u1', displayName: 'Sam', roles });
    if (path === `/api/tips/${TIP}/duplicates`)
      return jsonResponse(200, { tipId: TIP, clusterId, suggestions: [] });
    if (path === `/api/tips/clusters/${CLUSTER}/evidence-export`)
      return new Response('PK', {
        status: 200,
        headers: { 'content-disposition': 'attachment; filename="evidence-cluster-K7QM-2XH9.zip"' },
      });
    return jsonResponse(404, { statusCode: 404, code: 'NOT_FOUND', message: path });
  });
}

/**
 * Who the page believes is signed in, once it knows: beside the panel, it tells a test that the roles have
 * arrived, and so that a button still missing is missing for want of the role, not of the profile.
 */
function SignedInAs() {
  const name = useStaffProfile().data?.displayName;
  return name ? <p>Signed in as {name}</p> : null;
}

describe('DuplicatesPanel: the cluster a tip is merged into', () => {
  beforeEach(() => {
    URL.createObjectURL = vi.fn(() => 'blob:evidence');
    URL.revokeObjectURL = vi.fn();
  });
  afterEach(() => vi.unstubAllGlobals());

  it('lets an investigator export the whole cluster as evidence, with a reason', async () => {
    const fetchMock = api(['INVESTIGATOR'], CLUSTER);
    vi.stubGlobal('fetch', fetchMock);
    await renderPage(<DuplicatesPanel tipId={TIP} canDecide />, { lang: 'en' });

    fireEvent.click(await screen.findByRole('button', { name: 'Export the merged tips as evidence…' }));
    expect(
      screen.getByRole('heading', { name: 'Export an evidence package of every merged tip' }),
    ).toBeTruthy();
    // Only a supervisor is offered the tipster's contact details.
    expect(screen.queryByRole('checkbox')).toBeNull();
    fireEvent.change(screen.getByRole('textbox', { name: 'Why (kept in the audit log)' }), {
      target: { value: 'Subpoena 2026-40' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Export (audited)' }));

    await waitFor(() => expect(URL.createObjectURL).toHaveBeenCalled());
    const [, init] = fetchMock.mock.calls.find(([input]) => String(input).endsWith('/evidence-export'))!;
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({ reason: 'Subpoena 2026-40' });
  });

  it('says the tip is merged in French, and offers no export to an analyst', async () => {
    vi.stubGlobal('fetch', api(['ANALYST'], CLUSTER));
    await renderPage(
      <>
        <DuplicatesPanel tipId={TIP} canDecide={false} />
        <SignedInAs />
      </>,
    );
    await screen.findByText(/Ce signalement est fusionné avec ses doublons confirmés/);
    await screen.findByText('Aucun doublon probable.');
    // The profile is in: the button is absent for the analyst's role, not because the roles are unknown yet.
    await screen.findByText('Signed in as Sam');
    expect(screen.queryByRole('button', { name: /preuve/ })).toBeNull();
  });

  it('shows nothing about a cluster for a tip that is in none', async () => {
    vi.stubGlobal('fetch', api(['SUPERVISOR'], null));
    await renderPage(<DuplicatesPanel tipId={TIP} canDecide />, { lang: 'en' });
    await screen.findByText('No likely duplicate.');
    expect(screen.queryByText(/merged with its confirmed duplicates/)).toBeNull();
    expect(screen.queryByRole('button', { name: /evidence/ })).toBeNull();
  });
});
