import { Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ERRORS, type Lock, type Locker, type RequestRelease } from '@tus/server';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PgListener } from '../../database/pg-listener';

/** Carries the id of an upload whose lease someone is waiting for. */
const CHANNEL = 'vigie_upload_lock_wanted';

/** FileStore's ids are 32 hex characters; a longer one in a URL names nothing, and would not fit a NOTIFY. */
const MAX_ID_LENGTH = 255;

export interface UploadLockTimings {
  /** A lease not renewed for this long is free: how long a crashed process can hold up an upload. */
  leaseMs: number;
  /** How long lock() waits for the holder to let go before failing (tus answers 500, the client retries). */
  acquireTimeoutMs: number;
  /** The pause between two attempts while another holder has the lease. */
  retryMs: number;
}

export const UPLOAD_LOCK_TIMINGS: UploadLockTimings = {
  leaseMs: 30_000,
  acquireTimeoutMs: 30_000,
  retryMs: 250,
};

/**
 * tus's Locker, shared by every API process through Postgres. tus's own MemoryLocker locks an
 * upload within one process only, but a phone's retried chunk may reach another replica while the
 * first still writes the upload on the shared volume: both would check the offset and write.
 *
 * A lock is a lease in `upload_lock`, taken when free or expired, renewed while held, deleted on
 * release. Whoever waits for one sends a NOTIFY that every process hears through PgListener; the
 * process holding it calls the holder's requestRelease, as MemoryLocker does in-process (tus then
 * ends that request after its lockDrainTimeout), and the waiter retries until it has the lease, its
 * request is aborted, or `acquireTimeoutMs` passes. Time is Postgres's clock, the same for all.
 */
export class SharedUploadLocker implements Locker, OnModuleInit, OnModuleDestroy {
  readonly timings: UploadLockTimings;
  private readonly logger = new Logger(SharedUploadLocker.name);
  /** The leases held in this process, by upload id: whom to ask when another process wants one. */
  private readonly held = new Map<string, SharedUploadLock>();
  private stopListening?: () => void;

  constructor(
    private readonly dataSource: DataSource,
    private readonly listener: PgListener,
    timings: Partial<UploadLockTimings> = {},
  ) {
    this.timings = { ...UPLOAD_LOCK_TIMINGS, ...timings };
  }

  async onModuleInit(): Promise<void> {
    // An empty payload follows a reconnect; waiters notify again on their next attempt anyway.
    this.stopListening = await this.listener.listen(CHANNEL, (id) => id && this.held.get(id)?.askToRelease());
  }

  onModuleDestroy(): void {
    this.stopListening?.();
    // Unrenewed, what is still held expires within a lease.
    for (const lock of this.held.values()) lock.stopRenewing();
  }

  newLock(id: string): Lock {
    if (id.length > MAX_ID_LENGTH) throw ERRORS.FILE_NOT_FOUND;
    return new SharedUploadLock(this, id);
  }

  /** @internal Takes the lease if it is free or expired; true when `holder` has it now. */
  async take(id: string, holder: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO upload_lock (upload_id, holder, expires_at)
       VALUES ($1, $2, now() + make_interval(secs => $3::double precision / 1000))
       ON CONFLICT (upload_id) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
         WHERE upload_lock.expires_at < now()
       RETURNING holder`,
      [id, holder, this.timings.leaseMs],
    );
    return rows.length === 1;
  }

  /** @internal Extends the lease; false when `holder` no longer has it (it expired and was taken). */
  async renew(id: string, holder: string): Promise<boolean> {
    const [rows]: [unknown[], number] = await this.dataSource.query(
      `UPDATE upload_lock SET expires_at = now() + make_interval(secs => $3::double precision / 1000)
       WHERE upload_id = $1 AND holder = $2 RETURNING holder`,
      [id, holder, this.timings.leaseMs],
    );
    return rows.length === 1;
  }

  /**
   * @internal Deletes the lease if `holder` still has it, and any expired one: a crash leaves its
   * leases behind, and an upload never resumed would keep its row. The table holds only uploads in
   * flight, so the scan is small.
   */
  async release(id: string, holder: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM upload_lock WHERE (upload_id = $1 AND holder = $2) OR expires_at < now()`,
      [id, holder],
    );
  }

  /** @internal Asks whichever process holds the lease to let go. */
  async requestRelease(id: string): Promise<void> {
    await this.dataSource.query(`SELECT pg_notify($1, $2)`, [CHANNEL, id]);
  }

  /** @internal */
  register(id: string, lock: SharedUploadLock): void {
    this.held.set(id, lock);
  }

  /** @internal */
  forget(id: string, lock: SharedUploadLock): void {
    if (this.held.get(id) === lock) this.held.delete(id);
  }

  /** @internal */
  warn(message: string): void {
    this.logger.warn(message);
  }
}

