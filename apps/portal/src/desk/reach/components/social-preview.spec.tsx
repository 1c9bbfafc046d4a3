import { StaffRole, type SocialPreview as Preview, type StaffAppeal } from '@vigie/common';
import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderPage, staffProfile } from '../../../test-utils';
import '../../i18n/desk-catalogue';
import { SocialPreview } from './social-preview';

const supervisor = staffProfile({
  id: 'u-sup',
  email: 'supervisor@demo.test',
  displayName: 'Sam Supervisor',
  roles: [StaffRole.SUPERVISOR],
});

// Only what the preview reads of the appeal: its id, version and images (the desk's own URLs).
const appeal = {
  id: 'appeal-1',
  version: 4,
  images: [
    {
      id: 'img-1',
      isComposite: false,
      thumb: {
        webp: '/api/appeals/appeal-1/images/img-1/thumb.webp',
        jpeg: '/api/appeals/appeal-1/images/img-1/thumb.jpg',
      },
      card: { webp: '', jpeg: '' },
      full: { webp: '', jpeg: '' },
    },
  ],
} as unknown as StaffAppeal;

const preview: Preview = {
  publication: 'APPROVED',
  accounts: [
    {
      accountId: 'acc-b',
      network: 'BLUESKY',
      handle: 'police.demo.test',
      maxTextLength: 300,
      posts: [
        {
          language: 'fr',
          text: 'ALERTE AMBER : Léa Tremblay, 9 ans, enlevée à Gatineau. #AlerteAMBER',
          length: 212,
          link: 'https://vigie.example/appeals/lea',
          image: { imageId: 'img-1', altText: 'Photo de Léa, cheveux bruns, chandail rouge' },
          shortened: true,
          problem: null,
        },
        {
          language: 'en',
          text: 'AMBER ALERT: Léa Tremblay, 9, abducted in Gatineau. #AMBERAlert',
          link: 'https://vigie.example/appeals/lea',
          image: null,
          length: 301,
          shortened: false,
          problem: 'The title, link and hashtag alone need 301 characters; this network takes 300',
        },
      ],
      replyTo: null,
      takesDown: 0,
    },
    {
      accountId: 'acc-x',
      network: 'X',
      handle: '@DemoPolice',
      maxTextLength: 280,
      posts: [],
      replyTo: null,
      takesDown: 0,
    },
  ],
};

type FetchMock = ReturnType<typeof vi.fn<typeof fetch>>;

function api(fetchMock: FetchMock, answer: () => Response) {
  fetchMock.mockImplementation(async (input) => {
    const url = String(input);
    if (url === '/api/auth/me') return jsonResponse(200, supervisor);
    if (url === '/api/reach/social/appeals/appeal-1/preview') return answer();
    throw new Error(`unexpected ${url}`);
  });
}

describe('SocialPreview', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => vi.stubGlobal('fetch', fetchMock));
  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
  });

  it('shows each account’s posts in both languages: text, count, shortening, image with its description, and what will stop one', async () => {
    api(fetchMock, () => jsonResponse(200, preview));
    await renderPage(<SocialPreview appeal={appeal} />, { lang: 'en' });

    const bluesky = await screen.findByRole('region', { name: 'Bluesky police.demo.test' });
    const french = within(bluesky).getByRole('article', { name: 'French' });
    expect(french.textContent).toContain('212 of 300 characters · shortened to fit');
    const text = within(french).getByText(/ALERTE AMBER/);
    expect(text.getAttribute('lang')).toBe('fr');
    expect(within(french).getByText('Photo de Léa, cheveux bruns, chandail rouge')).toBeTruthy();
    expect(french.querySelector('img')?.getAttribute('src')).toBe(
      '/api/appeals/appeal-1/images/img-1/thumb.jpg',
    );

    const english = within(bluesky).getByRole('article', { name: 'English' });
    expect(english.textContent).toContain('No image.');
    // Said in the desk's words, not the API's English.
    expect(english.textContent).toContain(
      'This post cannot be sent: the title, link and hashtag alone are 301 characters, and this network takes 300. Shorten the title.',
    );
    expect(bluesky.textContent).toContain('These posts start the appeal’s thread on this account.');

    const x = screen.getByRole('region', { name: 'X @DemoPolice' });
    expect(x.textContent).toContain('Already posted when the appeal was first approved');
  });

  it('says that approving posts nothing when no account is connected (French)', async () => {
    api(fetchMock, () => jsonResponse(200, { publication: 'APPROVED', accounts: [] }));
    await renderPage(<SocialPreview appeal={appeal} />, { lang: 'fr' });
    expect(
      await screen.findByText(
        // The DOM's no-break space reads as a space here.
        'Aucun compte de médias sociaux n’est connecté : l’approbation ne publie rien sur les médias sociaux.',
      ),
    ).toBeTruthy();
  });

  it('says when the preview cannot be made', async () => {
    api(fetchMock, () =>
      jsonResponse(409, { statusCode: 409, code: 'NOT_IN_REVIEW', message: 'Nothing in review' }),
    );
    await renderPage(<SocialPreview appeal={appeal} />, { lang: 'en' });
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Nothing is waiting for approval: the page may be out of date. Reload it.',
    );
  });
});
