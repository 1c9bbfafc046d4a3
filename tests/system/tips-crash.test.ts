import { createChallenge } from 'altcha-lib/v1';
import { createHmac, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';
import { jpegWithGps } from '../support/media-fixtures';
import { BuiltApp, startBuiltApp } from '../support/built-app';
import { sha256, solveChallenge, tipForm } from '../support/tip-client';

// The proof-of-work on, as in production, with a key the test knows: it mints its own challenges
// (at a low difficulty: the server's check costs the same) instead of solving the API's.
const ENCRYPTION_KEY = randomBytes(32);
const ENV = { TIP_RATE_LIMIT: '0', ENCRYPTION_KEY: ENCRYPTION_KEY.toString('base64') };
const ALTCHA_KEY = createHmac('sha256', ENCRYPTION_KEY).update('vigie:altcha').digest('base64url');
const solution = async () =>
  solveChallenge(
    await createChallenge({ hmacKey: ALTCHA_KEY, maxNumber: 50, expires: new Date(Date.now() + 3_600_000) }),
  );

/**
 * "Nothing acknowledged is ever lost": a burst of tips, the API and its database killed with
 * SIGKILL in the middle of it, a restart; every tip that got a 201 must be there, with files
 * whose SHA-256 is the one sent, and its proof-of-work still spent (the reservation before the
 * upload is committed without waiting for its flush; the tip's commit is what makes it last).
 */
it('keeps every acknowledged tip and file, and its spent proof-of-work, through a crash in the middle of a burst', async () => {
  let app: (BuiltApp & { port: number; pgPort: number }) | undefined = await startBuiltApp(ENV);
  try {
    const photo = await jpegWithGps(1600, 1200);
    const acknowledged: { code: string; fileHash?: string; altcha: string }[] = [];
    const solutions = await Promise.all(Array.from({ length: 80 }, solution));
    const attempts = solutions.map((altcha, i) => {
      const withPhoto = i % 3 === 0;
      const body = tipForm(
        { description: `burst tip ${i}` },
        withPhoto ? [{ data: photo, name: `p${i}.jpg`, type: 'image/jpeg' }] : [],
      );
      return fetch(`${app!.baseUrl}/api/public/tips`, {
        method: 'POST',
        body,
        headers: { 'x-altcha': altcha },
      })
        .then(async (res) => {
          if (res.status === 201)
            acknowledged.push({
              code: ((await res.json()) as { code: string }).code,
              fileHash: withPhoto ? sha256(photo) : undefined,
              altcha,
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
    // Single use survives the crash: an acknowledged tip's solution does not carry another tip.
    for (const tip of acknowledged) {
      const again = await fetch(`${app.baseUrl}/api/public/tips`, {
        method: 'POST',
        body: tipForm({ description: 'the same solution, after the crash' }),
        headers: { 'x-altcha': tip.altcha },
      });
      expect(again.status).toBe(400);
      expect(((await again.json()) as { code: string }).code).toBe('CHALLENGE_FAILED');
    }
  } finally {
    await app?.stop();
  }
});
