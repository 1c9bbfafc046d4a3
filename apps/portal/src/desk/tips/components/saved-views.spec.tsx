import { fireEvent, screen, waitFor } from '@testing-library/react';
import { TipStatus, type SavedView } from '@vigie/common';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderPage } from '../../../test-utils';
import '../../i18n/desk-catalogue';
import { SavedViewsBar } from './saved-views';

const AMBER: SavedView = {
  id: '0f8f5e2a-3333-4aaa-8bbb-000000000003',
  name: 'AMBER · new · located',
  filters: { status: 'NEW', hasLocation: 'true', q: 'Léa' },
  createdAt: '2026-12-07T10:00:00.000Z',
  updatedAt: '2026-12-07T10:00:00.000Z',
};

function api(views: SavedView[]) {
  return vi.fn<typeof fetch>(async (input, init) => {
    const path = String(input);
    if (path === '/api/tips/views' && (init?.method ?? 'GET') === 'GET') return jsonResponse(200, views);
    if (path === '/api/tips/views' && init?.method === 'POST') {
      const body = JSON.parse(String(init.body));
      if (body.name === 'Taken')
        return jsonResponse(409, { statusCode: 409, code: 'VIEW_NAME_TAKEN', message: 'taken' });
      return jsonResponse(201, { ...AMBER, id: 'new', ...body });
    }
    return jsonResponse(404, { statusCode: 404, code: 'NOT_FOUND', message: path });
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('SavedViewsBar', () => {
  it('lists the views, pressed when its filters are shown, and applies one on a click', async () => {
    vi.stubGlobal('fetch', api([AMBER]));
    const onApply = vi.fn();
    await renderPage(
      <SavedViewsBar filters={{ status: TipStatus.NEW, hasLocation: true, q: 'Léa' }} onApply={onApply} />,
      { lang: 'en' },
    );
    // A busy machine can take more than the default second to answer the first fetch.
    const view = await screen.findByRole('button', { name: 'AMBER · new · located' }, { timeout: 5_000 });
    expect(view.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(view);
    expect(onApply).toHaveBeenCalledWith(AMBER);
    await screen.findByText('View “AMBER · new · located” applied.');
  });

  it('saves the current filters under a name suggested from them, in the desk’s language', async () => {
    const fetch = api([]);
    vi.stubGlobal('fetch', fetch);
    await renderPage(
      <SavedViewsBar filters={{ status: TipStatus.NEW, hasMedia: true, q: 'plaque' }} onApply={vi.fn()} />,
      {
        lang: 'fr',
      },
    );
    await screen.findByText(/Aucune pour l’instant/, {}, { timeout: 5_000 });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    const name = screen.getByLabelText('Nom de cette vue') as HTMLInputElement;
    expect(name.value).toBe('Nouveau · Avec photos ou vidéos · « plaque »');
    fireEvent.submit(name.closest('form')!);
    await screen.findByText(/Vue « Nouveau · Avec photos ou vidéos · « plaque » » enregistrée/);
    const post = fetch.mock.calls.find(([, init]) => init?.method === 'POST')!;
    expect(JSON.parse(String(post[1]!.body))).toEqual({
      name: 'Nouveau · Avec photos ou vidéos · « plaque »',
      filters: { status: 'NEW', hasMedia: 'true', q: 'plaque' },
    });
  });

  it('says why a name is refused, and keeps the form', async () => {
    vi.stubGlobal('fetch', api([]));
    await renderPage(<SavedViewsBar filters={{}} onApply={vi.fn()} />, { lang: 'en' });
    fireEvent.click(await screen.findByRole('button', { name: 'Save view' }, { timeout: 5_000 }));
    const name = screen.getByLabelText('Name of this view');
    fireEvent.change(name, { target: { value: 'Taken' } });
    fireEvent.submit(name.closest('form')!);
    await waitFor(() => screen.getByText('You already have a view with this name. Choose another.'));
    expect(screen.getByLabelText('Name of this view')).toBeTruthy();
  });
});
