import { StaffRole, type SocialArchivePage, type SocialMessageView } from '@vigie/common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderPage, staffProfile } from '../../../test-utils';
import '../../i18n/desk-catalogue';
import { SocialArchivePage as ArchivePage } from './social-archive-page';

const profile = (roles: StaffRole[]) => staffProfile({ roles });

const message = (over: Partial<SocialMessageView>): SocialMessageView => ({
  id: 'm-1',
  network: 'BLUESKY',
  account: 'police.demo.test',
  direction: 'RECEIVED',
  kind: 'REPLY',
  authorHandle: 'temoin.bsky.social',
  text: 'Je l’ai vu monter dans un autobus rue Principale vers 14 h.',
  at: '2026-12-07T19:05:00Z',
  url: 'https://bsky.app/profile/temoin.bsky.social/post/3k',
  appealId: 'appeal-1',
  media: [],
  tipId: null,
  ...over,
});

type FetchMock = ReturnType<typeof vi.fn<typeof fetch>>;
type Route = (url: string, init: RequestInit) => Response | undefined;

function api(
  fetchMock: FetchMock,
  roles: StaffRole[],
  pages: (url: string) => SocialArchivePage,
  route: Route = () => undefined,
) {
  fetchMock.mockImplementation(async (input, init = {}) => {
    const url = String(input);
    const answer = route(url, init);
    if (answer) return answer;
    if (url === '/api/auth/me') return jsonResponse(200, profile(roles));
    if (url.startsWith('/api/reach/social/archive') && (init.method ?? 'GET') === 'GET')
      return jsonResponse(200, pages(url));
    throw new Error(`unexpected ${init.method} ${url}`);
  });
}

const gets = (fetchMock: FetchMock) =>
  fetchMock.mock.calls
    .map(([url]) => String(url))
    .filter((url) => url.startsWith('/api/reach/social/archive'));

const article = (author: string) => screen.getByRole('article', { name: author });

