import { ERRORS } from '@tus/server';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../apps/api/src/config/app-config';
import { loadEnvironment } from '../../apps/api/src/config/environment';
import { PgListener } from '../../apps/api/src/database/pg-listener';
import { ResumableUploads, UPLOADS_PATH } from '../../apps/api/src/tips/uploads/resumable-uploads';
import { SharedUploadLocker, UploadLockTimings } from '../../apps/api/src/tips/uploads/shared-upload-locker';
import { TipFollowUpService } from '../../apps/api/src/tips/follow-up/tip-follow-up.service';
import { ApiClient } from '../support/api-client';
import { startTestApp, TestApp } from '../support/test-app';
import { tipForm } from '../support/tip-client';
import { jpegWithGps } from '../support/media-fixtures';

let t: TestApp;
const listeners: PgListener[] = [];

/** One API process as the locker sees it: its own LISTEN connection, the shared database. */
async function apiProcess(timings: Partial<UploadLockTimings> = {}): Promise<SharedUploadLocker> {
  const listener = new PgListener({ databaseUrl: t.databaseUrl, env: loadEnvironment({}) } as AppConfig);
  listeners.push(listener);
  const locker = new SharedUploadLocker(t.app.get(DataSource), listener, {
    leaseMs: 600,
    acquireTimeoutMs: 5_000,
    retryMs: 25,
    ...timings,
  });
  await locker.onModuleInit();
  return locker;
}

const never = () => new AbortController().signal;
const lease = async (id: string) =>
  (await t.db.query(`SELECT holder FROM upload_lock WHERE upload_id = $1`, [id])).rows;
/** Whether `promise` settled within `ms`. */
const settles = (promise: Promise<unknown>, ms: number) =>
  Promise.race([
    promise.then(
      () => true,
      () => true,
    ),
    new Promise<boolean>((r) => setTimeout(() => r(false), ms)),
  ]);

beforeAll(async () => {
  t = await startTestApp({ TIP_CHALLENGE: 'off', TIP_RATE_LIMIT: '0' });
});
afterAll(async () => {
  await Promise.all(listeners.map((l) => l.onModuleDestroy()));
  await t.close();
});

