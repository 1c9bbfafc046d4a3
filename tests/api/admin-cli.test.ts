import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';
import { createApp } from '../../apps/api/src/app.factory';
import { main, USAGE } from '../../apps/api/src/cli/admin';
import { AppConfig } from '../../apps/api/src/config/app-config';
import { existingEncryptionKey } from '../../apps/api/src/config/encryption-key';
import { loadEnvironment } from '../../apps/api/src/config/environment';
import { ApiClient } from '../support/api-client';

/**
 * `npm run admin`: first run of a real deployment, on an empty database that no server has
 * migrated yet (DATABASE_URL). The embedded database, with and without a running server, is
 * tested on the built product in tests/system/admin-cli.test.ts.
 */
jest.setTimeout(90_000);

interface Run {
  code: number;
  out: string;
  err: string;
}
async function admin(args: string[], variables: NodeJS.ProcessEnv): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    args,
    (l) => out.push(l),
    (l) => err.push(l),
    variables,
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

let emptyUrl: string;
let env: NodeJS.ProcessEnv;
let db: Client;

beforeAll(async () => {
  const pgUrl = process.env.VIGIE_TEST_PG_URL!;
  const name = `vigie_cli_${randomBytes(6).toString('hex')}`;
  const server = new Client({ connectionString: pgUrl.replace(/\/[^/]*$/, '/postgres') });
  await server.connect();
  await server.query(`CREATE DATABASE ${name}`);
  await server.end();
  emptyUrl = pgUrl.replace(/\/[^/]*$/, `/${name}`);
  const dataDir = await mkdtemp(join(process.env.VIGIE_TEST_DATA_DIR!, 'cli-'));
  env = { DATABASE_URL: emptyUrl, DATA_DIR: dataDir, PUBLIC_URL: 'https://vigie.gatineau.example' };
  db = new Client({ connectionString: emptyUrl });
  await db.connect();
});
afterAll(() => db.end());

const count = async (sql: string, params: unknown[] = []) =>
  Number((await db.query(sql, params)).rows[0].count);

