import { ConfigError, loadEnvironment } from './environment';

describe('loadEnvironment', () => {
  it('applies the documented defaults', () => {
    const env = loadEnvironment({});
    expect(env).toMatchObject({
      PORT: 3000,
      DATA_DIR: '.data',
      SEED_DEMO: true,
      SESSION_TTL_HOURS: 12,
      LOG_LEVEL: 'info',
    });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('parses numbers and booleans from strings', () => {
    expect(loadEnvironment({ PORT: '8080', SEED_DEMO: 'false' })).toMatchObject({
      PORT: 8080,
      SEED_DEMO: false,
    });
  });

  it('names every bad variable in one readable message', () => {
    let error: unknown;
    try {
      loadEnvironment({ PORT: 'eighty', DATABASE_URL: 'mysql://x', ENCRYPTION_KEY: 'short' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/PORT="eighty"/);
    expect(message).toMatch(/DATABASE_URL="mysql:\/\/x": must be a postgres:\/\/ URL/);
    expect(message).toMatch(/ENCRYPTION_KEY="short": must be 32 bytes, base64/);
  });

  it('bounds the waits on the database, and refuses bounds that are not whole milliseconds', () => {
    expect(loadEnvironment({})).toMatchObject({
      DB_CONNECT_TIMEOUT_MS: 3000,
      DB_STATEMENT_TIMEOUT_MS: 5000,
      DB_LONG_STATEMENT_TIMEOUT_MS: 900000,
    });
    expect(loadEnvironment({ DB_STATEMENT_TIMEOUT_MS: '0' }).DB_STATEMENT_TIMEOUT_MS).toBe(0);
    for (const [name, bad] of [
      ['DB_CONNECT_TIMEOUT_MS', '0'],
      ['DB_CONNECT_TIMEOUT_MS', '3s'],
      ['DB_STATEMENT_TIMEOUT_MS', '-1'],
      ['DB_STATEMENT_TIMEOUT_MS', '1.5'],
      ['DB_LONG_STATEMENT_TIMEOUT_MS', 'forever'],
    ])
      expect(() => loadEnvironment({ [name]: bad })).toThrow(`${name}=${JSON.stringify(bad)}`);
  });

  it("bounds a tip's uploads: shared defaults, whole numbers, a total no smaller than one file", () => {
    expect(loadEnvironment({})).toMatchObject({
      TIP_MAX_FILES: 20,
      TIP_FILE_MAX_MB: 2048,
      TIP_TOTAL_MAX_MB: 4096,
      TIP_FOLLOW_UP_RATE_LIMIT: 30,
      TIP_UPLOAD_RATE_LIMIT: 1200,
    });
    expect(() => loadEnvironment({ TIP_TOTAL_MAX_MB: '100', TIP_FILE_MAX_MB: '200' })).toThrow(
      /TIP_TOTAL_MAX_MB="100": must be at least TIP_FILE_MAX_MB/,
    );
    expect(() => loadEnvironment({ TIP_MAX_FILES: '0' })).toThrow(/TIP_MAX_FILES/);
    expect(() => loadEnvironment({ TIP_FOLLOW_UP_RATE_LIMIT: 'lots' })).toThrow(/TIP_FOLLOW_UP_RATE_LIMIT/);
  });

  it('refuses a demo password shorter than 12 characters', () => {
    expect(() => loadEnvironment({ DEMO_PASSWORD: 'short' })).toThrow(/DEMO_PASSWORD/);
  });

  it('takes a five-field cron or "off" for the scheduled jobs, and names a bad one', () => {
    expect(loadEnvironment({})).toMatchObject({
      RETENTION_SCHEDULE: '17 3 * * *',
      UPLOAD_SWEEP_SCHEDULE: '23 * * * *',
      AUDIT_ANCHOR_SCHEDULE: '*/10 * * * *',
    });
    expect(() => loadEnvironment({ AUDIT_ANCHOR_SCHEDULE: 'every 10 minutes' })).toThrow(
      'AUDIT_ANCHOR_SCHEDULE="every 10 minutes": must be a five-field cron expression or "off"',
    );
    expect(loadEnvironment({ UPLOAD_SWEEP_SCHEDULE: 'off' }).UPLOAD_SWEEP_SCHEDULE).toBe('off');
    expect(loadEnvironment({ UPLOAD_SWEEP_SCHEDULE: '*/15 * * * *' }).UPLOAD_SWEEP_SCHEDULE).toBe(
      '*/15 * * * *',
    );
    for (const bad of ['hourly', '0 * * *', '', 'off ']) {
      const refused = () => loadEnvironment({ UPLOAD_SWEEP_SCHEDULE: bad });
      expect(refused).toThrow(ConfigError);
      expect(refused).toThrow(
        `UPLOAD_SWEEP_SCHEDULE=${JSON.stringify(bad)}: must be a five-field cron expression or "off"`,
      );
    }
  });

  it('takes no tile server by default, and refuses a MAP_TILES_URL it could not use', () => {
    expect(loadEnvironment({}).MAP_TILES_URL).toBeUndefined();
    expect(loadEnvironment({ MAP_TILES_URL: '' }).MAP_TILES_URL).toBeUndefined();
    expect(
      loadEnvironment({
        MAP_TILES_URL: 'https://tiles.example/{z}/{x}/{y}.png',
        MAP_TILES_ATTRIBUTION: '© OSM',
      }),
    ).toMatchObject({
      MAP_TILES_URL: 'https://tiles.example/{z}/{x}/{y}.png',
      MAP_TILES_ATTRIBUTION: '© OSM',
    });
    expect(() => loadEnvironment({ MAP_TILES_URL: 'https://tiles.example/map.png' })).toThrow(
      /MAP_TILES_URL="https:\/\/tiles.example\/map.png": must contain \{z\}, \{x\} and \{y\}/,
    );
    expect(() => loadEnvironment({ MAP_TILES_URL: 'javascript:{z}{x}{y}' })).toThrow(/MAP_TILES_URL=/);
  });
});