describe('upload locks shared by API processes', () => {
  it('makes a second process wait, asks the holder to let go, and hands it over on release', async () => {
    const [one, two] = [await apiProcess(), await apiProcess()];
    let askedOne!: () => void;
    const asked = new Promise<void>((r) => (askedOne = r));
    const first = one.newLock('u-handover');
    await first.lock(never(), () => askedOne());

    const releaseWanted = jest.fn();
    const second = two.newLock('u-handover').lock(never(), releaseWanted);
    // The request on the first process is asked to release, through NOTIFY...
    await asked;
    // ...and the second waits while it has not.
    expect(await settles(second, 300)).toBe(false);
    await first.unlock();
    await second;
    expect(releaseWanted).not.toHaveBeenCalled();
    expect(await lease('u-handover')).toHaveLength(1);
  });

  it('keeps a lease renewed while held, well past its length, and gives up waiting at the timeout', async () => {
    const [one, two] = [await apiProcess(), await apiProcess({ acquireTimeoutMs: 1_500 })];
    const held = one.newLock('u-long');
    await held.lock(never(), () => undefined); // a holder that ignores requests to release
    const started = Date.now();
    await expect(two.newLock('u-long').lock(never(), () => undefined)).rejects.toBe(ERRORS.ERR_LOCK_TIMEOUT);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_400); // more than two leases of 600 ms
    await held.unlock();
    expect(await lease('u-long')).toEqual([]);
  });

  it('takes over the lease of a crashed process once it expires', async () => {
    const two = await apiProcess();
    // Left by a process that died holding it: nobody renews it, nobody answers NOTIFY.
    await t.db.query(
      `INSERT INTO upload_lock VALUES ('u-crashed', gen_random_uuid(), now() + interval '800 milliseconds')`,
    );
    const started = Date.now();
    const lock = two.newLock('u-crashed');
    await lock.lock(never(), () => undefined);
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
    await lock.unlock();
    expect(await lease('u-crashed')).toEqual([]);
  });

  it('stops waiting when the request is aborted, leaving the holder in place', async () => {
    const [one, two] = [await apiProcess(), await apiProcess()];
    const held = one.newLock('u-abort');
    await held.lock(never(), () => undefined);
    const { rows } = await t.db.query(`SELECT holder FROM upload_lock WHERE upload_id = 'u-abort'`);
    const stop = new AbortController();
    const waiting = two.newLock('u-abort').lock(stop.signal, () => undefined);
    setTimeout(() => stop.abort(), 150);
    await expect(waiting).rejects.toBe(ERRORS.ERR_LOCK_TIMEOUT);
    expect(await lease('u-abort')).toEqual(rows);
    await held.unlock();
  });

  it('tells a holder whose lease was taken (it stalled past expiry) to stop', async () => {
    const one = await apiProcess();
    let stopped!: () => void;
    const told = new Promise<void>((r) => (stopped = r));
    const held = one.newLock('u-stalled');
    await held.lock(never(), () => stopped());
    await t.db.query(`UPDATE upload_lock SET holder = gen_random_uuid() WHERE upload_id = 'u-stalled'`);
    await told; // on its next renewal, within a third of a lease
    await held.unlock();
    // Its release does not remove the new holder's lease.
    expect(await lease('u-stalled')).toHaveLength(1);
    await t.db.query(`DELETE FROM upload_lock WHERE upload_id = 'u-stalled'`);
  });

  it('is the locker of resumable uploads, and a duplicate final PATCH does not record the file twice', async () => {
    const server = t.app.get(ResumableUploads).server;
    expect(server.options.locker).toBeInstanceOf(SharedUploadLocker);

    const anon = new ApiClient(t.baseUrl);
    const receipt = (await anon.post('/api/public/tips', tipForm({ description: 'Photo à suivre.' }))).body;
    const { token } = (
      await anon.post('/api/public/tips/follow-up', { code: receipt.code, password: receipt.password })
    ).body;
    const { rows } = await t.db.query(`SELECT id FROM tip WHERE code = $1`, [receipt.code]);
    const mediaCount = async () =>
      (await t.db.query(`SELECT count(*)::int AS n FROM tip_media WHERE tip_id = $1`, [rows[0].id])).rows[0]
        .n;
    const photo = await jpegWithGps(200, 150);
    const tus = { 'tus-resumable': '1.0.0', authorization: `Bearer ${token}` };
    const patch = { ...tus, 'content-type': 'application/offset+octet-stream' };

    // Length deferred: all the bytes arrive, then a PATCH declares the length and so finishes it.
    const created = await fetch(`${t.baseUrl}${UPLOADS_PATH}`, {
      method: 'POST',
      headers: { ...tus, 'upload-defer-length': '1' },
    });
    expect(created.status).toBe(201);
    const url = `${t.baseUrl}${created.headers.get('location')}`;
    const sent = await fetch(url, {
      method: 'PATCH',
      headers: { ...patch, 'upload-offset': '0' },
      body: new Uint8Array(photo),
    });
    expect(sent.status).toBe(204);

    // Recording is slow; meanwhile the same final PATCH, retried, reaches a process that sees
    // every byte received and would finish the upload a second time.
    const followUp = t.app.get(TipFollowUpService);
    const addFiles = followUp.addFiles.bind(followUp);
    let recording!: () => void;
    const recordingStarted = new Promise<void>((resolve) => (recording = resolve));
    const spy = jest.spyOn(followUp, 'addFiles').mockImplementation(async (...args) => {
      recording();
      await new Promise((r) => setTimeout(r, 500));
      return addFiles(...args);
    });
    try {
      const end = { ...patch, 'upload-offset': String(photo.length) };
      const finishing = fetch(url, {
        method: 'PATCH',
        headers: { ...end, 'upload-length': String(photo.length) },
      });
      // The retry is sent once the first PATCH has declared the length and is recording (not after a
      // fixed pause, which a busy machine can outlast: the retry would then come first).
      await Promise.race([recordingStarted, finishing]);
      const retried = await fetch(url, { method: 'PATCH', headers: end });
      expect((await finishing).status).toBe(204);
      expect(retried.status).toBe(404); // like any request for a finished upload
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
    expect(await mediaCount()).toBe(1);
  });
});
