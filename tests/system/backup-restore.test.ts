import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  anchorFileOf,
  anchorKey,
  appendAnchors,
  readAnchors,
  signAnchors,
} from '../../apps/api/src/audit/audit-anchors';
import { ApiClient } from '../support/api-client';
import { BuiltApp, startBuiltApp } from '../support/built-app';
import { freePort } from '../support/free-port';
import { jpegWithGps } from '../support/media-fixtures';
import { sha256, tipForm } from '../support/tip-client';

const ENV = { TIP_CHALLENGE: 'off', TIP_RATE_LIMIT: '0' };
const ROOT = join(__dirname, '../..');

/** Runs one of the built command-line tools as `npm run <tool>` does, to its end. */
function cli(
  tool: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'apps/api/dist/cli', `${tool}.js`), ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

const dbOf = async (dataDir: string, pgPort: number) => {
  const password = (await readFile(join(dataDir, 'postgres.secret'), 'utf8')).trim();
  const db = new Client({
    connectionString: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/vigie`,
  });
  await db.connect();
  return db;
};

/** Anchors every audit chain now, as the scheduled job does, so the restore has anchors to check. */
async function anchorNow(dataDir: string, pgPort: number): Promise<number> {
  const key = Buffer.from((await readFile(join(dataDir, 'encryption.key'), 'utf8')).trim(), 'base64');
  const file = anchorFileOf({ DATA_DIR: dataDir });
  const db = await dbOf(dataDir, pgPort);
  try {
    const heads = (
      await db.query(
        `SELECT DISTINCT ON (chain) chain, id::text, hash FROM audit_event ORDER BY chain, id DESC`,
      )
    ).rows;
    const last = (await readAnchors(file)).at(-1)?.mac ?? '';
    await appendAnchors(file, signAnchors(anchorKey(key), heads, last));
    return heads.length;
  } finally {
    await db.end();
  }
}

async function sendTip(app: BuiltApp, description: string, photo?: Buffer): Promise<string> {
  const res = await fetch(`${app.baseUrl}/api/public/tips`, {
    method: 'POST',
    body: tipForm({ description }, photo ? [{ data: photo, name: 'p.jpg', type: 'image/jpeg' }] : []),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { code: string }).code;
}

/**
 * Backup of a running deployment, restore into a new DATA_DIR, start on it: every tip acknowledged
 * before the backup is there with its sealed files byte for byte, the audit log and its anchors
 * verify, and what came after the backup is not there. A backup also runs with the API stopped.
 */
it('backs up a running deployment and restores it into a new DATA_DIR that starts and verifies', async () => {
  const scratch = await mkdtemp(join(tmpdir(), 'vigie-backup-'));
  await chmod(scratch, 0o755); // the restored cluster's user (postgres, under root) must reach its folder
  const archive = join(scratch, 'vigie-backup.zip');
  let original: (BuiltApp & { port: number; pgPort: number }) | undefined = await startBuiltApp(ENV);
  let restored: BuiltApp | undefined;
  try {
    const before: { code: string; hash: string }[] = [];
    for (const [w, h] of [
      [1600, 1200],
      [1200, 900],
      [800, 600],
    ]) {
      const photo = await jpegWithGps(w, h);
      before.push({ code: await sendTip(original, `before the backup ${w}`, photo), hash: sha256(photo) });
    }
    // Staff actions put events in the audit chain (sign-in, a tip read); then the chains are anchored.
    const staff = await ApiClient.signedIn(original.baseUrl, 'investigator@demo.test');
    expect((await staff.get('/api/tips')).status).toBe(200);
    expect(await anchorNow(original.dataDir, original.pgPort)).toBeGreaterThan(0);

    const env = { DATA_DIR: original.dataDir, EMBEDDED_PG_PORT: String(original.pgPort) };
    const backup = await cli('backup', [archive], env);
    expect(backup.output).toContain(`Backup written to ${archive}`);
    expect(backup.code).toBe(0);
    expect((await cli('backup', [archive], env)).output).toContain('already exists');
    const after = await sendTip(original, 'after the backup');

    // Never over a deployment: a DATA_DIR with anything in it is refused, and left as it was.
    const occupied = join(scratch, 'occupied');
    await mkdir(occupied);
    await writeFile(join(occupied, 'keep-me'), 'x');
    const refused = await cli('restore', [archive], {
      DATA_DIR: occupied,
      EMBEDDED_PG_PORT: String(await freePort()),
    });
    expect(refused.code).toBe(1);
    expect(refused.output).toContain(`DATA_DIR ${occupied} is not empty`);

    const dataDir = join(scratch, 'restored');
    const pgPort = await freePort();
    const restore = await cli('restore', [archive], { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort) });
    expect(restore.output).toMatch(
      /Sealed originals: \d+ checked, every SHA-256 matches the one sealed at receipt/,
    );
    expect(Number(/Sealed originals: (\d+)/.exec(restore.output)![1])).toBeGreaterThanOrEqual(before.length);
    expect(restore.output).toMatch(
      /Audit log intact: \d+ events in \d+ chain\(s\); [1-9]\d* anchor\(s\) match/,
    );
    expect(restore.code).toBe(0);

    restored = await startBuiltApp(ENV, { dataDir, pgPort });
    const db = await dbOf(dataDir, pgPort);
    try {
      for (const tip of before) {
        const { rows } = await db.query(
          `SELECT t.id, m.id AS media_id, m.sha256 FROM tip t JOIN tip_media m ON m.tip_id = t.id WHERE t.code = $1`,
          [tip.code],
        );
        expect(rows).toHaveLength(1);
        expect(rows[0].sha256).toBe(tip.hash);
        const sealed = await readFile(join(dataDir, 'media', 'sealed', 'tips', rows[0].id, rows[0].media_id));
        expect(sha256(sealed)).toBe(tip.hash);
      }
      expect((await db.query(`SELECT 1 FROM tip WHERE code = $1`, [after])).rowCount).toBe(0);
    } finally {
      await db.end();
    }
    // The restored deployment serves its staff: the same investigator signs in and sees the tips.
    const restoredStaff = await ApiClient.signedIn(restored.baseUrl, 'investigator@demo.test');
    expect((await restoredStaff.get('/api/tips')).status).toBe(200);
    const verify = await cli('audit-verify', [], { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort) });
    expect(verify.output).toContain('Audit log intact');
    expect(verify.code).toBe(0);

    // With the API stopped, the backup starts the embedded database itself, and stops it after.
    await original.stop({ keepData: true });
    const stopped = await cli('backup', [join(scratch, 'while-stopped.zip')], env);
    expect(stopped.output).toContain('Backup written');
    expect(stopped.code).toBe(0);
    await rm(original.dataDir, { recursive: true, force: true });
    original = undefined;
  } finally {
    await restored?.stop();
    await original?.stop();
    await rm(scratch, { recursive: true, force: true });
  }
});