describe('npm run admin (DATABASE_URL, before any server ran)', () => {
  it('lists every command under help', async () => {
    const run = await admin(['help'], env);
    expect(run.code).toBe(0);
    for (const command of [
      'create-agency',
      'create-admin',
      'create-platform-operator',
      'reset-password',
      'disable',
      'enable',
      'load-gazetteer',
      'help',
    ])
      expect(run.out).toContain(command);
    expect(run.out).toBe(USAGE);
    const bare = await admin([], env);
    expect(bare.code).toBe(1);
  });

  it('creates the agency (migrating the empty database first), and says so', async () => {
    const run = await admin(
      [
        'create-agency',
        '--name',
        'Service de police de Gatineau',
        '--slug',
        'gatineau',
        '--time-zone',
        'America/Toronto',
      ],
      env,
    );
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(
      /Agency created: Service de police de Gatineau \(slug gatineau, time zone America\/Toronto/,
    );
    expect((await db.query(`SELECT name, time_zone FROM agency WHERE slug = 'gatineau'`)).rows).toEqual([
      { name: 'Service de police de Gatineau', time_zone: 'America/Toronto' },
    ]);
    expect(await count(`SELECT count(*) FROM audit_event WHERE action = 'agency.created'`)).toBe(1);
  });

  it('refuses a duplicate slug, a bad slug, a bad time zone, a missing option, and changes nothing', async () => {
    const cases: [string[], RegExp][] = [
      [
        ['--name', 'Autre', '--slug', 'gatineau', '--time-zone', 'America/Toronto'],
        /already uses this short name/,
      ],
      [
        ['--name', 'Autre', '--slug', 'Gati Neau', '--time-zone', 'America/Toronto'],
        /--slug: Use 2 to 60 lower-case/,
      ],
      [
        ['--name', 'Autre', '--slug', 'autre', '--time-zone', 'Mars/Olympus'],
        /--time-zone: Choose a time zone/,
      ],
      [['--name', 'Autre', '--slug', 'autre'], /Missing --time-zone/],
      [
        ['--name', 'Autre', '--slug', 'autre', '--time-zone', 'UTC', '--colour', 'blue'],
        /Unknown option --colour/,
      ],
    ];
    for (const [args, message] of cases) {
      const run = await admin(['create-agency', ...args], env);
      expect(run.code).toBe(1);
      expect(run.err).toMatch(message);
    }
    expect(await count('SELECT count(*) FROM agency')).toBe(1);
    expect((await admin(['make-coffee'], env)).err).toMatch(/Unknown command "make-coffee"/);
  });

  let link: string;
  it('invites the first admin and prints a one-time link, stored only as a hash', async () => {
    const run = await admin(
      ['create-admin', '--agency', 'gatineau', '--email', 'Chief@Example.org', '--name', 'Marie Tremblay'],
      env,
    );
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain(
      'Administrator invited into Service de police de Gatineau: Marie Tremblay <chief@example.org>',
    );
    link = run.out.match(/https:\/\/vigie\.gatineau\.example\/desk\/activate\/[A-Za-z0-9_-]{43}/)![0];
    const token = link.split('/').pop()!;
    const stored = await db.query(
      `SELECT l.token_hash, extract(epoch FROM l.expires_at - l.created_at)::int AS ttl, u.roles, u.password_hash
         FROM staff_one_time_link l JOIN staff_user u ON u.id = l.user_id`,
    );
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0]).toMatchObject({ roles: ['ADMIN'], password_hash: null, ttl: 24 * 3600 });
    expect(JSON.stringify(stored.rows)).not.toContain(token);
  });

  it('refuses an unknown agency and a duplicate e-mail, and changes nothing', async () => {
    const unknown = await admin(
      ['create-admin', '--agency', 'hull', '--email', 'x@example.org', '--name', 'X'],
      env,
    );
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/No agency has the slug "hull" \(known: gatineau\)/);
    const duplicate = await admin(
      ['create-admin', '--agency', 'gatineau', '--email', 'chief@example.org', '--name', 'Again'],
      env,
    );
    expect(duplicate.code).toBe(1);
    expect(duplicate.err).toMatch(/already has an account/);
    const badEmail = await admin(
      ['create-admin', '--agency', 'gatineau', '--email', 'chief', '--name', 'X'],
      env,
    );
    expect(badEmail.code).toBe(1);
    expect(badEmail.err).toMatch(/--email: Enter a valid e-mail address/);
    expect(await count('SELECT count(*) FROM staff_user')).toBe(1);
    expect(await count('SELECT count(*) FROM staff_one_time_link')).toBe(1);
  });

  it('gives a link that works in the API: the admin activates, signs in and administers', async () => {
    // The API on the database the command wrote, with its key, and no demo data: a real deployment.
    const config = loadEnvironment({ ...env, SEED_DEMO: 'false', LOG_LEVEL: 'silent' });
    const app = await createApp(new AppConfig(config, emptyUrl, (await existingEncryptionKey(config))!));
    try {
      await app.listen(0, '127.0.0.1');
      const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
      const token = link.split('/').pop()!;
      const anonymous = new ApiClient(baseUrl);
      expect((await anonymous.get(`/api/auth/activation/${token}`)).body).toMatchObject({
        purpose: 'INVITE',
        agencyName: 'Service de police de Gatineau',
      });
      expect(
        (await anonymous.post(`/api/auth/activation/${token}`, { password: 'riverside morning patrol' }))
          .status,
      ).toBe(204);
      const chief = await ApiClient.signedIn(baseUrl, 'chief@example.org', 'riverside morning patrol');
      expect((await chief.get('/api/admin/staff')).body).toEqual([
        expect.objectContaining({ email: 'chief@example.org', status: 'ACTIVE', roles: ['ADMIN'] }),
      ]);
      expect(await count('SELECT count(*) FROM agency')).toBe(1); // no demo agencies
    } finally {
      await app.close();
    }
  });

  it('invites a platform operator', async () => {
    const run = await admin(
      ['create-platform-operator', '--email', 'ops@province.example', '--name', 'Ops'],
      env,
    );
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/Platform operator invited: Ops <ops@province\.example>/);
    expect(
      (await db.query(`SELECT agency_id, roles FROM staff_user WHERE email = 'ops@province.example'`)).rows,
    ).toEqual([{ agency_id: null, roles: ['PLATFORM_OPERATOR'] }]);
  });

  it('resets a password, disables and enables any account, and keeps the last admin', async () => {
    const reset = await admin(['reset-password', '--email', 'chief@example.org'], env);
    expect(reset.err).toBe('');
    expect(reset.code).toBe(0);
    expect(reset.out).toMatch(/New one-time link for: Marie Tremblay <chief@example\.org>/);
    expect(reset.out).toMatch(/\/desk\/activate\/[A-Za-z0-9_-]{43}/);
    expect(
      (await db.query(`SELECT password_hash FROM staff_user WHERE email = 'chief@example.org'`)).rows[0],
    ).toEqual({
      password_hash: null,
    });

    const last = await admin(['disable', '--email', 'chief@example.org'], env);
    expect(last.code).toBe(1);
    expect(last.err).toMatch(/at least one active administrator/);

    expect((await admin(['disable', '--email', 'ops@province.example'], env)).code).toBe(0);
    expect(
      (await db.query(`SELECT disabled_at FROM staff_user WHERE email = 'ops@province.example'`)).rows[0]
        .disabled_at,
    ).not.toBeNull();
    const enabled = await admin(['enable', '--email', 'OPS@province.example'], env);
    expect(enabled.out).toMatch(/Enabled: Ops <ops@province\.example>/);
    expect(
      (await db.query(`SELECT disabled_at FROM staff_user WHERE email = 'ops@province.example'`)).rows[0]
        .disabled_at,
    ).toBeNull();

    const nobody = await admin(['reset-password', '--email', 'nobody@example.org'], env);
    expect(nobody.code).toBe(1);
    expect(nobody.err).toMatch(/No account has this e-mail address/);
    expect(
      await count(
        `SELECT count(*) FROM audit_event WHERE action IN ('staff.password_reset', 'staff.disabled', 'staff.enabled')`,
      ),
    ).toBe(3);
  });
  it('loads a gazetteer from a GeoJSON file; a bad file, a missing one or an unknown agency changes nothing', async () => {
    const dir = await mkdtemp(join(process.env.VIGIE_TEST_DATA_DIR!, 'gazetteer-'));
    const feature = (lat: number, properties: Record<string, unknown>) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [-75.71, lat] },
      properties,
    });
    const good = join(dir, 'gatineau.geojson');
    await writeFile(
      good,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          feature(45.4292, {
            name: 'Musée canadien de l’histoire',
            'name:en': 'Canadian Museum of History',
            municipality: 'Gatineau',
          }),
          feature(45.4385, { streets: ['boulevard Saint-Joseph', 'rue Montcalm'], municipality: 'Gatineau' }),
        ],
      }),
    );
    const bad = join(dir, 'bad.geojson');
    await writeFile(
      bad,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [feature(145.4, { name: 'Parc Jacques-Cartier' })],
      }),
    );
    const places = () => count(`SELECT count(*) FROM gazetteer_place`);

    const refused: [string[], RegExp][] = [
      [
        ['--agency', 'gatineau', '--file', bad],
        /not a gazetteer Vigie can load; nothing was changed\.\n {2}features\[0\]: coordinates/,
      ],
      [
        ['--agency', 'gatineau', '--file', join(dir, 'missing.geojson')],
        /Cannot read .*missing\.geojson: ENOENT/,
      ],
      [['--agency', 'hull', '--file', good], /No agency has the slug "hull"/],
      [['--agency', 'gatineau'], /Missing --file/],
    ];
    for (const [args, message] of refused) {
      const run = await admin(['load-gazetteer', ...args], env);
      expect(run.code).toBe(1);
      expect(run.err).toMatch(message);
    }
    expect(await places()).toBe(0);

    const run = await admin(['load-gazetteer', '--agency', 'gatineau', '--file', good], env);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain(
      'Gazetteer loaded into Service de police de Gatineau: 1 places and 1 intersections in Gatineau.',
    );
    expect(await places()).toBe(2);
    expect(
      (await db.query(`SELECT data FROM audit_event WHERE action = 'gazetteer.loaded'`)).rows.map(
        (r) => r.data,
      ),
    ).toEqual([{ by: 'cli', file: 'gatineau.geojson', places: 1, intersections: 1 }]);
  });
});
