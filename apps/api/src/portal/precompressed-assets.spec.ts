import express, { static as serveStatic } from 'express';
import type { Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { ASSET_CACHE, precompressedAssets } from './precompressed-assets';

const SCRIPT = Buffer.from(`export const answer = ${JSON.stringify('forty-two '.repeat(200))};\n`);

/** A raw request, so that nothing decodes the body on the way (fetch would). */
async function get(base: string, path: string, acceptEncoding?: string) {
  const { request } = await import('node:http');
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: Buffer;
  }>((resolve, reject) => {
    const req = request(
      `${base}${path}`,
      { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('precompressedAssets', () => {
  let dir: string;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigie-assets-'));
    writeFileSync(join(dir, 'app-abc123.js'), SCRIPT);
    writeFileSync(join(dir, 'app-abc123.js.br'), brotliCompressSync(SCRIPT));
    writeFileSync(join(dir, 'app-abc123.js.gz'), gzipSync(SCRIPT));
    writeFileSync(join(dir, 'marker-abc123.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const app = express();
    app.use('/assets', precompressedAssets(dir), serveStatic(dir, { ...ASSET_CACHE, index: false }));
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends the brotli twin to a browser that takes it, as JavaScript kept for a year', async () => {
    const res = await get(base, '/assets/app-abc123.js', 'gzip, deflate, br, zstd');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/Accept-Encoding/);
    expect(brotliDecompressSync(res.body).equals(SCRIPT)).toBe(true);
  });

  it('sends gzip to a client without brotli, and the plain file to one that takes neither', async () => {
    const gz = await get(base, '/assets/app-abc123.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(SCRIPT)).toBe(true);

    const refused = await get(base, '/assets/app-abc123.js', 'br;q=0, gzip');
    expect(refused.headers['content-encoding']).toBe('gzip');

    const plain = await get(base, '/assets/app-abc123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(SCRIPT)).toBe(true);
    expect(plain.headers.vary).toMatch(/Accept-Encoding/);
  });

  it('leaves files without a twin, and unknown names, to the static handler', async () => {
    const image = await get(base, '/assets/marker-abc123.png', 'br');
    expect(image.status).toBe(200);
    expect(image.headers['content-encoding']).toBeUndefined();
    expect((await get(base, '/assets/gone-000000.js', 'br')).status).toBe(404);
    expect((await get(base, '/assets/../app-abc123.js', 'br')).status).toBe(404);
  });
});