describe('SocialArchivePage', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => vi.stubGlobal('fetch', fetchMock));
  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
  });

  it('says when nothing is archived yet', async () => {
    api(fetchMock, [StaffRole.INVESTIGATOR], () => ({ items: [], next: null }));
    await renderPage(<ArchivePage />, { lang: 'en' });
    expect(
      await screen.findByRole('heading', {
        name: 'Nothing archived yet: messages appear here once an account is connected and has sent or received something.',
      }),
    ).toBeTruthy();
  });

  it('shows each message with its time, network, author, text, link and files, sealed or refused', async () => {
    api(fetchMock, [StaffRole.INVESTIGATOR], () => ({
      items: [
        message({
          media: [
            {
              url: 'https://pds/a.jpg',
              state: 'SEALED',
              key: 'k',
              sha256: 'ab',
              mime: 'image/jpeg',
              size: 120_000,
            },
            { url: 'https://pds/b.png', state: 'REFUSED', reason: 'not an image: text/html' },
          ],
        }),
        message({
          id: 'm-2',
          direction: 'SENT',
          kind: 'POST',
          authorHandle: 'police.demo.test',
          text: 'Disparue : Léa, 14 ans. #AlerteAMBER',
          media: [],
        }),
      ],
      next: null,
    }));
    await renderPage(<ArchivePage />, { lang: 'fr' });
    expect(await screen.findByRole('heading', { name: '2 messages' })).toBeTruthy();

    const reply = within(article('temoin.bsky.social'));
    expect(reply.getByText('Reçu · réponse')).toBeTruthy();
    expect(reply.getByText('sur Bluesky (police.demo.test)')).toBeTruthy();
    expect(reply.getByText(/Je l’ai vu monter dans un autobus/)).toBeTruthy();
    const time = article('temoin.bsky.social').querySelector('time')!;
    expect(time.getAttribute('datetime')).toBe('2026-12-07T19:05:00Z');
    expect(time.textContent).toMatch(/7 décembre 2026/);
    const link = reply.getByRole('link', { name: 'Ouvrir sur Bluesky (s’ouvre dans un nouvel onglet)' });
    expect(link.getAttribute('href')).toBe('https://bsky.app/profile/temoin.bsky.social/post/3k');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    const files = reply.getByRole('list', { name: 'Fichiers' });
    expect(
      within(files)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'Fichier conservé et scellé\u00a0: image/jpeg, 117 Ko',
      'Fichier refusé, non conservé\u00a0: not an image: text/html',
    ]);
    expect(reply.getByRole('link', { name: 'Au sujet d’un avis' }).getAttribute('href')).toBe(
      '/desk/appeals/appeal-1',
    );
    // The button waits for the profile (only investigators and supervisors make tips).
    expect(await reply.findByRole('button', { name: /En faire un signalement/ })).toBeTruthy();

    // What the agency sent cannot become a tip.
    const post = within(article('police.demo.test'));
    expect(post.getByText('Envoyé · publication')).toBeTruthy();
    expect(post.queryByRole('button')).toBeNull();
  });

  it('searches by text and direction through the address, and pages back in time with "before"', async () => {
    const first = Array.from({ length: 50 }, (_, i) =>
      message({
        id: `m-${i}`,
        authorHandle: `a${i}.bsky.social`,
        at: `2026-12-07T18:${String(59 - i).padStart(2, '0')}:00Z`,
      }),
    );
    api(fetchMock, [StaffRole.SUPERVISOR], (url) =>
      url.includes('before=')
        ? {
            items: [message({ id: 'm-old', authorHandle: 'ancien.bsky.social', at: '2026-12-06T10:00:00Z' })],
            next: null,
          }
        : url.includes('q=')
          ? { items: [], next: null }
          : { items: first, next: '2026-12-07T18:10:00.000Z' },
    );
    await renderPage(<ArchivePage />, { lang: 'en' });
    expect(await screen.findByRole('heading', { name: 'The latest 50 messages' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Show older messages' }));
    expect(await screen.findByRole('article', { name: 'ancien.bsky.social' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: '51 messages' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show older messages' })).toBeNull();

    fireEvent.change(screen.getByRole('searchbox', { name: 'Search' }), {
      target: { value: ' autobus 100% ' },
    });
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'RECEIVED' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    const none = await screen.findByRole('heading', { name: 'No archived message matches this search.' });
    await waitFor(() => expect(document.activeElement).toBe(none));
    expect(gets(fetchMock)).toEqual([
      '/api/reach/social/archive',
      '/api/reach/social/archive?before=2026-12-07T18%3A10%3A00.000Z',
      '/api/reach/social/archive?q=autobus+100%25&direction=RECEIVED',
    ]);
  });

  it('makes a received reply a tip, then links to it and moves the focus there', async () => {
    api(
      fetchMock,
      [StaffRole.INVESTIGATOR],
      () => ({ items: [message({})], next: null }),
      (url, init) =>
        url === '/api/reach/social/archive/m-1/tip' && init.method === 'POST'
          ? jsonResponse(201, { tipId: 'tip-9', code: 'K7QX-4PMA' })
          : undefined,
    );
    await renderPage(<ArchivePage />, { lang: 'en' });
    const button = await screen.findByRole('button', {
      name: 'Make a tip from temoin.bsky.social’s message',
    });
    fireEvent.click(button);

    const open = await screen.findByRole('link', { name: 'Open the tip' });
    expect(open.getAttribute('href')).toBe('/desk/tips/tip-9');
    await waitFor(() => expect(document.activeElement).toBe(open));
    expect(
      within(article('temoin.bsky.social')).getByText(/Tip K7QX-4PMA made from this message\./),
    ).toBeTruthy();
    expect(screen.getAllByRole('status').map((region) => region.textContent)).toContain(
      'Tip K7QX-4PMA made from temoin.bsky.social’s message.',
    );
    expect(screen.queryByRole('button', { name: /Make a tip/ })).toBeNull();
  });

  it('shows a message already made a tip, and a colleague’s quicker click (409) as that tip', async () => {
    let tipped = false;
    api(
      fetchMock,
      [StaffRole.INVESTIGATOR],
      () => ({ items: [message({ tipId: tipped ? 'tip-1' : null })], next: null }),
      (url, init) => {
        if (url !== '/api/reach/social/archive/m-1/tip' || init.method !== 'POST') return undefined;
        tipped = true;
        return jsonResponse(409, {
          statusCode: 409,
          code: 'SOCIAL_MESSAGE_ALREADY_TIP',
          message: 'This message is already a tip',
        });
      },
    );
    await renderPage(<ArchivePage />, { lang: 'en' });
    fireEvent.click(await screen.findByRole('button', { name: /Make a tip/ }));
    const open = await screen.findByRole('link', { name: 'Open the tip' });
    expect(open.getAttribute('href')).toBe('/desk/tips/tip-1');
    expect(within(article('temoin.bsky.social')).getByText(/This message is a tip\./)).toBeTruthy();
  });

  it('shows a refusal to make a tip beside its button, and offers no button to a PIO', async () => {
    api(
      fetchMock,
      [StaffRole.SUPERVISOR],
      () => ({ items: [message({})], next: null }),
      (url) =>
        url.endsWith('/tip')
          ? jsonResponse(500, { statusCode: 500, code: 'INTERNAL', message: 'x', correlationId: 'c-42' })
          : undefined,
    );
    const { unmount } = await renderPage(<ArchivePage />, { lang: 'en' });
    fireEvent.click(await screen.findByRole('button', { name: /Make a tip/ }));
    const alert = await within(article('temoin.bsky.social')).findByRole('alert');
    expect(alert.textContent).toBe(
      'Something went wrong on our side. Please try again in a moment. Reference: c-42',
    );
    expect(screen.getByRole('button', { name: /Make a tip/ })).toBeTruthy();
    unmount();

    fetchMock.mockReset();
    api(fetchMock, [StaffRole.PIO], () => ({ items: [message({ tipId: 'tip-1' })], next: null }));
    await renderPage(<ArchivePage />, { lang: 'en' });
    expect(await screen.findByText('This message is a tip.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Make a tip/ })).toBeNull();
    // A PIO does not read tips: no link to one.
    expect(screen.queryByRole('link', { name: 'Open the tip' })).toBeNull();
  });

  it('says when the archive cannot be read', async () => {
    api(
      fetchMock,
      [StaffRole.INVESTIGATOR],
      () => ({ items: [], next: null }),
      (url) =>
        url.startsWith('/api/reach/social/archive')
          ? jsonResponse(400, {
              statusCode: 400,
              code: 'VALIDATION_FAILED',
              message: 'bad',
              errors: { before: 'x' },
            })
          : undefined,
    );
    await renderPage(<ArchivePage />, { lang: 'en' });
    expect((await screen.findByRole('alert')).textContent).toBe('Some fields are not valid.');
  });
});
