import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { DuplicatesView, SuggestionView, TipDetail } from '@vigie/common';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderPage } from '../../../test-utils';
import { useStaffProfile } from '../../hooks/use-staff-profile';
import '../../i18n/desk-catalogue';
import { DuplicatesPanel } from './duplicates-panel';

const TIP = '0f8f5e2a-1111-4aaa-8bbb-000000000001';
const OTHER = '0f8f5e2a-1111-4aaa-8bbb-000000000003';
const THIRD = '0f8f5e2a-1111-4aaa-8bbb-000000000004';
const CLUSTER = '0f8f5e2a-2222-4aaa-8bbb-000000000002';

/** The open tip, as the tip page passes it (the fields the panel reads). */
const tip = {
  id: TIP,
  code: 'K7QM-2XH9',
  excerpt: 'Grey van behind the market at 3 pm, two men loading copper cable',
  version: 3,
  receivedAt: '2026-12-07T15:00:00.000Z',
} as unknown as TipDetail;

const candidate = {
  id: OTHER,
  code: 'JS2X-DSBR',
  receivedAt: '2026-12-07T15:10:00.000Z',
  language: 'en',
  status: 'NEW',
  priority: 'NORMAL',
  appealId: null,
  place: null,
  excerpt: 'Grey van behind Jean-Talon market around 3 pm, men loading cable',
  clusterId: null,
  version: 1,
  media: [],
};
const suggested: DuplicatesView = {
  tipId: TIP,
  clusterId: null,
  cluster: null,
  suggestions: [
    {
      tip: candidate,
      score: 0.9,
      reasons: [
        { signal: 'CONTACT', phone: true, email: false, sameAppeal: true, days: 0, strength: 0.9, text: '' },
      ],
      updatedAt: '2026-12-07T15:11:00.000Z',
    },
  ],
};
const peer = (id: string, code: string, isPrimary: boolean) => ({
  id,
  code,
  receivedAt: '2026-12-07T14:00:00.000Z',
  excerpt: `${code} words of the tip`,
  version: 2,
  isPrimary,
});
/** The open tip merged into JS2X-DSBR, with a third tip. */
const mergedInto: DuplicatesView = {
  tipId: TIP,
  clusterId: CLUSTER,
  cluster: {
    id: CLUSTER,
    primaryTipId: OTHER,
    size: 3,
    members: [peer(OTHER, 'JS2X-DSBR', true), peer(TIP, 'K7QM-2XH9', false), peer(THIRD, 'P4TR-77QA', false)],
  },
  suggestions: [],
};
/** The open tip is the primary: two tips were merged into it. */
const primaryOf: DuplicatesView = {
  ...mergedInto,
  cluster: {
    id: CLUSTER,
    primaryTipId: TIP,
    size: 3,
    members: [peer(TIP, 'K7QM-2XH9', true), peer(OTHER, 'JS2X-DSBR', false), peer(THIRD, 'P4TR-77QA', false)],
  },
};

type Answer = (init?: RequestInit) => Response;

/** The API as the panel sees it: who is signed in, the tip's duplicates, and answers to decisions. */
function api(roles: string[], views: DuplicatesView[], answers: Record<string, Answer> = {}) {
  let read = 0;
  return vi.fn<typeof fetch>(async (input, init) => {
    const path = String(input);
    if (path === '/api/auth/me') return jsonResponse(200, { id: 'u1', displayName: 'Sam', roles });
    if (path === `/api/tips/${TIP}/duplicates`)
      return jsonResponse(200, views[Math.min(read++, views.length - 1)]);
    if (answers[path]) return answers[path](init);
    if (path === `/api/tips/clusters/${CLUSTER}/evidence-export`)
      return new Response('PK', {
        status: 200,
        headers: { 'content-disposition': 'attachment; filename="evidence-cluster-K7QM-2XH9.zip"' },
      });
    return jsonResponse(404, { statusCode: 404, code: 'NOT_FOUND', message: path });
  });
}

