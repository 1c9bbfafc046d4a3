import { StaffRole } from '@vigie/common';
import { focusManager } from '@tanstack/react-query';
import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderPage, staffProfile } from '../../../test-utils';
import '../../i18n/desk-catalogue';
import { DeskNav } from '../../components/desk-nav';

const COUNT_URL = '/api/reach/social/posts/attention/count';

describe('"Posts to check" in the desk navigation', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => vi.stubGlobal('fetch', fetchMock));
  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
  });

  function answers(count: () => Response) {
    fetchMock.mockImplementation(async (input) => {
      if (String(input) === COUNT_URL) return count();
      throw new Error(`unexpected ${String(input)}`);
    });
  }

  it('shows how many posts wait, named with its words in English and French', async () => {
    answers(() => jsonResponse(200, { count: 3 }));
    const en = await renderPage(<DeskNav profile={staffProfile({ roles: [StaffRole.PIO] })} />, {
      lang: 'en',
    });
    const link = await screen.findByRole('link', { name: '3 posts to check' });
    expect(link.getAttribute('href')).toBe('/desk/reach/attention');
    // Seen as the words then the number; the number alone is not read twice.
    expect(link.textContent).toBe('Posts to check3');
    expect(link.querySelector('.desk-nav__count')?.getAttribute('aria-hidden')).toBe('true');
    en.unmount();

    await renderPage(<DeskNav profile={staffProfile({ roles: [StaffRole.SUPERVISOR] })} />, { lang: 'fr' });
    expect(await screen.findByRole('link', { name: '3 publications à vérifier' })).toBeTruthy();
  });

  it('says one post in the singular', async () => {
    answers(() => jsonResponse(200, { count: 1 }));
    await renderPage(<DeskNav profile={staffProfile({ roles: [StaffRole.ADMIN] })} />, { lang: 'fr' });
    expect(await screen.findByRole('link', { name: '1 publication à vérifier' })).toBeTruthy();
  });

  it('shows nothing at zero, nor when the count cannot be read', async () => {
    answers(() => jsonResponse(200, { count: 0 }));
    const zero = await renderPage(<DeskNav profile={staffProfile({ roles: [StaffRole.PIO] })} />, {
      lang: 'en',
    });
    await waitFor(() => expect(fetchMock).toHaveBeenCalledWith(COUNT_URL, expect.anything()));
    const link = screen.getByRole('link', { name: 'Posts to check' });
    expect(link.querySelector('.desk-nav__count')).toBeNull();
    zero.unmount();

    fetchMock.mockReset();
    answers(() => jsonResponse(503, { statusCode: 503, message: 'Service Unavailable' }));
    await renderPage(<DeskNav profile={staffProfile({ roles: [StaffRole.PIO] })} />, { lang: 'en' });
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    expect(screen.getByRole('link', { name: 'Posts to check' }).querySelector('.desk-nav__count')).toBeNull();
  });

  it('takes the count away when a later read fails, rather than show one that may be stale', async () => {
    let answer = () => jsonResponse(200, { count: 3 });
    answers(() => answer());
    await renderPage(<DeskNav profile={staffProfile({ roles: [StaffRole.PIO] })} />, { lang: 'en' });
    await screen.findByRole('link', { name: '3 posts to check' });
    // Asked again when the window comes back to the desk; this time the read is refused.
    answer = () => jsonResponse(403, { statusCode: 403, message: 'Forbidden' });
    act(() => {
      focusManager.setFocused(false);
      focusManager.setFocused(true);
    });
    await screen.findByRole('link', { name: 'Posts to check' });
    expect(screen.getByRole('link', { name: 'Posts to check' }).querySelector('.desk-nav__count')).toBeNull();
    act(() => focusManager.setFocused(undefined));
  });

  it('is neither shown nor asked for by staff who may not see the posts', async () => {
    answers(() => jsonResponse(200, { count: 3 }));
    for (const role of [StaffRole.INVESTIGATOR, StaffRole.ANALYST]) {
      const page = await renderPage(<DeskNav profile={staffProfile({ roles: [role] })} />, { lang: 'en' });
      expect(screen.getByRole('navigation')).toBeTruthy();
      expect(screen.queryByRole('link', { name: /posts to check/i })).toBeNull();
      page.unmount();
    }
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
