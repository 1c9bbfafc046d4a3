import {
  AppealKind,
  AppealStatus,
  AppealUpdateKind,
  StaffRole,
  type SocialAttentionPost,
} from '@vigie/common';
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderPage, staffProfile } from '../../../test-utils';
import '../../i18n/desk-catalogue';
import { useStaffProfile } from '../../hooks/use-staff-profile';
import { SocialAttentionPage } from './social-attention-page';

/** Says when the signed-in profile, which the page's actions depend on, has arrived. */
function SignedIn() {
  const me = useStaffProfile();
  return me.data ? <p>{`signed in as ${me.data.roles.join()}`}</p> : null;
}

const appeal = {
  id: 'appeal-1',
  kind: AppealKind.MISSING_PERSON,
  status: AppealStatus.PUBLISHED,
  title: { fr: 'Disparue : Léa Roy, 14 ans', en: 'Missing: Léa Roy, 14' },
};

const post = (over: Partial<SocialAttentionPost>): SocialAttentionPost => ({
  id: 'p-1',
  appealId: 'appeal-1',
  network: 'BLUESKY',
  handle: 'police.demo.test',
  accountConnected: true,
  publication: 'APPROVED',
  language: 'en',
  text: 'Missing: Léa Roy, 14\n\nLast seen in Hull.\n\nhttps://vigie.example/appeals/lea?lang=en\n#MissingPerson',
  state: 'FAILED',
  attempts: 5,
  lastError: '401: {"error":"ExpiredToken","message":"Token has expired"}',
  failure: { reason: 'ACCESS_REFUSED', status: 401 },
  url: null,
  sentAt: null,
  takenDownAt: null,
  takedownRequestedAt: null,
  nextTryAt: null,
  appeal,
  update: null,
  ...over,
});

const posts: SocialAttentionPost[] = [
  post({}),
  post({
    id: 'p-2',
    network: 'X',
    handle: '@DemoPolice',
    lastError: 'The title, link and hashtag alone need 301 characters; this network takes 280',
    failure: { reason: 'TOO_LONG', status: null },
    attempts: 0,
  }),
  post({
    id: 'p-3',
    network: 'MASTODON',
    handle: '@demo@vigie.example',
    accountConnected: false,
    publication: 'UPDATE:u-1',
    update: { kind: AppealUpdateKind.RUMOUR_CORRECTION, publishedAt: '2026-12-05T15:00:00Z' },
    language: 'fr',
    state: 'SENT',
    attempts: 1,
    lastError: null,
    failure: null,
    url: 'https://vigie.example/ap/notes/n-3',
  }),
  post({
    id: 'p-4',
    network: 'MASTODON',
    handle: '@demo@vigie.example',
    accountConnected: false,
    publication: 'RESOLVED',
    state: 'TAKEDOWN_FAILED',
    attempts: 1,
    lastError:
      'The account was disconnected: delete this post on the network by hand, or reconnect the account and retry',
    failure: { reason: 'ACCOUNT_DISCONNECTED', status: null },
    url: 'https://vigie.example/ap/notes/n-4',
  }),
];

type FetchMock = ReturnType<typeof vi.fn<typeof fetch>>;

function api(
  fetchMock: FetchMock,
  roles: StaffRole[],
  list: () => SocialAttentionPost[],
  retry?: () => Response,
) {
  fetchMock.mockImplementation(async (input, init) => {
    const url = String(input);
    if (url === '/api/auth/me') return jsonResponse(200, staffProfile({ roles }));
    if (url === '/api/reach/social/posts/attention') return jsonResponse(200, list());
    if (url === '/api/reach/social/posts/p-1/retry' && init?.method === 'POST' && retry) return retry();
    throw new Error(`unexpected ${init?.method ?? 'GET'} ${url}`);
  });
}

