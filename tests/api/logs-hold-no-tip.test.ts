import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { forwardablePostgresLine } from '../../apps/api/src/database/postgres-log';
import { ApiClient } from '../support/api-client';
import { POSTGRES_OUTPUT } from '../support/constants';
import { startTestApp, TestApp } from '../support/test-app';
import { tipForm } from '../support/tip-client';

/*
 * A tip insert that fails in the database must leave no trace of the tip anywhere: not in
 * Postgres's own output (its "DETAIL: Failing row contains (…)" printed the whole row), not in
 * what we forward of it, not in the application's log at its most verbose, not in any file of the
 * data folder (the cluster's files included). The test cluster runs with the settings `npm start`
 * uses, and global-setup keeps all of its output.
 */
let t: TestApp;
const runDir = process.env.VIGIE_TEST_DATA_DIR!;
const logFile = join(runDir, `logs-hold-no-tip-${randomBytes(4).toString('hex')}.log`);

beforeAll(async () => {
  t = await startTestApp({ LOG_LEVEL: 'trace', LOG_FILE: logFile, TIP_CHALLENGE: 'off' });
});
afterAll(() => t.close());

/**
 * ALTER TABLE waits for every transaction that touched `tip`. A clean-clone run once waited past the
 * test's minute: each try now gives up after 10 s and prints who held the table, then tries again.
 */
async function addCanaryConstraint(): Promise<void> {
  await t.db.query(`SET lock_timeout = '10s'`);
  for (let attempt = 1; ; attempt++) {
    try {
      await t.db.query(
        `ALTER TABLE tip ADD CONSTRAINT test_canary CHECK (strpos(description, 'canary-') = 0)`,
      );
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== '55P03' || attempt === 4) throw err;
      const holders = await t.db.query(
        `SELECT a.pid, a.state, a.application_name, left(a.query, 120) AS query, now() - a.xact_start AS open_for
           FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
          WHERE l.relation = 'tip'::regclass AND a.pid <> pg_backend_pid()`,
      );
      console.log(`tip was held (try ${attempt}):`, JSON.stringify(holders.rows));
    }
  }
}

it('keeps a tip refused by a database constraint out of every log and file', async () => {
  // A constraint the tip will break. Its definition must not hold the marker (the catalog is a
  // file in the data folder too): it refuses any description with "canary-" in it.
  await addCanaryConstraint();
  const marker = `canary-${randomBytes(8).toString('hex')}`;

  const res = await new ApiClient(t.baseUrl).post(
    '/api/public/tips',
    tipForm({ description: `Le suspect est au 12 rue ${marker}`, place: `Parc ${marker}` }),
  );
  expect(res.status).toBe(500);
  expect(res.body.correlationId).toEqual(expect.any(String));

  // The failure was seen and reported (so the searches below do not look at nothing)...
  const postgresOutput = await eventually(
    () => readFile(join(runDir, POSTGRES_OUTPUT), 'utf8'),
    (out) => out.includes('violates check constraint "test_canary"'),
  );
  const log = await eventually(
    () => readFile(logFile, 'utf8'),
    (out) => out.includes(res.body.correlationId),
  );
  expect(postgresOutput.split('\n').map(forwardablePostgresLine)).toContain(
    'ERROR: new row for relation "tip" violates check constraint "test_canary"',
  );
  // ...and the tip is nowhere: not in Postgres's output, not in our log, not on disk.
  await t.db.query('CHECKPOINT'); // what Postgres holds in memory, written to its files
  expect(postgresOutput.split('\n').filter((l) => l.includes(marker))).toEqual([]);
  expect(log.split('\n').filter((l) => l.includes(marker))).toEqual([]);
  const scan = await filesHolding(runDir, Buffer.from(marker), await otherFilesFolders());
  expect(scan.hits).toEqual([]);
  // What was searched holds what this tip could have reached: its database, the WAL, the app's files.
  const { rows } = await t.db.query(`SELECT oid FROM pg_database WHERE datname = current_database()`);
  for (const folder of [
    join(runDir, 'postgres', 'base', String(rows[0].oid)),
    join(runDir, 'postgres', 'pg_wal'),
    t.dataDir,
  ])
    expect(scan.searched.some((path) => path.startsWith(folder + sep))).toBe(true);
});

/**
 * The folders of the run that belong to the other test files: their databases in the shared
 * cluster (base/<oid>) and their apps' data folders. This tip cannot be in them, and reading them
 * all (a gigabyte late in the run) is what made this test slow; everything else is searched.
 */
async function otherFilesFolders(): Promise<string[]> {
  const { rows } = await t.db.query(`SELECT oid FROM pg_database WHERE datname <> current_database()`);
  const databases = rows.map((r: { oid: number }) => join(runDir, 'postgres', 'base', String(r.oid)));
  const apps = (await readdir(runDir, { withFileTypes: true }))
    .filter((e) => e.isDirectory() && e.name.startsWith('vigie_t_') && join(runDir, e.name) !== t.dataDir)
    .map((e) => join(runDir, e.name));
  return [...databases, ...apps];
}

async function eventually(read: () => Promise<string>, done: (text: string) => boolean): Promise<string> {
  for (let i = 0; ; i++) {
    const text = await read().catch(() => '');
    if (done(text) || i === 50) return text;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function filesHolding(
  dir: string,
  needle: Buffer,
  skipped: string[],
): Promise<{ hits: string[]; searched: string[] }> {
  const hits: string[] = [];
  const searched: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if (skipped.some((folder) => path.startsWith(folder + sep))) continue;
    searched.push(path);
    const bytes = await readFile(path).catch(() => Buffer.alloc(0)); // a file removed meanwhile
    if (bytes.includes(needle)) hits.push(path);
  }
  return { hits, searched };
}
