import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderPage } from '../../../test-utils';
import { useStaffProfile } from '../../hooks/use-staff-profile';
import '../../i18n/desk-catalogue';
import { DuplicatesPanel } from './duplicates-panel';

const TIP = '0f8f5e2a-1111-4aaa-8bbb-000000000001';
const CLUSTER = '0f8f5e2a-2222-4aaa-8bbb-000000000002';

/** The API as the panel sees it: who is signed in, the tip's cluster (or none), and its suggestions. */
function api(roles: string[], clusterId: string | null, suggestions: unknown[] = []) {
  return vi.fn<typeof fetch>(async (input) => {
    const path = String(input);
    if (path === '/api/auth/me') return jsonResponse(200, { id: 'u1', displayName: 'Sam', roles });
    if (path === `/api/tips/${TIP}/duplicates`)
      return jsonResponse(200, { tipId: TIP, clusterId, suggestions });
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

describe('DuplicatesPanel: why two tips look alike, in the desk’s language', () => {
  afterEach(() => vi.unstubAllGlobals());

  /** One suggestion with the reasons the API gives (its English `text` is never shown). */
  const suggestion = {
    tip: {
      id: '0f8f5e2a-1111-4aaa-8bbb-000000000009',
      code: 'H4PW-7TRD',
      receivedAt: '2026-12-02T19:25:00.000Z',
      language: 'en',
      status: 'NEW',
      priority: 'NORMAL',
      appealId: null,
      place: 'Hwy 20 exit 130',
      excerpt: 'teen girl in a red coat at the pumps',
      clusterId: null,
      media: [],
    },
    score: 0.86,
    updatedAt: '2026-12-02T19:30:00.000Z',
    reasons: [
      {
        signal: 'PLACE_TIME',
        placeSimilarity: 1,
        minutes: 5,
        sameAppeal: true,
        placeMatched: ['municipality saint-hyacinthe', 'highway 20', 'exit 130'],
        strength: 0.7,
        text: 'place named alike (1.00; same municipality saint-hyacinthe, highway 20, exit 130), 5 min apart',
      },
      {
        signal: 'TEXT',
        similarity: 0.41,
        elsewhere: true,
        placeDiffered: ['street principale / st georges'],
        strength: 0.03,
        text: 'text 0.41 similar, about another place (street principale / st georges)',
      },
      {
        signal: 'OBSERVABLE',
        shared: [{ kind: 'PLATE', value: 'CKRT518', mentions: 3 }],
        sameAppeal: true,
        days: 2,
        elsewhere: true,
        strength: 0.2,
        text: 'both mention plate CKRT518, about another moment',
      },
    ],
  };

  it('names the parts of places that agreed or differed, and a plate seen at two moments, in French', async () => {
    vi.stubGlobal('fetch', api(['INVESTIGATOR'], null, [suggestion]));
    await renderPage(<DuplicatesPanel tipId={TIP} canDecide />);
    await screen.findByText(
      'Même lieu nommé (semblable à 100 %; en commun : municipalité saint-hyacinthe, autoroute 20, sortie 130), 5 min d’écart',
    );
    screen.getByText('Texte semblable à 41 %, à propos d’un autre lieu (rue principale / st georges)');
    screen.getByText('Les deux mentionnent plaque CKRT518, mais à des moments différents');
    expect(screen.queryByText(/same municipality|about another/)).toBeNull();
  });

  it('and in English', async () => {
    vi.stubGlobal('fetch', api(['INVESTIGATOR'], null, [suggestion]));
    await renderPage(<DuplicatesPanel tipId={TIP} canDecide />, { lang: 'en' });
    await screen.findByText(
      'Same place named (100 % similar; in common: municipality saint-hyacinthe, highway 20, exit 130), 5 min apart',
    );
    screen.getByText('Text 41 % similar, about another place (street principale / st georges)');
    screen.getByText('Both mention plate CKRT518, but at different moments');
  });
});
