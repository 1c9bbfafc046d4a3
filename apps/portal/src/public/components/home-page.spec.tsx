import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderPage } from '../../test-utils';
import { HomePage } from './home-page';

describe('HomePage', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => vi.stubGlobal('fetch', fetchMock));
  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
  });

  it('asks for the appeals in the reader’s language', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, { items: [] }));
    await renderPage(<HomePage />, { lang: 'en' });
    await screen.findByText('No public appeals right now');
    expect(fetchMock.mock.calls[0][0]).toBe('/api/public/appeals?lang=en');
  });

  it('shows a friendly error, with a way to retry, when the endpoint answers 404', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(404, { statusCode: 404, code: 'NOT_FOUND', message: 'Not found' }),
    );
    await renderPage(<HomePage />);
    expect((await screen.findByRole('alert')).textContent).toContain('Les avis ne peuvent pas être affichés');
    expect(screen.getByRole('button', { name: 'Réessayer' })).toBeTruthy();
  });

  it('lists appeals, falling back to the other language when a text is missing', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(200, {
        items: [
          {
            slug: 'amber-2026-0001',
            kind: 'AMBER_ALERT',
            title: { fr: 'Alerte AMBER : Léa, 7 ans', en: 'AMBER Alert: Léa, 7' },
            summary: { en: 'Last seen near the library.' },
            publishedAt: '2026-03-02T14:00:00Z',
            agency: { name: 'Demo Police Service' },
          },
        ],
      }),
    );
    await renderPage(<HomePage />);
    const link = await screen.findByRole('link', { name: 'Alerte AMBER : Léa, 7 ans' });
    expect(link.getAttribute('href')).toBe('/appeals/amber-2026-0001');
    expect(screen.getByText('Last seen near the library.').getAttribute('lang')).toBe('en');
    expect(screen.getByText('Alerte AMBER', { selector: '.badge' })).toBeTruthy();
    expect(screen.getByText('Demo Police Service')).toBeTruthy();
  });
});