const bodyOf = (fetchMock: ReturnType<typeof api>, path: string) => {
  const call = fetchMock.mock.calls.find(([input]) => String(input) === path);
  return call && JSON.parse(String(call[1]?.body ?? 'null'));
};
const reads = (fetchMock: ReturnType<typeof api>) =>
  fetchMock.mock.calls.filter(([input]) => String(input) === `/api/tips/${TIP}/duplicates`).length;

/**
 * Who the page believes is signed in, once it knows: beside the panel, it tells a test that the roles have
 * arrived, and so that a button still missing is missing for want of the role, not of the profile.
 */
function SignedInAs() {
  const name = useStaffProfile().data?.displayName;
  return name ? <p>Signed in as {name}</p> : null;
}

const DECISIONS = '/api/tips/duplicates/decisions';

describe('DuplicatesPanel: deciding on a likely duplicate', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('merges only after a confirmation naming both tips, sending the versions seen', async () => {
    const merged = { decision: 'MERGE', clusterId: CLUSTER, primaryTipId: TIP, results: [] };
    const fetchMock = api(['INVESTIGATOR'], [suggested, primaryOf], {
      [DECISIONS]: () => jsonResponse(200, merged),
    });
    vi.stubGlobal('fetch', fetchMock);
    await renderPage(<DuplicatesPanel tip={tip} canDecide />, { lang: 'en' });

    fireEvent.click(await screen.findByRole('button', { name: 'Merge with JS2X-DSBR… (m)' }));
    // Nothing is sent before the confirmation, which names both tips: the earlier one is kept as primary.
    expect(bodyOf(fetchMock, DECISIONS)).toBeUndefined();
    const dialog = screen.getByRole('dialog', { name: 'Merge 1 tip into K7QM-2XH9?' });
    expect(dialog.textContent).toContain('Grey van behind the market');
    const listed = within(within(dialog).getByRole('list', { name: 'Tips concerned' })).getByRole('listitem');
    expect(listed.textContent).toMatch(/JS2X-DSBR.*Grey van behind Jean-Talon.*same contact details/);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Merge 1 tip' }));
    await screen.findByText('JS2X-DSBR merged into K7QM-2XH9.');
    expect(bodyOf(fetchMock, DECISIONS)).toEqual({
      decision: 'MERGE',
      target: { id: TIP, version: 3 },
      tips: [{ id: OTHER, version: 1 }],
      mergeClusters: false,
    });
    // The panel shows what is now merged into this tip, each with its unmerge, and the focus is back in it.
    await screen.findByText(/^2 tips are merged into this one\./);
    expect(screen.getByRole('button', { name: 'Unmerge JS2X-DSBR… (u)' })).toBeTruthy();
    await waitFor(() => expect(document.activeElement?.id).toBe('tip-dupes-heading'));
  });

  it('joins the other tip’s merged group when it has one, whatever came first', async () => {
    const inCluster = {
      ...suggested,
      suggestions: [{ ...suggested.suggestions[0], tip: { ...candidate, clusterId: CLUSTER } }],
    };
    const fetchMock = api(['INVESTIGATOR'], [inCluster, mergedInto], {
      [DECISIONS]: () => jsonResponse(200, { decision: 'MERGE', results: [] }),
    });
    vi.stubGlobal('fetch', fetchMock);
    await renderPage(<DuplicatesPanel tip={tip} canDecide />, { lang: 'en' });
    fireEvent.click(await screen.findByRole('button', { name: 'Merge with JS2X-DSBR… (m)' }));
    fireEvent.click(
      within(screen.getByRole('dialog', { name: 'Merge 1 tip into JS2X-DSBR?' })).getByRole('button', {
        name: 'Merge 1 tip',
      }),
    );
    await screen.findByText('K7QM-2XH9 merged into JS2X-DSBR.');
    expect(bodyOf(fetchMock, DECISIONS)).toEqual({
      decision: 'MERGE',
      target: { id: OTHER, version: 1 },
      tips: [{ id: TIP, version: 3 }],
      mergeClusters: false,
    });
  });

  it('marks this one pair as not duplicates, confirmed, in French', async () => {
    const fetchMock = api(['INVESTIGATOR'], [suggested, { ...suggested, suggestions: [] }], {
      [DECISIONS]: () => jsonResponse(200, { decision: 'NOT_DUPLICATE', results: [] }),
    });
    vi.stubGlobal('fetch', fetchMock);
    await renderPage(<DuplicatesPanel tip={tip} canDecide />);

    const separate = await screen.findByRole('button', { name: 'JS2X-DSBR n’est pas un doublon… (d)' });
    // The key named for assistive technologies too: on a phone the "(d)" is not shown.
    expect(separate.getAttribute('aria-keyshortcuts')).toBe('d');
    fireEvent.click(separate);
    const dialog = screen.getByRole('dialog', {
      name: /^Indiquer que JS2X-DSBR n’est pas un doublon de K7QM-2XH9\s\?$/,
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ce n’est pas un doublon' }));
    await screen.findByText('JS2X-DSBR ne sera plus proposé comme doublon de K7QM-2XH9.');
    expect(bodyOf(fetchMock, DECISIONS)).toEqual({
      decision: 'NOT_DUPLICATE',
      target: { id: TIP, version: 3 },
      tips: [{ id: OTHER, version: 1 }],
    });
    await screen.findByText('Aucun doublon probable.');
  });

  it('says a tip changed meanwhile (409), decides nothing, and shows the tips as they are now', async () => {
    const fetchMock = api(['INVESTIGATOR'], [suggested], {
      [DECISIONS]: () =>
        jsonResponse(409, {
          statusCode: 409,
          code: 'STALE_TIPS',
          message: 'Some tips changed since they were seen',
          stale: [{ id: OTHER, code: 'JS2X-DSBR', version: 2 }],
        }),
    });
    vi.stubGlobal('fetch', fetchMock);
    await renderPage(<DuplicatesPanel tip={tip} canDecide />, { lang: 'en' });
    fireEvent.click(await screen.findByRole('button', { name: 'Merge with JS2X-DSBR… (m)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Merge 1 tip' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('JS2X-DSBR changed meanwhile: nothing was decided.');
    expect(alert.textContent).toContain('The panel now shows the tips as they are');
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(reads(fetchMock)).toBeGreaterThan(1));
    expect(screen.queryByText(/merged into/)).toBeNull();
  });

  it('keeps the confirmation open with the reason when the request is refused (403)', async () => {
    const fetchMock = api(['INVESTIGATOR'], [suggested], {
      [DECISIONS]: () =>
        jsonResponse(403, { statusCode: 403, code: 'FORBIDDEN', message: 'Not allowed for your role' }),
    });
    vi.stubGlobal('fetch', fetchMock);
    await renderPage(<DuplicatesPanel tip={tip} canDecide />, { lang: 'en' });
    // Focused, then clicked, as in a browser.
    const asking = await screen.findByRole('button', { name: 'JS2X-DSBR is not a duplicate… (d)' });
    asking.focus();
    fireEvent.click(asking);
    const dialog = screen.getByRole('dialog', { name: 'Mark JS2X-DSBR as not a duplicate of K7QM-2XH9?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Not a duplicate' }));

    expect((await within(dialog).findByRole('alert')).textContent).not.toBe('');
    expect(screen.getByRole('dialog')).toBe(dialog);
    expect(screen.getByRole('status').textContent).toBe('');
    // Cancelling gives the focus back to the button that asked.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(document.activeElement).toBe(asking));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('answers m, d and u on a tip of the panel, and leaves them to the inbox elsewhere', async () => {
    const inbox = vi.fn();
    window.addEventListener('keydown', inbox);
    vi.stubGlobal('fetch', api(['INVESTIGATOR'], [suggested]));
    await renderPage(<DuplicatesPanel tip={tip} canDecide />, { lang: 'en' });

    const link = await screen.findByRole('link', { name: 'JS2X-DSBR' });
    link.focus();
    fireEvent.keyDown(link, { key: 'd' });
    screen.getByRole('dialog', { name: 'Mark JS2X-DSBR as not a duplicate of K7QM-2XH9?' });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(document.activeElement).toBe(link));
    fireEvent.keyDown(link, { key: 'm' });
    screen.getByRole('dialog', { name: 'Merge 1 tip into K7QM-2XH9?' });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(inbox).not.toHaveBeenCalled();

    // On the panel's heading, m is the inbox's (its group), not this panel's.
    const heading = screen.getByRole('heading', { name: 'Likely duplicates' });
    fireEvent.keyDown(heading, { key: 'm' });
    expect(inbox).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).toBeNull();
    window.removeEventListener('keydown', inbox);
  });

  it('offers no decision to an analyst', async () => {
    vi.stubGlobal('fetch', api(['ANALYST'], [suggested]));
    await renderPage(
      <>
        <DuplicatesPanel tip={tip} canDecide={false} />
        <SignedInAs />
      </>,
      { lang: 'en' },
    );
    await screen.findByRole('link', { name: 'JS2X-DSBR' });
    await screen.findByText('Signed in as Sam');
    expect(screen.queryByRole('button', { name: /Merge|duplicate/ })).toBeNull();
  });
});

