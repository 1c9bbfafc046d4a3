import { AppealUpdateKind, StaffRole, type SocialPostView, type StaffAppeal } from '@vigie/common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderPage, staffProfile } from '../../../test-utils';
import '../../i18n/desk-catalogue';
import { SocialPostsSection } from './social-posts-section';

const profile = (roles: StaffRole[]) =>
  staffProfile({ roles, email: 'pio@demo.test', displayName: 'Paula PIO' });

// Only what the section reads of the appeal: its id and its updates.
const appeal = {
  id: 'appeal-1',
  updates: [
    {
      id: 'up-1',
      kind: AppealUpdateKind.RUMOUR_CORRECTION,
      text: { fr: 'Aucune arrestation.', en: 'No arrest has been made.' },
      state: 'PUBLISHED',
      authorId: 'u-1',
      createdAt: '2026-12-06T15:00:00Z',
      publishedAt: '2026-12-06T16:00:00Z',
    },
  ],
} as unknown as StaffAppeal;

const post = (over: Partial<SocialPostView>): SocialPostView => ({
  id: 'p-1',
  appealId: 'appeal-1',
  accountConnected: true,
  network: 'BLUESKY',
  handle: 'police.demo.test',
  publication: 'APPROVED',
  language: 'fr',
  text: 'Disparue : Léa, 14 ans. #AlerteAMBER https://vigie.example/appeals/lea',
  state: 'SENT',
  attempts: 1,
  lastError: null,
  failure: null,
  url: 'https://bsky.app/profile/police.demo.test/post/3k',
  sentAt: '2026-12-06T14:00:00Z',
  takenDownAt: null,
  takedownRequestedAt: null,
  nextTryAt: null,
  ...over,
});

const posts: SocialPostView[] = [
  post({}),
  post({ id: 'p-2', language: 'en', state: 'QUEUED', url: null, sentAt: null, attempts: 0 }),
  post({
    id: 'p-3',
    network: 'X',
    handle: '@DemoPolice',
    state: 'FAILED',
    attempts: 5,
    lastError: '403: You are not permitted to perform this action.',
    failure: { reason: 'REFUSED', status: 403 },
    url: null,
    sentAt: null,
  }),
  post({
    id: 'p-4',
    network: 'FACEBOOK',
    handle: 'Demo Police',
    state: 'TAKEN_DOWN',
    takenDownAt: '2026-12-07T09:00:00Z',
  }),
  post({ id: 'p-5', publication: 'UPDATE:up-1', state: 'SENDING', url: null, sentAt: null }),
  post({
    id: 'p-6',
    publication: 'RESOLVED',
    state: 'TAKEDOWN_FAILED',
    lastError: null,
    accountConnected: false,
  }),
];

type FetchMock = ReturnType<typeof vi.fn<typeof fetch>>;
type Route = (url: string, init: RequestInit) => Response | undefined;

function api(
  fetchMock: FetchMock,
  roles: StaffRole[],
  list: () => SocialPostView[],
  route: Route = () => undefined,
) {
  fetchMock.mockImplementation(async (input, init = {}) => {
    const url = String(input);
    const answer = route(url, init);
    if (answer) return answer;
    if (url === '/api/auth/me') return jsonResponse(200, profile(roles));
    if (url === '/api/reach/social/appeals/appeal-1/posts') return jsonResponse(200, list());
    throw new Error(`unexpected ${init.method} ${url}`);
  });
}

const item = (group: string, text: RegExp) =>
  within(screen.getByRole('region', { name: group }))
    .getAllByRole('listitem')
    .find((li) => text.test(li.textContent ?? ''))!;

