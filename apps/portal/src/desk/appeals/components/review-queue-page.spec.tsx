import {
  AppealKind,
  AppealStatus,
  AppealUpdateKind,
  AppealUpdateState,
  StaffRole,
  type SocialPreview,
  type StaffAppeal,
} from '@vigie/common';
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderPage, staffProfile } from '../../../test-utils';
import '../../i18n/desk-catalogue';
import { ReviewQueuePage } from './review-queue-page';

const supervisor = staffProfile({ id: 'u-sup', roles: [StaffRole.SUPERVISOR] });

const content = {
  title: { fr: 'Recherché : Jean Roy', en: 'Wanted: Jean Roy' },
  summary: { fr: 'Vol qualifié à Hull.', en: 'Armed robbery in Hull.' },
  subjects: [],
};

// A published appeal whose rumour correction waits for a supervisor.
const appeal: StaffAppeal = {
  id: 'appeal-1',
  slug: 'jean-roy',
  kind: AppealKind.WANTED,
  status: AppealStatus.PUBLISHED,
  version: 7,
  draftEditors: [],
  live: { versionNo: 1, content, publishedAt: '2026-12-01T15:00:00Z', approvedBy: 'u-sup2' },
  versions: [],
  updates: [
    {
      id: 'upd-1',
      kind: AppealUpdateKind.RUMOUR_CORRECTION,
      text: { fr: 'Aucune arrestation n’a eu lieu.', en: 'No arrest has been made.' },
      state: AppealUpdateState.IN_REVIEW,
      authorId: 'u-pio',
      createdAt: '2026-12-02T10:00:00Z',
    },
  ],
  images: [],
  createdAt: '2026-12-01T12:00:00Z',
  updatedAt: '2026-12-02T10:00:00Z',
};

const preview: SocialPreview = {
  publication: 'UPDATE:upd-1',
  accounts: [
    {
      accountId: 'acc-m',
      network: 'MASTODON',
      handle: '@demo@vigie.example',
      maxTextLength: 500,
      posts: [
        {
          language: 'fr',
          text: 'Rectification : Recherché : Jean Roy\n\nAucune arrestation n’a eu lieu.\n\nhttps://vigie.example/appeals/jean-roy\n#Recherché',
          length: 104,
          link: 'https://vigie.example/appeals/jean-roy',
          image: null,
          shortened: false,
          problem: null,
        },
        {
          language: 'en',
          text: 'Correction: Wanted: Jean Roy\n\nNo arrest has been made.\n\nhttps://vigie.example/appeals/jean-roy?lang=en\n#Wanted',
          length: 98,
          link: 'https://vigie.example/appeals/jean-roy?lang=en',
          image: null,
          shortened: false,
          problem: null,
        },
      ],
      replyTo: {
        language: 'en',
        text: 'Wanted: Jean Roy\n\nArmed robbery in Hull.',
        url: 'https://vigie.example/ap/notes/n-2',
        state: 'SENT',
      },
      takesDown: 0,
    },
  ],
};

type FetchMock = ReturnType<typeof vi.fn<typeof fetch>>;

function api(fetchMock: FetchMock, approved: () => void) {
  fetchMock.mockImplementation(async (input, init) => {
    const url = String(input);
    if (url === '/api/auth/me') return jsonResponse(200, supervisor);
    if (url === '/api/appeals/review-queue') return jsonResponse(200, [appeal]);
    if (url === '/api/reach/social/appeals/appeal-1/updates/upd-1/preview') return jsonResponse(200, preview);
    if (url === '/api/appeals/appeal-1/updates/upd-1/approve' && init?.method === 'POST') {
      approved();
      return jsonResponse(200, { ...appeal, updates: [] });
    }
    throw new Error(`unexpected ${init?.method ?? 'GET'} ${url}`);
  });
}

describe('ReviewQueuePage: an update in review', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => vi.stubGlobal('fetch', fetchMock));
  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
  });

  it('shows the posts approving the update will make, in its thread, before the button that approves it', async () => {
    const approve = vi.fn();
    api(fetchMock, approve);
    await renderPage(<ReviewQueuePage />, { lang: 'en' });

    const posts = await screen.findByRole('region', {
      name: 'What approving this update will post on social media',
    });
    const account = await within(posts).findByRole('region', {
      name: 'Fediverse (Mastodon) @demo@vigie.example',
    });
    expect(account.textContent).toContain('Posted as a reply under the appeal’s last post here:');
    expect(within(account).getByText('Wanted: Jean Roy').getAttribute('lang')).toBe('en');
    expect(
      within(account)
        .getByRole('link', { name: /See the post on Fediverse/ })
        .getAttribute('href'),
    ).toBe('https://vigie.example/ap/notes/n-2');
    const french = within(account).getByRole('article', { name: 'French' });
    expect(french.textContent).toContain('104 of 500 characters');
    expect(
      within(french)
        .getByText(/Aucune arrestation/)
        .getAttribute('lang'),
    ).toBe('fr');
    expect(within(account).getByRole('article', { name: 'English' }).textContent).toContain('#Wanted');

    // The posts are read before the decision: the preview comes before the button in the update.
    const button = screen.getByRole('button', { name: 'Approve the update' });
    expect(posts.compareDocumentPosition(button) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    fireEvent.click(button);
    expect(await screen.findByText('Update published.')).toBeTruthy();
    expect(approve).toHaveBeenCalledTimes(1);
  });

  it('says so in French when no account is connected', async () => {
    fetchMock.mockImplementation(async (input) => {
      const url = String(input);
      if (url === '/api/auth/me') return jsonResponse(200, supervisor);
      if (url === '/api/appeals/review-queue') return jsonResponse(200, [appeal]);
      return jsonResponse(200, { publication: 'UPDATE:upd-1', accounts: [] });
    });
    await renderPage(<ReviewQueuePage />, { lang: 'fr' });
    expect(
      await screen.findByText(
        'Aucun compte de médias sociaux n’est connecté : l’approbation de la mise à jour ne publie rien sur les médias sociaux.',
      ),
    ).toBeTruthy();
  });
});
