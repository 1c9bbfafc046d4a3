import type { TipDetail, TipMediaView } from '@vigie/common';
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderPage } from '../../../test-utils';
import '../../i18n/desk-catalogue';
import { MediaSection } from './tip-media-section';

const TIP = 't1';
const url = (media: string, file: string) => `/api/tips/${TIP}/media/${media}/${file}`;

const VIDEO: TipMediaView = {
  id: 'v1',
  kind: 'video',
  mime: 'video/quicktime',
  bytes: 1000,
  sha256: 'a'.repeat(64),
  state: 'READY' as TipMediaView['state'],
  renditions: [
    { name: 'poster', format: 'webp', width: 360, height: 640, url: url('v1', 'poster.webp') },
    { name: 'clean', format: 'mov', width: 360, height: 640, url: url('v1', 'clean.mov') },
    { name: 'play', format: 'mp4', width: 360, height: 640, playable: true, url: url('v1', 'play.mp4') },
  ],
  evidence: {
    capturedAt: '2026-11-20T18:42:07-05:00',
    latitude: 45.5088,
    longitude: -73.5878,
    accuracyM: 14.8,
    device: { make: 'Apple', model: 'iPhone 16' },
    durationS: 3,
  },
  receivedAt: '2026-11-21T00:00:00.000Z',
};
const PHOTO: TipMediaView = {
  ...VIDEO,
  id: 'p1',
  kind: 'image',
  mime: 'image/jpeg',
  renditions: [
    { name: 'preview', format: 'jpeg', width: 1600, height: 1200, url: url('p1', 'preview.jpeg') },
    { name: 'thumb', format: 'webp', width: 320, height: 240, url: url('p1', 'thumb.webp') },
  ],
  evidence: { capturedAt: '2026-07-14T21:05:00', width: 1600, height: 1200 },
};
const tip = { id: TIP, media: [VIDEO, PHOTO] } as TipDetail;

function signedIn() {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () =>
      jsonResponse(200, {
        id: 'u1',
        displayName: 'Sam',
        roles: ['INVESTIGATOR'],
        agency: { id: 'a', name: 'Demo', slug: 'demo', requireTotp: false, timeZone: 'America/Vancouver' },
      }),
    ),
  );
}

describe('MediaSection', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('plays a video from its playable copy, with its poster frame', async () => {
    signedIn();
    await renderPage(<MediaSection tip={tip} canTriage />, { lang: 'en' });
    const video = screen.getByLabelText('Video 1 sent with the tip (cleaned copy)') as HTMLVideoElement;
    expect(video.tagName).toBe('VIDEO');
    expect(video.getAttribute('src')).toBe(url('v1', 'play.mp4'));
    expect(video.getAttribute('poster')).toBe(url('v1', 'poster.webp'));
    expect(video.controls).toBe(true);
  });

  it('labels the evidence in the desk’s language, on the agency’s clock, with no key or JSON', async () => {
    signedIn();
    const { container } = await renderPage(<MediaSection tip={tip} canTriage />, { lang: 'fr' });
    const rows = within(container.querySelector('.tip-media__item')!);
    expect(await rows.findByText(/15\sh\s42\smin\s07\ss/)).toBeTruthy(); // 18:42 in Montréal, read in Vancouver
    expect(rows.getByText('Prise de vue')).toBeTruthy();
    expect(rows.getByText('45.50880, -73.58780 (± 15 m)')).toBeTruthy();
    expect(rows.getByText('Apple iPhone 16')).toBeTruthy();
    expect(rows.getByText('Durée')).toBeTruthy();
    const text = container.textContent ?? '';
    for (const raw of ['capturedAt', 'latitude', 'accuracyM', 'device', 'durationS', '{', '"'])
      expect(text).not.toContain(raw);
    expect(screen.getByText(/horloge de l’appareil, fuseau horaire non enregistré/)).toBeTruthy();
  });

  it('opens a photo at full size, and zooms with + − and 0', async () => {
    signedIn();
    await renderPage(<MediaSection tip={tip} canTriage />, { lang: 'en' });
    fireEvent.click(screen.getByRole('button', { name: /Photo 2 sent with the tip/ }));
    const dialog = screen.getByRole('dialog', { name: /Photo 2 sent with the tip/ });
    const img = within(dialog).getByRole('img', { name: 'Photo 2 sent with the tip' });
    expect(img.getAttribute('src')).toBe(url('p1', 'preview.jpeg'));
    const level = within(dialog).getByRole('status');
    expect(level.textContent).toBe('Fit');
    fireEvent.keyDown(dialog, { key: '+' });
    fireEvent.keyDown(dialog, { key: '+' });
    expect(level.textContent).toBe('150%');
    expect(img.style.width).toBe('2400px');
    fireEvent.keyDown(dialog, { key: '-' });
    expect(level.textContent).toBe('100%');
    fireEvent.keyDown(dialog, { key: '0' });
    expect(level.textContent).toBe('Fit');
    expect(img.style.width).toBe('');
  });
});
