import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PublicHttp, type HostLookup } from '../../../common/public-http';
import type { AppConfig } from '../../../config/app-config';
import { DiskMediaStore } from '../../../media/disk-media-store';
import { ReceivedMedia } from './received-media';

/**
 * As deployed (SOCIAL_MEDIA_ALLOW_INSECURE and SOCIAL_ALLOW_INSECURE_SERVICE off): a received
 * message's file on an internal address is never called, whether the address is written as one
 * or a public-looking name resolves to one, and whoever's server it claims to be.
 */
describe('ReceivedMedia, as deployed', () => {
  let server: Server;
  let port: number;
  let calls = 0;
  // A name that looks public and resolves to loopback (a hostile DNS answer).
  const lookup: HostLookup = (hostname) =>
    Promise.resolve(
      hostname === 'photos.example'
        ? [{ address: '127.0.0.1', family: 4 }]
        : [{ address: '203.0.113.9', family: 4 }],
    );
  const config = {
    env: { SOCIAL_MEDIA_ALLOW_INSECURE: false, SOCIAL_ALLOW_INSECURE_SERVICE: false, TIP_FILE_MAX_MB: 1 },
  } as AppConfig;
  const media = new ReceivedMedia(
    config,
    new DiskMediaStore(mkdtempSync(join(tmpdir(), 'vigie-received-'))),
    new PublicHttp(lookup),
  );

  beforeAll(async () => {
    server = createServer((_req, res) => {
      calls++;
      res.writeHead(200, { 'content-type': 'image/jpeg' }).end('not reached');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('refuses internal addresses with the reason, calling none of them', async () => {
    const urls = [
      `http://127.0.0.1:${port}/a.jpg`,
      `https://127.0.0.1:${port}/a.jpg`,
      `https://photos.example:${port}/a.jpg`,
      'https://169.254.169.254/latest/meta-data/iam',
      'https://[::1]/a.jpg',
      'file:///etc/passwd',
      'not a url',
    ];
    const fetched = await media.fetch(urls, `https://127.0.0.1:${port}`);
    expect(fetched.files).toEqual([]);
    expect(fetched.media.map((m) => [m.url, m.state, m.state === 'REFUSED' ? m.reason : null])).toEqual([
      [urls[0], 'REFUSED', 'Not fetched: not a public https address'],
      [urls[1], 'REFUSED', 'Not fetched: not a public https address'],
      [urls[2], 'REFUSED', 'Not fetched: not a public https address'],
      [urls[3], 'REFUSED', 'Not fetched: not a public https address'],
      [urls[4], 'REFUSED', 'Not fetched: not a public https address'],
      [urls[5], 'REFUSED', 'Not fetched: not a public https address'],
      [urls[6], 'REFUSED', 'Not a URL'],
    ]);
    expect(calls).toBe(0);
  });

  it('keeps at most ten files of one message', async () => {
    const fetched = await media.fetch(
      Array.from({ length: 14 }, (_, i) => `http://127.0.0.1:${port}/${i}.jpg`),
      'https://social.example',
    );
    expect(fetched.media).toHaveLength(10);
    expect(calls).toBe(0);
  });
});
