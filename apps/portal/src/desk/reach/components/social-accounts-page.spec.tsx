import { StaffRole, type SocialAccountsView, type SocialAccountView } from '@vigie/common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderPage, staffProfile } from '../../../test-utils';
import '../../i18n/desk-catalogue';
import { SocialAccountsPage } from './social-accounts-page';

const profile = (roles: StaffRole[]) =>
  staffProfile({ roles, agency: { ...staffProfile().agency!, slug: 'demo-police' } });

const account = (over: Partial<SocialAccountView>): SocialAccountView => ({
  id: 'acc-x',
  network: 'X',
  serviceUrl: 'https://api.x.com',
  handle: '@DemoPolice',
  accountId: '2244994945',
  status: 'CONNECTED',
  lastError: null,
  lastReadAt: '2026-12-07T14:00:00Z',
  connectedAt: '2026-12-01T10:00:00Z',
  connectedBy: 'u-admin',
  ...over,
});

const ALL = ['BLUESKY', 'MASTODON', 'FACEBOOK', 'X'] as const;

type FetchMock = ReturnType<typeof vi.fn<typeof fetch>>;
type Route = (url: string, init: RequestInit) => Response | undefined;

function api(
  fetchMock: FetchMock,
  roles: StaffRole[],
  view: SocialAccountsView,
  route: Route = () => undefined,
) {
  fetchMock.mockImplementation(async (input, init = {}) => {
    const url = String(input);
    const answer = route(url, init);
    if (answer) return answer;
    if (url === '/api/auth/me') return jsonResponse(200, profile(roles));
    if (url === '/api/reach/social/accounts' && (init.method ?? 'GET') === 'GET')
      return jsonResponse(200, view);
    throw new Error(`unexpected ${init.method} ${url}`);
  });
}

const sent = (fetchMock: FetchMock, method: string) =>
  fetchMock.mock.calls
    .filter(([, init]) => (init?.method ?? 'GET') === method)
    .map(([url, init]) => ({
      url: String(url),
      body: init?.body ? (JSON.parse(String(init.body)) as unknown) : null,
    }));

const form = (name: string) => screen.getByRole('heading', { name }).closest('section')!;