describe('DuplicatesPanel: the cluster a tip is merged into', () => {
  beforeEach(() => {
    URL.createObjectURL = vi.fn(() => 'blob:evidence');
    URL.revokeObjectURL = vi.fn();
  });
  afterEach(() => vi.unstubAllGlobals());

  it('says what the tip was merged into, and unmerges it after a confirmation', async () => {
    const unmerge = `/api/tips/${TIP}/unmerge`;
    const fetchMock = api(['INVESTIGATOR'], [mergedInto, suggested], {
      [unmerge]: () =>
        jsonResponse(200, {
          tipId: TIP,
          clusterId: CLUSTER,
          remaining: { primaryTipId: OTHER, memberIds: [] },
        }),
    });
    vi.stubGlobal('fetch', fetchMock);
    await renderPage(<DuplicatesPanel tip={tip} canDecide />, { lang: 'en' });

    const line = await screen.findByText(/Merged into/);
    expect(line.textContent).toBe('Merged into JS2X-DSBR Each tip is kept as received.');
    expect(within(line).getByRole('link', { name: 'JS2X-DSBR' }).getAttribute('href')).toBe(
      `/desk/tips/${OTHER}`,
    );
    const merged = screen.getByRole('list', { name: 'Merged tips' });
    expect(
      within(merged)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([expect.stringMatching(/^JS2X-DSBR \(primary\)/), expect.stringMatching(/^P4TR-77QA/)]);

    fireEvent.click(screen.getByRole('button', { name: 'Unmerge K7QM-2XH9… (u)' }));
    expect(fetchMock.mock.calls.some(([input]) => String(input) === unmerge)).toBe(false);
    const dialog = screen.getByRole('dialog', { name: 'Unmerge K7QM-2XH9?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Unmerge K7QM-2XH9' }));
    await screen.findByText('K7QM-2XH9 is no longer merged.');
    const [, init] = fetchMock.mock.calls.find(([input]) => String(input) === unmerge)!;
    expect(init?.method).toBe('POST');
    // Unmerged, it is a likely duplicate again.
    await screen.findByRole('button', { name: 'Merge with JS2X-DSBR… (m)' });
  });

  it('on the primary, lists the tips merged into it; u on one of them asks to unmerge it', async () => {
    vi.stubGlobal('fetch', api(['INVESTIGATOR'], [primaryOf]));
    await renderPage(<DuplicatesPanel tip={tip} canDecide />);
    await screen.findByText(/^2 signalements sont fusionnés avec celui-ci\./);
    // The primary itself offers no unmerge of its own: each tip merged into it does.
    expect(screen.queryByRole('button', { name: 'Annuler la fusion de K7QM-2XH9… (u)' })).toBeNull();
    const link = screen.getByRole('link', { name: 'P4TR-77QA' });
    fireEvent.keyDown(link, { key: 'u' });
    screen.getByRole('dialog', { name: /^Annuler la fusion de P4TR-77QA\s\?$/ });
  });

  it('lets an investigator export the whole cluster as evidence, with a reason', async () => {
    const fetchMock = api(['INVESTIGATOR'], [mergedInto]);
    vi.stubGlobal('fetch', fetchMock);
    await renderPage(<DuplicatesPanel tip={tip} canDecide />, { lang: 'en' });

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

  it('says the tip is merged in French, and offers no export nor unmerge to an analyst', async () => {
    vi.stubGlobal('fetch', api(['ANALYST'], [mergedInto]));
    await renderPage(
      <>
        <DuplicatesPanel tip={tip} canDecide={false} />
        <SignedInAs />
      </>,
    );
    await screen.findByText(/Fusionné avec/);
    await screen.findByText('Aucun doublon probable.');
    // The profile is in: the buttons are absent for the analyst's role, not because the roles are unknown yet.
    await screen.findByText('Signed in as Sam');
    expect(screen.queryByRole('button', { name: /preuve|fusion/ })).toBeNull();
  });

  it('shows nothing about a cluster for a tip that is in none', async () => {
    vi.stubGlobal('fetch', api(['SUPERVISOR'], [{ ...suggested, suggestions: [] }]));
    await renderPage(<DuplicatesPanel tip={tip} canDecide />, { lang: 'en' });
    await screen.findByText('No likely duplicate.');
    expect(screen.queryByText(/Merged into|merged into this one/)).toBeNull();
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
      version: 1,
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
        signal: 'PLACE_TIME',
        metres: 210,
        minutes: 12,
        sameAppeal: true,
        reachM: 60,
        placedBy: ['rue Rachel / avenue Papineau'],
        strength: 0.66,
        text: '210 m and 12 min apart (placed by the gazetteer: rue Rachel / avenue Papineau)',
      },
      {
        signal: 'PLACE_TIME',
        placeSimilarity: 0.5,
        minutes: 10,
        sameAppeal: true,
        placeWeakened: ['street rue st jean / boulevard st jean'],
        strength: 0.2,
        text: 'place named alike (0.50; not the same kind of street: rue st jean / boulevard st jean), 10 min apart',
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
  } as unknown as SuggestionView;

  it('names the parts of places that agreed or differed, and a plate seen at two moments, in French', async () => {
    vi.stubGlobal('fetch', api(['INVESTIGATOR'], [{ ...suggested, suggestions: [suggestion] }]));
    await renderPage(<DuplicatesPanel tip={tip} canDecide />);
    await screen.findByText(
      'Même lieu nommé (semblable à 100 %; en commun : municipalité saint-hyacinthe, autoroute 20, sortie 130), 5 min d’écart',
    );
    screen.getByText('Texte semblable à 41 %, à propos d’un autre lieu (rue principale / st georges)');
    screen.getByText('Les deux mentionnent plaque CKRT518, mais à des moments différents');
    screen.getByText(
      'Une voie du même nom, mais pas du même type (rue st jean / boulevard st jean), 10 min d’écart',
    );
    screen.getByText(
      'À 210 m et 12 min d’écart (un lieu saisi, situé avec le répertoire des lieux : rue Rachel / avenue Papineau)',
    );
    expect(screen.queryByText(/same municipality|about another/)).toBeNull();
  });

  it('and in English', async () => {
    vi.stubGlobal('fetch', api(['INVESTIGATOR'], [{ ...suggested, suggestions: [suggestion] }]));
    await renderPage(<DuplicatesPanel tip={tip} canDecide />, { lang: 'en' });
    await screen.findByText(
      'Same place named (100 % similar; in common: municipality saint-hyacinthe, highway 20, exit 130), 5 min apart',
    );
    screen.getByText('Text 41 % similar, about another place (street principale / st georges)');
    screen.getByText('Both mention plate CKRT518, but at different moments');
    screen.getByText(
      'A street of the same name, but not the same kind (street st jean / boulevard st jean), 10 min apart',
    );
    expect(screen.queryByText(/Same place named \(50/)).toBeNull();
    screen.getByText(
      '210 m and 12 min apart (a typed place, placed with the gazetteer: rue Rachel / avenue Papineau)',
    );
  });
});