describe('SocialPostsSection', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => vi.stubGlobal('fetch', fetchMock));
  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
  });

  it('shows each post by what it announced, network and language, with its state, link or the network’s answer', async () => {
    api(fetchMock, [StaffRole.PIO], () => posts);
    await renderPage(<SocialPostsSection appeal={appeal} />, { lang: 'en' });

    await screen.findByRole('region', { name: 'The appeal' });
    const sent = item('The appeal', /French.*Posted/);
    expect(
      within(sent)
        .getByRole('link', { name: 'See the post on Bluesky (opens a new tab)' })
        .getAttribute('href'),
    ).toBe('https://bsky.app/profile/police.demo.test/post/3k');
    expect(within(item('The appeal', /English/)).getByText('Waiting to be sent')).toBeTruthy();
    const failed = item('The appeal', /@DemoPolice/);
    expect(failed.textContent).toContain('Failed');
    // Said in words, with what to do; the network's own answer kept apart.
    expect(failed.textContent).toContain(
      'X refused this post (error 403); sending it again may not help. Its exact answer is below.',
    );
    expect(
      within(failed).getByText('403: You are not permitted to perform this action.').closest('details'),
    ).toBeTruthy();
    expect(failed.textContent).toContain('After 5 tries.');
    expect(within(item('The appeal', /Demo Police ·/)).getByText('Taken down')).toBeTruthy();
    expect(
      within(screen.getByRole('region', { name: /^Rumour correction of/ })).getByText('Being sent'),
    ).toBeTruthy();
    const outcome = item('The outcome', /Could not be taken down/);
    expect(outcome.textContent).toContain('The network answered: no answer');
    // Its account was disconnected since: Vigie can no longer reach the post.
    expect(outcome.textContent).toContain('The account that made this post is disconnected');
    // Only the failed post can be sent again, and its button says which one.
    expect((await screen.findAllByRole('button', { name: /Send again/ })).map((b) => b.textContent)).toEqual([
      'Send again (X, French, The appeal)',
    ]);
    // A takedown that failed (a found person's post left up) is tried again from here too.
    expect(
      (await screen.findAllByRole('button', { name: /Try the takedown again/ })).map((b) => b.textContent),
    ).toEqual(['Try the takedown again (Bluesky, French, The outcome)']);
  });

  it('tries a failed takedown again and says so', async () => {
    let list = posts.slice(5, 6);
    api(
      fetchMock,
      [StaffRole.PIO],
      () => list,
      (url, init) => {
        if (url !== '/api/reach/social/posts/p-6/retry' || init.method !== 'POST') return undefined;
        // Up, its takedown asked for again (the API answers SENT), the last failure kept.
        list = [
          {
            ...posts[5],
            state: 'SENT',
            attempts: 0,
            lastError: 'The account was disconnected: delete this post on the network by hand, or reconnect',
            failure: { reason: 'ACCOUNT_DISCONNECTED', status: null },
            takedownRequestedAt: '2026-12-07T23:40:00Z',
          },
        ];
        return jsonResponse(200, list[0]);
      },
    );
    await renderPage(<SocialPostsSection appeal={appeal} />, { lang: 'fr' });
    fireEvent.click(await screen.findByRole('button', { name: /Relancer le retrait/ }));
    await screen.findByText(/Le retrait de la publication \(.*\) sera relancé\./);
    // Said as a takedown on its way, not as one that failed.
    const post = item('Le dénouement', /Bluesky/);
    expect(within(post).getByText('Retrait en cours')).toBeTruthy();
    expect(post.textContent).toContain(
      'Retrait en cours : le dernier essai a échoué (le compte a été déconnecté) et Vigie va réessayer. La publication est encore en ligne.',
    );
    expect(post.textContent).not.toContain('Retrait impossible');
    expect(within(post).queryByRole('button')).toBeNull();
  });

  it('says a takedown or a send the queue will try again is on its way, and when, in both languages', async () => {
    const retrying = [
      post({
        id: 'p-7',
        publication: 'RESOLVED',
        state: 'SENT',
        attempts: 2,
        lastError: '503: {"error":"InternalServerError","message":"try later"}',
        failure: { reason: 'NETWORK_ERROR', status: 503 },
        takedownRequestedAt: '2026-12-07T23:30:00Z',
        nextTryAt: '2026-12-07T23:41:00Z',
      }),
      post({
        id: 'p-8',
        publication: 'RESOLVED',
        language: 'en',
        state: 'SENT',
        attempts: 0,
        takedownRequestedAt: '2026-12-07T23:30:00Z',
      }),
      post({
        id: 'p-9',
        network: 'X',
        handle: '@DemoPolice',
        state: 'QUEUED',
        url: null,
        sentAt: null,
        attempts: 1,
        lastError: 'no answer: The operation was aborted due to timeout',
        failure: { reason: 'NO_ANSWER', status: null },
        nextTryAt: '2026-12-07T23:41:00Z',
      }),
    ];
    api(fetchMock, [StaffRole.PIO], () => retrying);
    const en = await renderPage(<SocialPostsSection appeal={appeal} />, { lang: 'en' });
    await screen.findByRole('region', { name: 'The outcome' });
    const [retried, asked] = within(screen.getByRole('region', { name: 'The outcome' })).getAllByRole(
      'listitem',
    );
    expect(within(retried).getByText('Being taken down')).toBeTruthy();
    // The time is the queue's, in the desk's time zone and conventions (no time zone is assumed here).
    expect(retried.textContent).toMatch(
      /Removal being retried at \d{1,2}:\d{2}\s[ap]\.m\.: the last try failed \(Bluesky had a problem on its side, error 503\)\. The post is still up\./,
    );
    for (const wrong of ['refused', 'Try again', 'Could not be taken down', 'Failed'])
      expect(retried.textContent).not.toContain(wrong);
    // Still up: its link stays.
    expect(within(retried).getByRole('link', { name: /See the post on Bluesky/ })).toBeTruthy();
    expect(asked.textContent).toContain('Removal requested: the post is still up until Bluesky deletes it.');
    const send = item('The appeal', /@DemoPolice/);
    expect(send.textContent).toContain('Waiting to be sent');
    expect(send.textContent).toMatch(
      /Will be sent again at \d{1,2}:\d{2}\s[ap]\.m\.: the last try failed \(X did not answer\)\./,
    );
    expect(screen.queryByRole('button')).toBeNull();
    en.unmount();

    await renderPage(<SocialPostsSection appeal={appeal} />, { lang: 'fr' });
    await screen.findByRole('region', { name: 'Le dénouement' });
    const [again] = within(screen.getByRole('region', { name: 'Le dénouement' })).getAllByRole('listitem');
    expect(within(again).getByText('Retrait en cours')).toBeTruthy();
    expect(again.textContent).toMatch(
      /Retrait en cours, nouvel essai à \d{1,2}\sh\s\d{2} : le dernier essai a échoué \(un problème du côté de Bluesky, erreur 503\)\. La publication est encore en ligne\./,
    );
    expect(item('L’avis', /@DemoPolice/).textContent).toMatch(
      /Nouvel essai d’envoi à \d{1,2}\sh\s\d{2} : le dernier essai a échoué \(X n’a pas répondu\)\./,
    );
  });

  it('sends a failed post again, follows it, and says so where the focus goes', async () => {
    let list = posts.slice(2, 3);
    api(
      fetchMock,
      [StaffRole.SUPERVISOR],
      () => list,
      (url, init) => {
        if (url !== '/api/reach/social/posts/p-3/retry' || init.method !== 'POST') return undefined;
        list = [{ ...posts[2], state: 'QUEUED', attempts: 0, lastError: null }];
        return jsonResponse(200, list[0]);
      },
    );
    await renderPage(<SocialPostsSection appeal={appeal} />, { lang: 'fr' });
    fireEvent.click(await screen.findByRole('button', { name: 'Renvoyer (X, Français, L’avis)' }));

    const said = await screen.findByText('La publication (X, Français, L’avis) sera renvoyée.');
    await waitFor(() => expect(document.activeElement?.contains(said)).toBe(true));
    expect(screen.getByText('En attente d’envoi')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Renvoyer/ })).toBeNull();
  });

  it('shows a refused retry (409: taken down meanwhile) and reads the posts again', async () => {
    let list = posts.slice(2, 3);
    api(
      fetchMock,
      [StaffRole.PIO],
      () => list,
      (url) => {
        if (!url.endsWith('/retry')) return undefined;
        list = [{ ...posts[2], state: 'TAKEN_DOWN', takenDownAt: '2026-12-07T10:00:00Z' }];
        return jsonResponse(409, {
          statusCode: 409,
          code: 'SOCIAL_POST_NOT_RETRYABLE',
          message: 'Only a post that failed can be sent again',
        });
      },
    );
    await renderPage(<SocialPostsSection appeal={appeal} />, { lang: 'en' });
    fireEvent.click(await screen.findByRole('button', { name: /Send again/ }));
    expect(await screen.findByText('Taken down')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Send again/ })).toBeNull();
  });

  it('offers no "Send again" to an administrator, who may only look', async () => {
    api(fetchMock, [StaffRole.ADMIN], () => posts.slice(2, 3));
    await renderPage(<SocialPostsSection appeal={appeal} />, { lang: 'en' });
    expect(await screen.findByText('Failed')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Send again/ })).toBeNull();
  });

  it('says when the appeal has no posts, and when they cannot be read', async () => {
    api(fetchMock, [StaffRole.PIO], () => []);
    const { unmount } = await renderPage(<SocialPostsSection appeal={appeal} />, { lang: 'en' });
    expect(await screen.findByText(/This appeal has no social media posts\./)).toBeTruthy();
    unmount();

    fetchMock.mockReset();
    api(
      fetchMock,
      [StaffRole.PIO],
      () => [],
      (url) =>
        url.endsWith('/posts')
          ? jsonResponse(404, { statusCode: 404, code: 'NOT_FOUND', message: 'Not found' })
          : undefined,
    );
    await renderPage(<SocialPostsSection appeal={appeal} />, { lang: 'en' });
    expect((await screen.findByRole('alert')).textContent).toBe('This content cannot be found.');
  });
});