describe('SocialAccountsPage', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => vi.stubGlobal('fetch', fetchMock));
  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
  });

  it('shows an admin each account with its state (a failing one with the network’s answer) and a form per free network', async () => {
    api(fetchMock, [StaffRole.ADMIN], {
      networks: [...ALL],
      accounts: [account({ status: 'FAILING', lastError: '401: Unauthorized', lastReadAt: null })],
    });
    await renderPage(<SocialAccountsPage />, { lang: 'en' });

    const list = await screen.findByRole('list', { name: 'Connected accounts' });
    const card = within(list).getByRole('listitem');
    expect(within(card).getByRole('heading').textContent).toBe('X @DemoPolice');
    expect(card.textContent).toContain('Failing');
    expect(card.textContent).toContain('The network’s last answer: 401: Unauthorized');
    expect(within(card).getByText('not yet')).toBeTruthy();
    expect(within(card).getByRole('button', { name: 'Disconnect (X, @DemoPolice)' })).toBeTruthy();
    // X is taken: the other three are offered, the fediverse without a password.
    expect(screen.getByRole('heading', { name: 'Bluesky' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Facebook' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Connect X' })).toBeNull();
    const fediverse = form('Fediverse (Mastodon)');
    expect(fediverse.textContent).toContain(`@demo_police@${window.location.host}`);
    expect(within(form('Bluesky')).getByLabelText('Server address')).toHaveProperty(
      'value',
      'https://bsky.social',
    );
    expect(within(form('Facebook')).getByLabelText('Page ID (optional)')).toBeTruthy();
  });

  it('shows a PIO the state only: no form, no disconnect, and says who can change it (French)', async () => {
    api(fetchMock, [StaffRole.PIO], { networks: [...ALL], accounts: [account({})] });
    await renderPage(<SocialAccountsPage />, { lang: 'fr' });
    const list = await screen.findByRole('list', { name: 'Comptes connectés' });
    expect(within(list).getByText('Fonctionne')).toBeTruthy();
    expect(screen.getByText(/Seul un administrateur peut connecter ou déconnecter un compte\./)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Déconnecter/ })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Connecter un compte' })).toBeNull();
  });

  it('says when nothing is connected, and offers only the networks this installation has', async () => {
    api(fetchMock, [StaffRole.ADMIN], { networks: ['MASTODON'], accounts: [] });
    await renderPage(<SocialAccountsPage />, { lang: 'en' });
    expect(
      await screen.findByText('No account is connected: approved appeals are not posted on social media.'),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Create and connect the fediverse account' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Bluesky' })).toBeNull();
  });

  it('checks the fields before sending, then shows the network’s refusal (422) and a refused server (400) clearly', async () => {
    let answer: Response = jsonResponse(422, {
      statusCode: 422,
      code: 'SOCIAL_CREDENTIALS_REFUSED',
      message: 'The network refused these credentials: check the handle and the app password or token',
    });
    api(fetchMock, [StaffRole.ADMIN], { networks: [...ALL], accounts: [] }, (url, init) =>
      url === '/api/reach/social/accounts' && init.method === 'POST' ? answer : undefined,
    );
    await renderPage(<SocialAccountsPage />, { lang: 'en' });
    await screen.findByRole('heading', { name: 'Bluesky' });
    const bluesky = within(form('Bluesky'));

    fireEvent.click(bluesky.getByRole('button', { name: 'Connect Bluesky' }));
    expect(await bluesky.findByText('Enter the account’s handle.')).toBeTruthy();
    expect(bluesky.getByText('Enter the app password or access token.')).toBeTruthy();
    expect(sent(fetchMock, 'POST')).toEqual([]);

    fireEvent.change(bluesky.getByLabelText('Handle'), { target: { value: 'demo.bsky.social' } });
    fireEvent.change(bluesky.getByLabelText('App password'), { target: { value: 'wrong-app-password' } });
    fireEvent.click(bluesky.getByRole('button', { name: 'Connect Bluesky' }));
    const refusal = await bluesky.findByRole('alert');
    expect(refusal.textContent).toBe(
      'The network refused these credentials: check the handle and the app password or token, then try again.',
    );
    expect(sent(fetchMock, 'POST')).toEqual([
      {
        url: '/api/reach/social/accounts',
        body: {
          network: 'BLUESKY',
          serviceUrl: 'https://bsky.social',
          handle: 'demo.bsky.social',
          secret: 'wrong-app-password',
        },
      },
    ]);

    // The API's own address check (https, public) lands on the field.
    answer = jsonResponse(400, {
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'Some fields are not valid',
      errors: { serviceUrl: 'The server’s address must start with https://' },
    });
    fireEvent.change(bluesky.getByLabelText('Server address'), { target: { value: 'http://pds.example' } });
    fireEvent.click(bluesky.getByRole('button', { name: 'Connect Bluesky' }));
    expect(
      await bluesky.findByText(
        'This server cannot be used: its address must start with https:// and be public (not a local or private address).',
      ),
    ).toBeTruthy();
    expect(bluesky.getByLabelText('Server address').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('list', { name: 'Connected accounts' })).toBeNull();
  });

  it('connects an X account, says so, lists it and takes its form away', async () => {
    api(fetchMock, [StaffRole.ADMIN], { networks: [...ALL], accounts: [] }, (url, init) =>
      url === '/api/reach/social/accounts' && init.method === 'POST'
        ? jsonResponse(201, account({ handle: '@GatineauPolice' }))
        : undefined,
    );
    await renderPage(<SocialAccountsPage />, { lang: 'en' });
    await screen.findByRole('heading', { name: 'X' });
    const x = within(form('X'));
    fireEvent.change(x.getByLabelText('Username'), { target: { value: '@GatineauPolice' } });
    fireEvent.change(x.getByLabelText('User access token'), { target: { value: 'token-123' } });
    fireEvent.click(x.getByRole('button', { name: 'Connect X' }));

    const list = await screen.findByRole('list', { name: 'Connected accounts' });
    expect(within(list).getByRole('heading').textContent).toBe('X @GatineauPolice');
    expect(screen.getAllByRole('status').map((region) => region.textContent)).toContain(
      '@GatineauPolice (X) is connected. Approved appeals will be posted there.',
    );
    expect(screen.queryByRole('heading', { name: 'X' })).toBeNull();
    expect(sent(fetchMock, 'POST')[0].body).toEqual({
      network: 'X',
      serviceUrl: 'https://api.x.com',
      handle: '@GatineauPolice',
      secret: 'token-123',
    });
  });

  it('sends X’s refresh token with the app’s client id, and shows the API’s refusal of one without the other', async () => {
    const bodies: unknown[] = [];
    api(fetchMock, [StaffRole.ADMIN], { networks: [...ALL], accounts: [] }, (url, init) => {
      if (url !== '/api/reach/social/accounts' || init.method !== 'POST') return undefined;
      const body = JSON.parse(String(init.body)) as { clientId?: string };
      bodies.push(body);
      return body.clientId
        ? jsonResponse(201, account({ handle: '@GatineauPolice' }))
        : jsonResponse(400, {
            statusCode: 400,
            code: 'VALIDATION_FAILED',
            message: 'Some fields are not valid',
            errors: { clientId: 'Give the app’s client id with the refresh token' },
          });
    });
    await renderPage(<SocialAccountsPage />, { lang: 'en' });
    await screen.findByRole('heading', { name: 'X' });
    const x = within(form('X'));
    fireEvent.change(x.getByLabelText('Username'), { target: { value: '@GatineauPolice' } });
    fireEvent.change(x.getByLabelText('User access token'), { target: { value: 'access-1' } });
    fireEvent.change(x.getByLabelText('Refresh token (optional)'), { target: { value: 'refresh-1' } });
    fireEvent.click(x.getByRole('button', { name: 'Connect X' }));
    expect(
      await x.findByText('Give the refresh token and the app’s client ID together, or neither.'),
    ).toBeTruthy();
    expect(x.getByLabelText('App client ID (optional)').getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(x.getByLabelText('App client ID (optional)'), { target: { value: 'client-9' } });
    fireEvent.click(x.getByRole('button', { name: 'Connect X' }));
    await screen.findByRole('list', { name: 'Connected accounts' });
    expect(bodies).toEqual([
      {
        network: 'X',
        serviceUrl: 'https://api.x.com',
        handle: '@GatineauPolice',
        secret: 'access-1',
        refreshToken: 'refresh-1',
      },
      {
        network: 'X',
        serviceUrl: 'https://api.x.com',
        handle: '@GatineauPolice',
        secret: 'access-1',
        refreshToken: 'refresh-1',
        clientId: 'client-9',
      },
    ]);
  });

  it('creates the fediverse account, then connects it with the credentials the API gave, once', async () => {
    api(fetchMock, [StaffRole.ADMIN], { networks: [...ALL], accounts: [] }, (url, init) => {
      if (url === '/api/reach/fediverse/actor' && init.method === 'POST')
        return jsonResponse(200, {
          handle: '@demo_police@vigie.example',
          actorUrl: 'https://vigie.example/ap/users/demo_police',
          serviceUrl: 'https://vigie.example',
          accountId: 'actor-1',
          secret: 'one-time-token',
        });
      if (url === '/api/reach/social/accounts' && init.method === 'POST')
        return jsonResponse(
          201,
          account({
            id: 'acc-m',
            network: 'MASTODON',
            handle: '@demo_police@vigie.example',
            serviceUrl: 'https://vigie.example',
          }),
        );
      return undefined;
    });
    await renderPage(<SocialAccountsPage />, { lang: 'fr' });
    fireEvent.click(await screen.findByRole('button', { name: 'Créer et connecter le compte du fédivers' }));

    await screen.findByRole('list', { name: 'Comptes connectés' });
    expect(sent(fetchMock, 'POST')).toEqual([
      { url: '/api/reach/fediverse/actor', body: null },
      {
        url: '/api/reach/social/accounts',
        body: {
          network: 'MASTODON',
          serviceUrl: 'https://vigie.example',
          handle: '@demo_police@vigie.example',
          accountId: 'actor-1',
          secret: 'one-time-token',
        },
      },
    ]);
    expect(screen.queryByText('one-time-token')).toBeNull();
  });

  it('shows a fediverse refusal (a private address in production) where the button is', async () => {
    api(fetchMock, [StaffRole.ADMIN], { networks: ['MASTODON'], accounts: [] }, (url, init) => {
      if (url === '/api/reach/fediverse/actor')
        return jsonResponse(200, {
          handle: '@demo_police@10.0.0.5',
          actorUrl: 'http://10.0.0.5/ap/users/demo_police',
          serviceUrl: 'http://10.0.0.5',
          accountId: 'actor-1',
          secret: 'tok',
        });
      if (url === '/api/reach/social/accounts' && init.method === 'POST')
        return jsonResponse(400, {
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          message: 'Some fields are not valid',
          errors: { serviceUrl: 'The server must be a public address' },
        });
      return undefined;
    });
    await renderPage(<SocialAccountsPage />, { lang: 'en' });
    fireEvent.click(await screen.findByRole('button', { name: 'Create and connect the fediverse account' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The fediverse needs this site to have a public address starting with https:// (PUBLIC_URL): ask whoever runs Vigie here to set it.',
    );
  });

  it('disconnects only after a confirmation that says what stops, and gives the focus to the result', async () => {
    let refuse = true;
    api(fetchMock, [StaffRole.ADMIN], { networks: [...ALL], accounts: [account({})] }, (url, init) => {
      if (url !== '/api/reach/social/accounts/acc-x' || init.method !== 'DELETE') return undefined;
      return refuse
        ? jsonResponse(404, { statusCode: 404, code: 'NOT_FOUND', message: 'Not found' })
        : new Response(null, { status: 204 });
    });
    await renderPage(<SocialAccountsPage />, { lang: 'en' });
    fireEvent.click(await screen.findByRole('button', { name: 'Disconnect (X, @DemoPolice)' }));
    let dialog = screen.getByRole('dialog', { name: 'Disconnect @DemoPolice (X)?' });
    expect(dialog.textContent).toContain('The saved password or token is erased');
    // Focus starts on Cancel; cancelling sends nothing.
    expect(document.activeElement?.textContent).toBe('Cancel');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(sent(fetchMock, 'DELETE')).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Disconnect (X, @DemoPolice)' }));
    dialog = screen.getByRole('dialog', { name: 'Disconnect @DemoPolice (X)?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Disconnect @DemoPolice' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('This content cannot be found.');

    refuse = false;
    fireEvent.click(within(dialog).getByRole('button', { name: 'Disconnect @DemoPolice' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.queryByRole('list', { name: 'Connected accounts' })).toBeNull();
    const result = screen.getByText('@DemoPolice (X) is disconnected.');
    await waitFor(() => expect(document.activeElement?.contains(result)).toBe(true));
    expect(sent(fetchMock, 'DELETE')).toHaveLength(2);
  });

  it('lists the posts still up when the API refuses, and disconnects leaving them up only when asked again', async () => {
    const deletes: string[] = [];
    api(fetchMock, [StaffRole.ADMIN], { networks: [...ALL], accounts: [account({})] }, (url, init) => {
      if (!url.startsWith('/api/reach/social/accounts/acc-x') || init.method !== 'DELETE') return undefined;
      deletes.push(url);
      return url.endsWith('?leaveLivePosts=true')
        ? new Response(null, { status: 204 })
        : jsonResponse(409, {
            statusCode: 409,
            code: 'SOCIAL_ACCOUNT_HAS_LIVE_POSTS',
            message: 'Posts still up',
            livePosts: [
              { id: 'p-1', url: 'https://x.com/DemoPolice/status/1', state: 'SENT' },
              { id: 'p-2', url: null, state: 'SENDING' },
              { id: 'p-3', url: 'javascript:alert(1)', state: 'SENT' },
            ],
          });
    });
    await renderPage(<SocialAccountsPage />, { lang: 'fr' });
    fireEvent.click(await screen.findByRole('button', { name: /Déconnecter \(X, @DemoPolice\)/ }));
    const dialog = screen.getByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Déconnecter @DemoPolice' }));
    await within(dialog).findByText(/3 publications de ce compte sont encore en ligne/);
    const links = within(dialog).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://x.com/DemoPolice/status/1']);
    expect(dialog.textContent).toContain('pas encore de lien');
    expect(deletes).toEqual(['/api/reach/social/accounts/acc-x']);

    fireEvent.click(
      within(dialog).getByRole('button', { name: 'Déconnecter et laisser ces 3 publications en ligne' }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(deletes).toEqual([
      '/api/reach/social/accounts/acc-x',
      '/api/reach/social/accounts/acc-x?leaveLivePosts=true',
    ]);
  });

  it('says when the accounts cannot be read', async () => {
    fetchMock.mockImplementation(async (input) =>
      String(input) === '/api/auth/me'
        ? jsonResponse(200, profile([StaffRole.SUPERVISOR]))
        : jsonResponse(403, { statusCode: 403, code: 'FORBIDDEN', message: 'Forbidden' }),
    );
    await renderPage(<SocialAccountsPage />, { lang: 'en' });
    expect((await screen.findByRole('alert')).textContent).toBe('Your role does not allow this.');
  });
});
