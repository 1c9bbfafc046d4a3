import type { ArgumentsHost } from '@nestjs/common';
import { Client, Pool } from 'pg';
import { DataSource } from 'typeorm';
import { AllExceptionsFilter } from '../../apps/api/src/common/all-exceptions.filter';
import { BoundedClient, withStatementTimeout } from '../../apps/api/src/database/bounded-client';
import { databaseUnavailableKind } from '../../apps/api/src/database/database-unavailable';
import { ApiClient, type ApiResponse } from '../support/api-client';
import { startDatabaseProxy, type DatabaseProxy } from '../support/database-proxy';
import { startTestApp, TestApp } from '../support/test-app';
import { tipForm } from '../support/tip-client';

// Short bounds, so that each outage below is over in a second or two.
const ENV = {
  TIP_CHALLENGE: 'off',
  TIP_RATE_LIMIT: '0',
  WORKERS: '0',
  DB_CONNECT_TIMEOUT_MS: '1000',
  DB_STATEMENT_TIMEOUT_MS: '1000',
};

let t: TestApp;
let proxy: DatabaseProxy;
let investigator: ApiClient;

beforeAll(async () => {
  t = await startTestApp(ENV, {
    connectVia: async (url) => (proxy = await startDatabaseProxy(url)).url,
  });
  investigator = await ApiClient.signedIn(t.baseUrl, 'investigator@demo.test');
});
afterAll(async () => {
  proxy.thaw();
  await t.close();
  await proxy.close();
});

/** A request that never answers fails the test here rather than at Jest's timeout (not a timing check). */
function answered<T>(request: Promise<T>): Promise<T> {
  return Promise.race([
    request,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error('no answer in 20 s: the request hangs')), 20_000).unref(),
    ),
  ]);
}

const sendTip = (description: string) =>
  answered(new ApiClient(t.baseUrl).post('/api/public/tips', tipForm({ description })));
const health = () => answered(fetch(`${t.baseUrl}/api/health`));

function expectUnavailable(res: ApiResponse | Response): void {
  expect(res.status).toBe(503);
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
}

/** After an outage: polls (generously) until a tip is taken again, then finds it in the inbox. */
async function expectRecovered(marker: string): Promise<void> {
  let res: ApiResponse | undefined;
  for (let i = 0; i < 60 && res?.status !== 201; i++) {
    if (i) await new Promise((r) => setTimeout(r, 250));
    res = await sendTip(`${marker}, after the outage`);
  }
  expect(res?.status).toBe(201);
  const inbox = await answered(investigator.get(`/api/tips?q=${encodeURIComponent(marker)}`));
  expect(inbox.status).toBe(200);
  expect(inbox.body.items.map((i: { code: string }) => i.code)).toContain(res!.body.code);
  expect((await health()).status).toBe(200);
}

describe('when the database goes away, requests answer 503 with Retry-After, never a hang or a 500', () => {
  it('a frozen database (no answer at all): tip, inbox and health', async () => {
    await expectRecovered('frozen-warmup'); // pooled connections open, as in production
    proxy.freeze();
    try {
      expectUnavailable(await sendTip('frozen-one, while frozen'));
      expectUnavailable(await answered(investigator.get('/api/tips')));
      expect((await health()).status).toBe(503);
    } finally {
      proxy.thaw();
    }
    await expectRecovered('frozen-one');
    // Nothing was taken during the freeze: the 503 acknowledged nothing.
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM tip WHERE description LIKE 'frozen-one, while%'`,
    );
    expect(rows[0].n).toBe(0);
  });

  it('a database that refuses connections (killed, restarting)', async () => {
    await proxy.cut();
    try {
      expectUnavailable(await sendTip('killed-one, while down'));
      expectUnavailable(await answered(investigator.get('/api/tips')));
      expect((await health()).status).toBe(503);
    } finally {
      await proxy.restore();
    }
    await expectRecovered('killed-one');
  });

  it('a statement stuck behind a lock ends at the statement timeout (57014): 503, and nothing is written', async () => {
    const locker = new Client({ connectionString: t.databaseUrl });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE tip IN ACCESS EXCLUSIVE MODE');
      expectUnavailable(await sendTip('locked-one, while locked'));
      expectUnavailable(await answered(investigator.get('/api/tips')));
      await locker.query('ROLLBACK');
    } finally {
      await locker.end();
    }
    await expectRecovered('locked-one');
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM tip WHERE description LIKE 'locked-one, while%'`,
    );
    expect(rows[0].n).toBe(0);
  });
});

