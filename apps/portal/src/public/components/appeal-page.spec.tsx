import type { PublicAppeal } from '@vigie/common';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderPage } from '../../test-utils';
import { AppealPage } from './appeal-page';
import { HomePage } from './home-page';

const files = (name: string, width: number, height: number) => ({
  width,
  height,
  avif: `/media/appeal-images/i1/${name}.avif`,
  webp: `/media/appeal-images/i1/${name}.webp`,
  jpeg: `/media/appeal-images/i1/${name}.jpeg`,
});

function appeal(overrides: Partial<PublicAppeal> = {}): PublicAppeal {
  return {
    slug: 'missing-lea-abc123',
    kind: 'MISSING_PERSON' as PublicAppeal['kind'],
    status: 'PUBLISHED' as PublicAppeal['status'],
    title: { fr: 'Disparue : Léa, 14 ans', en: 'Missing: Léa, 14' },
    summary: { en: 'Last seen near the library.' },
    agency: { name: 'Demo Police Service', slug: 'demo' },
    publishedAt: '2026-03-02T14:00:00Z',
    updatedAt: '2026-03-02T14:00:00Z',
    subjects: [
      {
        role: 'MISSING' as never,
        name: 'Léa Tremblay',
        ageMin: 14,
        ageMax: 14,
        heightMinCm: 155,
        heightMaxCm: 160,
      },
    ],
    vehicles: [],
    images: [
      {
        id: 'i1',
        isComposite: true,
        alt: { fr: 'Portrait de Léa' },
        thumb: files('thumb', 160, 200),
        card: files('card', 480, 600),
        full: files('full', 1200, 1500),
      },
    ],
    reward: { amount: 10000, currency: 'CAD', terms: { fr: 'Conditions' } },
    updates: [
      { id: 'u1', kind: 'UPDATE' as never, text: { fr: 'Ancienne' }, publishedAt: '2026-03-03T10:00:00Z' },
      {
        id: 'u2',
        kind: 'RUMOUR_CORRECTION' as never,
        text: { fr: 'Récente' },
        publishedAt: '2026-03-04T10:00:00Z',
      },
    ],
    versionNo: 1,
    links: {
      page: 'https://vigie.test/appeals/missing-lea-abc123',
      poster: 'https://vigie.test/appeals/missing-lea-abc123/poster',
      socialImage: 'https://vigie.test/media/appeals/missing-lea-abc123/social-v1.jpg',
      tipForm: 'https://vigie.test/tips/new?appeal=missing-lea-abc123',
    },
    ...overrides,
  };
}

const renderAppeal = (lang = 'fr') =>
  renderPage(
    <Routes>
      <Route path="/appeals/:slug" element={<AppealPage />} />
    </Routes>,
    { path: '/appeals/missing-lea-abc123', lang },
  );