class SharedUploadLock implements Lock {
  /** Each lock is its own holder: two requests of one process exclude each other too. */
  private readonly holder = randomUUID();
  private requestRelease?: RequestRelease;
  private heartbeat?: NodeJS.Timeout;
  private renewing = false;
  private locked = false;
  /** When the lease was last taken or renewed, on this process's clock. */
  private renewedAt = 0;

  constructor(
    private readonly locker: SharedUploadLocker,
    private readonly id: string,
  ) {}

  async lock(stopSignal: AbortSignal, requestRelease: RequestRelease): Promise<void> {
    const { acquireTimeoutMs, retryMs, leaseMs } = this.locker.timings;
    const deadline = Date.now() + acquireTimeoutMs;
    for (;;) {
      if (await this.locker.take(this.id, this.holder)) {
        if (stopSignal.aborted) {
          await this.locker.release(this.id, this.holder);
          throw ERRORS.ERR_LOCK_TIMEOUT;
        }
        this.locked = true;
        this.renewedAt = Date.now();
        this.requestRelease = requestRelease;
        this.locker.register(this.id, this);
        this.heartbeat = setInterval(() => void this.renew(), Math.max(10, leaseMs / 3));
        this.heartbeat.unref();
        return;
      }
      // As MemoryLocker: an aborted request or a holder that never lets go ends in ERR_LOCK_TIMEOUT.
      if (stopSignal.aborted || Date.now() >= deadline) throw ERRORS.ERR_LOCK_TIMEOUT;
      await this.locker.requestRelease(this.id);
      await pause(Math.min(retryMs, deadline - Date.now()), stopSignal);
    }
  }

  async unlock(): Promise<void> {
    if (!this.locked) throw new Error('Releasing an unlocked lock!');
    this.locked = false;
    this.stopRenewing();
    this.locker.forget(this.id, this);
    // A lease that cannot be deleted (the database away) expires on its own; the request goes on.
    await this.locker
      .release(this.id, this.holder)
      .catch((err: Error) => this.locker.warn(`Upload lease not released (${err.message}); it will expire`));
  }

  /** Another process (or request) waits for this upload. */
  askToRelease(): void {
    void Promise.resolve()
      .then(() => this.requestRelease?.())
      .catch(() => undefined);
  }

  stopRenewing(): void {
    clearInterval(this.heartbeat);
  }

  private async renew(): Promise<void> {
    if (this.renewing || !this.locked) return;
    this.renewing = true;
    try {
      // A failed query proves nothing while the lease lasts: try again on the next beat. Once it
      // has run out unrenewed (the database away that long), another process may have it.
      let held: boolean;
      try {
        held = await this.locker.renew(this.id, this.holder);
        if (held) this.renewedAt = Date.now();
      } catch {
        held = Date.now() - this.renewedAt < this.locker.timings.leaseMs;
      }
      if (!held && this.locked) {
        // The lease expired (this process stalled, or the database was away) and another took it:
        // this request must stop writing.
        this.stopRenewing();
        this.locker.warn(`Upload lease lost while held; ending the request`);
        this.askToRelease();
      }
    } finally {
      this.renewing = false;
    }
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, ms));
    signal.addEventListener('abort', done, { once: true });
  });
}
