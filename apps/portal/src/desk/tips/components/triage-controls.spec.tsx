import { fireEvent, screen } from '@testing-library/react';
import type { TipDetail } from '@vigie/common';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderPage } from '../../../test-utils';
import '../../i18n/desk-catalogue';
import { TriageControls } from './triage-controls';

const TIP = '0f8f5e2a-1111-4aaa-8bbb-000000000001';

describe('TriageControls: a change made from a stale version', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('says what the tip is now, from what the 409 carries', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>(async (input, init) => {
        const path = String(input);
        if (path === `/api/tips/${TIP}` && init?.method === 'PATCH')
          return jsonResponse(409, {
            statusCode: 409,
            code: 'STALE_VERSION',
            message: 'Someone else changed this tip since you opened it',
            current: { version: 4, status: 'ACTIONABLE', priority: 'HIGH', assigneeId: null, tags: [] },
          });
        if (path.startsWith('/api/tips/assignees')) return jsonResponse(200, []);
        return jsonResponse(404, { statusCode: 404, code: 'NOT_FOUND', message: path });
      }),
    );
    const tip = {
      id: TIP,
      version: 2,
      status: 'IN_REVIEW',
      priority: 'NORMAL',
      tags: [],
    } as unknown as TipDetail;
    await renderPage(<TriageControls tip={tip} canTriage meId="u1" />, { lang: 'en' });

    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'ACTIONABLE' } });
    expect(await screen.findByText('Changed by someone else')).toBeTruthy();
    expect(
      screen.getByText(/It is now: .*, priority .*\. Nothing you did was saved\./).textContent,
    ).not.toContain('—');
  });
});