describe('AppealPage', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => vi.stubGlobal('fetch', fetchMock));
  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
  });

  it('shows the appeal in French, marks English fallbacks, labels sketches and formats the reward', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, appeal()));
    await renderAppeal();
    const title = await screen.findByRole('heading', { level: 1, name: 'Disparue : Léa, 14 ans' });
    expect(title.getAttribute('lang')).toBeNull();
    expect(fetchMock.mock.calls[0][0]).toBe('/api/public/appeals/missing-lea-abc123');
    expect(screen.getByText('Last seen near the library.').getAttribute('lang')).toBe('en');
    expect(screen.getByText('Portrait-robot, pas une photographie')).toBeTruthy();
    const img = screen.getByAltText('Portrait de Léa');
    expect(img.getAttribute('width')).toBe('1200');
    expect(img.getAttribute('height')).toBe('1500');
    expect(document.querySelector('source[type="image/avif"]')?.getAttribute('srcset')).toContain(
      'full.avif 1200w',
    );
    expect(screen.getByText(/Jusqu’à 10\s000\s\$/)).toBeTruthy();
    expect(screen.getByText('155–160 cm')).toBeTruthy();
    const cta = screen.getAllByRole('link', { name: 'J’ai de l’information' })[0];
    expect(cta.getAttribute('href')).toBe('/tips/new?appeal=missing-lea-abc123');
    expect(screen.getByRole('link', { name: 'Composez le 911' }).getAttribute('href')).toBe('tel:911');
    expect(screen.getByRole('link', { name: 'Affiche à imprimer' }).getAttribute('href')).toBe(
      'https://vigie.test/appeals/missing-lea-abc123/poster',
    );
    const updates = document.querySelectorAll('.update');
    expect(updates[0].textContent).toContain('Récente');
    expect(updates[0].classList.contains('update--rumour')).toBe(true);
    expect(updates[1].textContent).toContain('Ancienne');
  });

  it('shows the outcome of a resolved appeal and no longer asks for information', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(
        200,
        appeal({
          status: 'RESOLVED' as PublicAppeal['status'],
          outcome: 'FOUND_SAFE' as PublicAppeal['outcome'],
          images: [],
          subjects: [],
          reward: undefined,
          resolution: { outcome: 'FOUND_SAFE' as never, resolvedAt: '2026-03-05T10:00:00Z' },
        }),
      ),
    );
    await renderAppeal('en');
    await screen.findByText('Resolved: found safe');
    expect(screen.queryByRole('link', { name: 'I have information' })).toBeNull();
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('once a suspect is arrested, earlier updates are history: no red correction, no sharing', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(
        200,
        appeal({
          kind: 'WANTED' as PublicAppeal['kind'],
          status: 'RESOLVED' as PublicAppeal['status'],
          outcome: 'ARRESTED' as PublicAppeal['outcome'],
          reward: undefined,
          resolution: { outcome: 'ARRESTED' as never, resolvedAt: '2026-03-05T10:00:00Z' },
        }),
      ),
    );
    await renderAppeal('en');
    await screen.findByText('Resolved: arrested');
    expect(screen.getByRole('heading', { name: 'Earlier updates' })).toBeTruthy();
    expect(screen.getByText('Published before the outcome above, which replaces them.')).toBeTruthy();
    expect(document.querySelectorAll('.update--rumour')).toHaveLength(0);
    expect(document.querySelector('.update')?.textContent).toContain('superseded');
    expect(screen.queryByRole('button', { name: 'Share' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Printable poster' })).toBeNull();
    expect(
      screen.getByText('This appeal has ended: no action is needed. Please stop sharing it.'),
    ).toBeTruthy();
  });

  it('tells the reader what to do in the kind’s own words (the same as CAP and the poster)', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, appeal()));
    await renderAppeal('fr');
    expect(
      await screen.findByText(
        'Si vous voyez cette personne, restez avec elle si vous pouvez le faire sans danger et composez le 911.',
      ),
    ).toBeTruthy();
  });

  it('says plainly when an appeal was withdrawn (410), without retrying', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse(410, { statusCode: 410, code: 'GONE', message: 'This appeal has been withdrawn' }),
    );
    await renderAppeal('en');
    expect(await screen.findByRole('heading', { name: 'This appeal has been withdrawn' })).toBeTruthy();
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('says when an appeal does not exist (404)', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse(404, { statusCode: 404, code: 'NOT_FOUND', message: 'Not found' }),
    );
    await renderAppeal('en');
    expect(await screen.findByRole('heading', { name: 'Appeal not found' })).toBeTruthy();
  });
});

describe('HomePage filters', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => vi.stubGlobal('fetch', fetchMock));
  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
  });

  it('asks the API for one kind and for words, and offers to clear a search that finds nothing', async () => {
    fetchMock.mockImplementation(async () => jsonResponse(200, { items: [] }));
    await renderPage(<HomePage />, { lang: 'en' });
    await screen.findByText('No public appeals right now');

    fireEvent.change(screen.getByLabelText('Kind of appeal'), { target: { value: 'WANTED' } });
    await waitFor(() => expect(fetchMock.mock.lastCall?.[0]).toBe('/api/public/appeals?lang=en&kind=WANTED'));

    fireEvent.change(screen.getByLabelText('Search (name, place, word)'), {
      target: { value: ' montréal ' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() =>
      expect(fetchMock.mock.lastCall?.[0]).toBe('/api/public/appeals?lang=en&kind=WANTED&q=montr%C3%A9al'),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Show all appeals' }));
    // Back to the unfiltered list, served from the cache of the first visit.
    expect(await screen.findByText('No public appeals right now')).toBeTruthy();
    expect((screen.getByLabelText('Kind of appeal') as HTMLSelectElement).value).toBe('');
    expect((screen.getByLabelText('Search (name, place, word)') as HTMLInputElement).value).toBe('');
  });
});
