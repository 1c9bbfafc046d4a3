import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import i18next from 'i18next';
import type { StaffProfile } from '@vigie/common';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { createQueryClient } from './desk/api/query-client';
import { forgetPublicResources } from './public/api/public-resource';
import { initI18n } from './shared/i18n/i18n';

if (!i18next.isInitialized) initI18n();

/**
 * Renders UI as the app does (router, i18n; React Query as the desk routes have it), starting at `path`,
 * in French unless told. Each page starts with nothing cached: neither the desk's queries nor the public
 * pages' answers.
 */
export async function renderPage(
  ui: ReactNode,
  { path = '/', lang = 'fr' }: { path?: string; lang?: string } = {},
) {
  await i18next.changeLanguage(lang);
  forgetPublicResources();
  const queryClient = createQueryClient();
  return render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[path]}>{ui}</MemoryRouter>
    </QueryClientProvider>,
  );
}

export function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** A signed-in staff member of the demo agency, as `GET /api/auth/me` answers; specs change what they need. */
export function staffProfile(over: Partial<StaffProfile> = {}): StaffProfile {
  return {
    id: 'u-1',
    email: 'someone@demo.test',
    displayName: 'Someone',
    roles: [],
    agency: {
      id: 'a1',
      name: 'Demo Police Service',
      slug: 'demo',
      requireTotp: false,
      timeZone: 'America/Toronto',
    },
    totpEnabled: true,
    totpEnrolmentRequired: false,
    csrfToken: 'csrf',
    mapTiles: null,
    ...over,
  };
}
