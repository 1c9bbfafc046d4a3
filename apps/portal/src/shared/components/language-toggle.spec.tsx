import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../test-utils';
import { LANGUAGE_STORAGE_KEY } from '../i18n/language';
import { SiteHeader } from './site-header';

describe('LanguageToggle', () => {
  it('switches the interface, keeps <html lang> in sync and remembers the choice', async () => {
    localStorage.removeItem(LANGUAGE_STORAGE_KEY);
    await renderPage(<SiteHeader />, { lang: 'fr' });
    expect(document.documentElement.lang).toBe('fr');
    expect(screen.getByRole('link', { name: 'Avis publics' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /^EN/ }));

    await screen.findByRole('link', { name: 'Public appeals' });
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(screen.getByRole('button', { name: /^EN/ }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: /^FR/ }).getAttribute('aria-pressed')).toBe('false');
  });
});