describe('statement timeouts', () => {
  it('cut an ordinary statement, and spare long-running work its own allowance', async () => {
    const ds = t.app.get(DataSource);
    await expect(ds.query('SELECT pg_sleep(1.3)')).rejects.toMatchObject({ driverError: { code: '57014' } });
    await expect(withStatementTimeout(10_000, () => ds.query('SELECT pg_sleep(1.3)'))).resolves.toBeDefined();
    // The allowance stays with the work: the pool's connections go back to the default after it.
    const inside = await withStatementTimeout(10_000, () =>
      Promise.all([1, 2, 3, 4].map(() => ds.query('SHOW statement_timeout'))),
    );
    expect(inside.map(([r]) => r.statement_timeout)).toEqual(['10s', '10s', '10s', '10s']);
    const after = await Promise.all([1, 2, 3, 4, 5, 6].map(() => ds.query('SHOW statement_timeout')));
    expect(after.map(([r]) => r.statement_timeout)).toEqual(['1s', '1s', '1s', '1s', '1s', '1s']);
    await expect(withStatementTimeout(0, () => ds.query('SHOW statement_timeout'))).resolves.toEqual([
      { statement_timeout: '0' },
    ]);
  });
});

/** Real errors, from real connections, as the pool and TypeORM see them. */
describe('what counts as the database being unavailable', () => {
  const closedPort = async () => {
    const p = await startDatabaseProxy(t.databaseUrl);
    await p.cut();
    return p.url;
  };
  const errorOf = (work: () => Promise<unknown>) =>
    work().then(
      () => {
        throw new Error('expected a failure');
      },
      (err: unknown) => err,
    );

  const cases: [string, () => Promise<unknown>, string | undefined][] = [
    [
      'a refused connection',
      async () => {
        const c = new Client({ connectionString: await closedPort() });
        return errorOf(() => c.connect());
      },
      'ECONNREFUSED',
    ],
    [
      'a server that never answers the handshake',
      async () => {
        const p = await startDatabaseProxy(t.databaseUrl);
        p.freeze();
        const c = new Client({ connectionString: p.url, connectionTimeoutMillis: 300 });
        const err = await errorOf(() => c.connect());
        await p.close();
        return err;
      },
      'CONNECT_TIMEOUT',
    ],
    [
      'no connection free in the pool in time',
      async () => {
        const pool = new Pool({ connectionString: t.databaseUrl, max: 1, connectionTimeoutMillis: 300 });
        const held = await pool.connect();
        const err = await errorOf(() => pool.connect());
        held.release();
        await pool.end();
        return err;
      },
      'CONNECT_TIMEOUT',
    ],
    [
      'a connection the server terminated (57P01)',
      async () => {
        const c = new Client({ connectionString: t.databaseUrl });
        c.on('error', () => undefined); // the lost connection is reported twice: the cause, then the end
        await c.connect();
        const lost = new Promise((resolve) => c.once('error', resolve));
        const [{ pid }] = (await c.query('SELECT pg_backend_pid() AS pid')).rows;
        await t.db.query('SELECT pg_terminate_backend($1)', [pid]);
        return lost;
      },
      '57P01',
    ],
    [
      'a query on a connection already lost',
      async () => {
        const c = new Client({ connectionString: t.databaseUrl });
        c.on('error', () => undefined);
        await c.connect();
        const [{ pid }] = (await c.query('SELECT pg_backend_pid() AS pid')).rows;
        // Listen before terminating: the connection may end before the terminate's answer arrives.
        const ended = new Promise((r) => c.once('end', r));
        await t.db.query('SELECT pg_terminate_backend($1)', [pid]);
        await ended;
        return errorOf(() => c.query('SELECT 1'));
      },
      'CONNECTION_LOST',
    ],
    [
      'a transaction whose connection the server terminated between two statements',
      async () => {
        const runner = t.app.get(DataSource).createQueryRunner();
        await runner.connect();
        const [{ pid }] = await runner.query('SELECT pg_backend_pid() AS pid');
        await t.db.query('SELECT pg_terminate_backend($1)', [pid]);
        // TypeORM hears the connection's error and lets it go; the next statement is refused.
        for (let i = 0; i < 100 && !runner.isReleased; i++) await new Promise((r) => setTimeout(r, 20));
        return errorOf(() => runner.query('SELECT 1'));
      },
      'CONNECTION_LOST',
    ],
    [
      // What LiveEvents' batched flush and pg-boss's send inside a tip's transaction met after a
      // kill of the postmaster: the same release, seen through the transaction's EntityManager.
      'a statement through a transaction whose connection the server terminated',
      () =>
        errorOf(() =>
          t.app.get(DataSource).transaction(async (tx) => {
            const [{ pid }] = await tx.query('SELECT pg_backend_pid() AS pid');
            await t.db.query('SELECT pg_terminate_backend($1)', [pid]);
            const runner = tx.queryRunner!;
            for (let i = 0; i < 100 && !runner.isReleased; i++) await new Promise((r) => setTimeout(r, 20));
            await tx.query('SELECT 1');
          }),
        ),
      'CONNECTION_LOST',
    ],
    [
      'a statement timeout (57014) through TypeORM',
      () => errorOf(() => t.app.get(DataSource).query('SELECT pg_sleep(1.3)')),
      '57014',
    ],
    [
      'a server that stops answering in the middle',
      async () => {
        const p = await startDatabaseProxy(t.databaseUrl);
        const c = new BoundedClient({ connectionString: p.url, statement_timeout: 200 });
        await c.connect();
        p.freeze();
        const err = await errorOf(() => c.query('SELECT 1'));
        await p.close();
        return err;
      },
      'DB_UNRESPONSIVE',
    ],
    ['an error in the query is not an outage', () => errorOf(() => t.db.query(`SELECT 1/0`)), undefined],
    [
      'a value Postgres refuses is not an outage',
      () => errorOf(() => t.app.get(DataSource).query(`SELECT $1::uuid`, ['not-a-uuid'])),
      undefined,
    ],
  ];

  it.each(cases)('%s', async (_name, make, kind) => {
    const err = await make();
    expect(databaseUnavailableKind(err)).toBe(kind);

    // And the catch-all filter answers it: 503 with Retry-After, or (not an outage) anything else.
    const sent: { status?: number; headers: Record<string, string>; body?: { code?: string } } = {
      headers: {},
    };
    const res = {
      headersSent: false,
      setHeader: (k: string, v: string) => (sent.headers[k.toLowerCase()] = v),
      status(code: number) {
        sent.status = code;
        return this;
      },
      json: (body: { code?: string }) => (sent.body = body),
    };
    const host = {
      switchToHttp: () => ({ getResponse: () => res, getRequest: () => ({ id: 'test' }) }),
    } as unknown as ArgumentsHost;
    new AllExceptionsFilter().catch(err, host);
    if (kind) {
      expect(sent.status).toBe(503);
      expect(sent.headers['retry-after']).toBe('5');
      expect(sent.body?.code).toBe('SERVICE_UNAVAILABLE');
    } else {
      expect(sent.status).not.toBe(503);
      expect(sent.headers['retry-after']).toBeUndefined();
    }
  });
});
