import { act, fireEvent, screen } from '@testing-library/react';
import {
  StaffRole,
  TipChannel,
  TipPriority,
  TipStatus,
  type InboxPage as InboxPageView,
  type TipSummary,
} from '@vigie/common';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Link, Route, Routes, useLocation } from 'react-router';
import { jsonResponse, renderPage, staffProfile } from '../../../test-utils';
import '../../i18n/desk-catalogue';
import { InboxPage } from './inbox-page';

const tip = (n: number): TipSummary => ({
  id: `0f8f5e2a-0000-4aaa-8bbb-00000000000${n}`,
  code: `K7QM-2XH${n}`,
  status: TipStatus.NEW,
  priority: TipPriority.NORMAL,
  channel: TipChannel.WEB,
  receivedAt: `2026-12-07T2${n}:00:00.000Z`,
  excerpt: `Une camionnette blanche ${n}`,
  tags: [],
  mediaCount: 0,
  hasLocation: false,
  duplicateCount: 0,
  newFromTipster: false,
  version: 1,
});
const TIPS = [tip(1), tip(2), tip(3)];

function api() {
  return vi.fn<typeof fetch>(async (input) => {
    const path = String(input);
    if (path === '/api/auth/me') return jsonResponse(200, staffProfile({ roles: [StaffRole.INVESTIGATOR] }));
    if (path.startsWith('/api/tips?')) {
      const page: InboxPageView = { items: TIPS, groups: [], nextCursor: null, counts: null, countCap: 1000 };
      return jsonResponse(200, page);
    }
    if (path === '/api/tips/views') return jsonResponse(200, []);
    // The open tip's pane and its sections: not what is looked at here.
    return jsonResponse(404, { statusCode: 404, code: 'NOT_FOUND', message: path });
  });
}

/** The browser's idle moments, given by the test: the address a move waits to write is written when it says. */
const idle = new Map<number, IdleRequestCallback>();
let nextHandle = 1;
function runIdle() {
  act(() => {
    const due = [...idle.values()];
    idle.clear();
    for (const work of due) work({ didTimeout: false, timeRemaining: () => 50 });
  });
}

/** Where the router is: what a reload or a shared link would open. */
function Address() {
  const { pathname, search } = useLocation();
  return <output data-testid="address">{`${pathname}${search}`}</output>;
}
const address = () => screen.getByTestId('address').textContent;

async function renderDesk() {
  await renderPage(
    <>
      <Routes>
        <Route element={<InboxPage />}>
          <Route path="/desk" element={null} />
          <Route path="/desk/tips/:id" element={null} />
        </Route>
      </Routes>
      <Address />
      <Link to={`/desk/tips/${TIPS[2].id}?q=camionnette`}>elsewhere</Link>
    </>,
    { path: '/desk?q=camionnette', lang: 'en' },
  );
  await listed('q=camionnette');
}

/** The inbox answered for these filters: j walks its tips (the rows are virtualised, unsized in jsdom). */
async function listed(query: string) {
  await vi.waitFor(() => {
    expect(vi.mocked(fetch).mock.calls.some(([path]) => String(path).includes(query))).toBe(true);
    expect(document.querySelector('.inbox-list__scroller')).not.toBeNull();
  });
}
const pressJ = () => fireEvent.keyDown(window, { key: 'j' });

describe('InboxPage: the address names the open tip and the filters', () => {
  beforeEach(() => {
    vi.stubGlobal('fetch', api());
    // A desktop: the tip opens beside the list, and its address follows when the browser is idle.
    vi.stubGlobal('matchMedia', (query: string) => ({
      matches: true,
      media: query,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    }));
    vi.stubGlobal('requestIdleCallback', (work: IdleRequestCallback) => {
      const handle = nextHandle++;
      idle.set(handle, work);
      return handle;
    });
    vi.stubGlobal('cancelIdleCallback', (handle: number) => idle.delete(handle));
  });
  afterEach(() => {
    idle.clear();
    vi.unstubAllGlobals();
  });

  it('waits for an idle moment to name the tip j opened', async () => {
    await renderDesk();
    pressJ();
    // Drawn at once, named once the browser has a moment.
    await vi.waitFor(() =>
      expect(vi.mocked(fetch).mock.calls.some(([p]) => String(p) === `/api/tips/${TIPS[0].id}`)).toBe(true),
    );
    expect(address()).toBe('/desk?q=camionnette');
    runIdle();
    expect(address()).toBe(`/desk/tips/${TIPS[0].id}?q=camionnette`);
  });

  it('keeps both when a filter changes before the address of a move is written', async () => {
    await renderDesk();
    pressJ();
    fireEvent.click(screen.getByRole('button', { name: 'New' }));
    runIdle();
    expect(address()).toBe(`/desk/tips/${TIPS[0].id}?q=camionnette&status=NEW`);
    // A second move, then a filter again: still both.
    await listed('status=NEW');
    pressJ();
    fireEvent.click(screen.getByRole('button', { name: 'All' }));
    runIdle();
    expect(address()).toBe(`/desk/tips/${TIPS[1].id}?q=camionnette`);
  });

  it('keeps both when j comes before the router has drawn a filter', async () => {
    await renderDesk();
    // Both in one task: the router has not drawn the filter when j asks for its address.
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'New' }));
      pressJ();
    });
    runIdle();
    expect(address()).toBe(`/desk/tips/${TIPS[0].id}?q=camionnette&status=NEW`);
  });

  it('goes on from the tip j is on when the router draws an earlier move’s address late', async () => {
    await renderDesk();
    pressJ();
    // The first move's address is written, and j pressed again, before the router draws that address.
    act(() => {
      for (const work of idle.values()) work({ didTimeout: false, timeRemaining: () => 50 });
      idle.clear();
      pressJ();
    });
    // Drawn late, that address does not take the investigator back to the first tip: j goes on.
    pressJ();
    runIdle();
    expect(address()).toBe(`/desk/tips/${TIPS[2].id}?q=camionnette`);
  });

  it('drops a move still waiting when the investigator follows a link meanwhile', async () => {
    await renderDesk();
    pressJ();
    fireEvent.click(screen.getByRole('link', { name: 'elsewhere' }));
    runIdle();
    expect(address()).toBe(`/desk/tips/${TIPS[2].id}?q=camionnette`);
  });
});
