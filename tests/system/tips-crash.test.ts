import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';
import { jpegWithGps } from '../support/media-fixtures';
import { BuiltApp, startBuiltApp } from '../support/built-app';
import { sha256, tipForm } from '../support/tip-client';

const ENV = { TIP_CHALLENGE: 'off', TIP_RATE_LIMIT: '0' };

/**
 * "Nothing acknowledged is ever lost": a burst of tips, the API and its database killed with
 * SIGKILL in the middle of it, a restart; every tip that got a 201 must be there, with files
 * whose SHA-256 is the one sent.
 */
it('keeps every acknowledged tip and file through a crash in the middle of a burst', async () => {
  let app: (BuiltApp & { port: number; pgPort: number }) | undefined = await startBuiltApp(ENV);
  try {
    const photo = await jpegWithGps(1600, 1200);
    const acknowledged: { code: string; fileHash?: string }[] = [];
    const attempts = Array.from({ length: 80 }, (_, i) => {
      const withPhoto = i % 3 === 0;
      const body = tipForm(
        { description: `burst tip ${i}` },
        withPhoto ? [{ data: photo, name: `p${i}.jpg`, type: 'image/jpeg' }] : [],
      );
      return fetch(`${app!.baseUrl}/api/public/tips`, { method: 'POST', body })
        .then(async (res) => {
          if (res.status === 201)
            acknowledged.push({
              code: ((await res.json()) as { code: string }).code,
              fileHash: withPhoto ? sha256(photo) : undefined,
            });
        })
        .catch(() => undefined); // connections cut by the crash
    });
    // Crash in the middle: once some tips are acknowledged and others are still in flight.
    for (let i = 0; i < 200 && acknowledged.length < 10; i++) await new Promise((r) => setTimeout(r, 50));
    await app.crash();
    await Promise.all(attempts);
    expect(acknowledged.length).toBeGreaterThan(0);

    app = await startBuiltApp(ENV, { dataDir: app.dataDir, port: app.port, pgPort: app.pgPort });
    const password = (await readFile(join(app.dataDir, 'postgres.secret'), 'utf8')).trim();
    const db = new Client({
      connectionString: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${app.pgPort}/vigie`,
    });
    await db.connect();
    try {
      for (const tip of acknowledged) {
        const { rows } = await db.query(
          `SELECT t.id, m.id AS media_id, m.sha256 FROM tip t LEFT JOIN tip_media m ON m.tip_id = t.id WHERE t.code = $1`,
          [tip.code],
        );
        expect(rows.length).toBe(1);
        if (tip.fileHash) {
          expect(rows[0].sha256).toBe(tip.fileHash);
          const sealed = await readFile(
            join(app.dataDir, 'media', 'sealed', 'tips', rows[0].id, rows[0].media_id),
          );
          expect(sha256(sealed)).toBe(tip.fileHash);
        }
      }
    } finally {
      await db.end();
    }
  } finally {
    await app?.stop();
  }
});