describe('SocialAttentionPage', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => vi.stubGlobal('fetch', fetchMock));
  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
  });

  it('lists what needs the PIO by account, saying why in words, with the appeal and the actions allowed', async () => {
    api(fetchMock, [StaffRole.PIO], () => posts);
    await renderPage(<SocialAttentionPage />, { lang: 'en' });

    expect(await screen.findByText('4 posts need you.')).toBeTruthy();
    const bluesky = screen.getByRole('region', { name: 'Bluesky police.demo.test' });
    const failed = within(bluesky).getByRole('listitem');
    expect(failed.textContent).toContain(
      'Bluesky refused the account’s password or token (error 401). An administrator must connect the account again; then try again.',
    );
    expect(failed.textContent).toContain('After 5 tries.');
    expect(within(failed).getByRole('link', { name: 'Missing: Léa Roy, 14' }).getAttribute('href')).toBe(
      '/desk/appeals/appeal-1',
    );
    // The network's raw answer is there for whoever asks the network, folded away.
    const raw = within(failed).getByText(/ExpiredToken/);
    expect(raw.closest('details')?.open).toBe(false);
    // The actions wait for who is signed in.
    expect(
      await within(failed).findByRole('button', {
        name: 'Send again (Missing: Léa Roy, 14: Bluesky, English, The appeal)',
      }),
    ).toBeTruthy();

    // Too long to ever fit: said so, and nothing offered that would fail again.
    const x = screen.getByRole('region', { name: 'X @DemoPolice' });
    expect(x.textContent).toContain('Too long for X: the title, link and hashtag alone are over its limit');
    expect(within(x).queryByRole('button')).toBeNull();

    const fediverse = screen.getByRole('region', { name: 'Fediverse (Mastodon) @demo@vigie.example' });
    expect(within(fediverse).getByText('Disconnected')).toBeTruthy();
    const [up, takedown] = within(fediverse).getAllByRole('listitem');
    expect(up.textContent).toContain('Rumour correction of');
    expect(up.textContent).toContain(
      'Still up on Fediverse (Mastodon), but the account that posted it was disconnected',
    );
    expect(within(up).queryByRole('button')).toBeNull();
    expect(
      within(up)
        .getByRole('link', { name: /See the post on Fediverse/ })
        .getAttribute('href'),
    ).toBe('https://vigie.example/ap/notes/n-3');
    expect(takedown.textContent).toContain('Could not be taken down');
    expect(takedown.textContent).toContain(
      'Delete it on Fediverse (Mastodon) by hand, or have an administrator connect',
    );
    expect(
      within(takedown).getByRole('button', { name: /^Try the takedown again \(.*The outcome\)$/ }),
    ).toBeTruthy();
  });

  it('says a takedown tried again is on its way, not refused, in both languages', async () => {
    const retried = post({
      ...posts[3],
      state: 'SENT',
      attempts: 1,
      lastError: '503: {"error":"InternalServerError"}',
      failure: { reason: 'NETWORK_ERROR', status: 503 },
      takedownRequestedAt: '2026-12-07T23:30:00Z',
      nextTryAt: '2026-12-07T23:41:00Z',
    });
    api(fetchMock, [StaffRole.PIO], () => [retried]);
    const en = await renderPage(<SocialAttentionPage />, { lang: 'en' });
    const item = within(
      await screen.findByRole('region', { name: 'Fediverse (Mastodon) @demo@vigie.example' }),
    ).getByRole('listitem');
    expect(within(item).getByText('Being taken down')).toBeTruthy();
    expect(item.textContent).toMatch(
      /Removal being retried at \d{1,2}:\d{2}\s[ap]\.m\.: the last try failed \(Fediverse \(Mastodon\) had a problem on its side, error 503\)\. The post is still up\./,
    );
    for (const wrong of ['refused', 'Try again', 'Vigie can no longer take it down'])
      expect(item.textContent).not.toContain(wrong);
    expect(within(item).queryByRole('button')).toBeNull();
    en.unmount();

    await renderPage(<SocialAttentionPage />, { lang: 'fr' });
    const fr = within(
      await screen.findByRole('region', { name: 'Fédivers (Mastodon) @demo@vigie.example' }),
    ).getByRole('listitem');
    expect(within(fr).getByText('Retrait en cours')).toBeTruthy();
    expect(fr.textContent).toMatch(
      /Retrait en cours, nouvel essai à \d{1,2}\sh\s\d{2} : le dernier essai a échoué/,
    );
  });

  it('sends a failed post again, says so, and the post leaves the list', async () => {
    let list = posts;
    api(
      fetchMock,
      [StaffRole.SUPERVISOR],
      () => list,
      () => {
        list = posts.slice(1);
        return jsonResponse(200, { ...posts[0], state: 'QUEUED', attempts: 0 });
      },
    );
    await renderPage(<SocialAttentionPage />, { lang: 'en' });
    fireEvent.click(await screen.findByRole('button', { name: /^Send again/ }));
    const status = await screen.findByText(
      /^The post \(Missing: Léa Roy, 14: Bluesky, English, The appeal\) will be sent again\.$/,
    );
    expect(document.activeElement?.contains(status)).toBe(true);
    expect(await screen.findByText('3 posts need you.')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Bluesky police.demo.test' })).toBeNull();
  });

  it('says why a retry was refused (sent or taken down meanwhile)', async () => {
    api(
      fetchMock,
      [StaffRole.PIO],
      () => posts,
      () =>
        jsonResponse(409, {
          statusCode: 409,
          code: 'SOCIAL_POST_NOT_RETRYABLE',
          message: 'Only a post that failed…',
        }),
    );
    await renderPage(<SocialAttentionPage />, { lang: 'en' });
    fireEvent.click(await screen.findByRole('button', { name: /^Send again/ }));
    expect(
      (
        await screen.findByText(
          /^Could not try again \(Missing: Léa Roy, 14: Bluesky, English, The appeal\): Only a post that failed can be sent again/,
        )
      ).textContent,
    ).toBeTruthy();
  });

  it('offers an administrator no action, only what to do', async () => {
    api(fetchMock, [StaffRole.ADMIN], () => posts);
    await renderPage(
      <>
        <SocialAttentionPage />
        <SignedIn />
      </>,
      { lang: 'en' },
    );
    await screen.findByText('4 posts need you.');
    // Once the page knows who is signed in, not before: no button for the administrator.
    await screen.findByText('signed in as ADMIN');
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getAllByText(/An administrator must connect the account again/)).toHaveLength(1);
  });

  it('says in French when nothing needs checking', async () => {
    api(fetchMock, [StaffRole.PIO], () => []);
    await renderPage(<SocialAttentionPage />, { lang: 'fr' });
    expect(await screen.findByText('Rien à vérifier')).toBeTruthy();
    expect(
      screen.getByText(
        'Toutes les publications sont parties et tous les retraits ont abouti. Une publication qui échoue malgré les nouvelles tentatives apparaîtra ici.',
      ),
    ).toBeTruthy();
  });
});
