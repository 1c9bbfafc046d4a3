import { QueryClientProvider } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { deskQueryClient } from '../api/query-client';

/**
 * A staff route with TanStack Query around it. The provider lives here, not at the root of the app, so
 * that the library loads with the staff pages and public pages never download it.
 */
export function withDeskQueries<P extends object>(Page: ComponentType<P>): ComponentType<P> {
  function DeskQueries(props: P) {
    return (
      <QueryClientProvider client={deskQueryClient()}>
        <Page {...props} />
      </QueryClientProvider>
    );
  }
  return DeskQueries;
}
