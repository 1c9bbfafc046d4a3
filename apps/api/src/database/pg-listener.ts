import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Client } from 'pg';
import { loggableError } from '../common/loggable-error';
import { AppConfig } from '../config/app-config';
import { connectionBounds } from './connection-bounds';
import { OutageLog } from './outage-log';

type Handler = (payload: string) => void;

/** Waits between reconnection attempts: quick at first, then every 5 s while the database is away. */
const RECONNECT_DELAYS_MS = [100, 250, 500, 1_000, 2_000, 5_000];

/**
 * One dedicated connection per process that LISTENs on Postgres channels, so that a change
 * committed by any API process reaches every process (cache invalidation, the live inbox).
 * Reconnects on its own, for as long as it takes; after a reconnect every handler is called with an
 * empty payload, since notifications sent while disconnected are lost and listeners must assume
 * anything changed. That call comes before any notification of the new connection: one delivered
 * first would reach a listener that does not know yet it has something to catch up (a desk's
 * stream sent it, moved its last id past the events it had missed, and skipped those for good).
 */
@Injectable()
export class PgListener implements OnModuleDestroy {
  private readonly logger = new Logger(PgListener.name);
  private readonly outage = new OutageLog(this.logger, 'listener');
  private readonly handlers = new Map<string, Set<Handler>>();
  private client?: Client;
  private connecting?: Promise<void>;
  private retry?: NodeJS.Timeout;
  private closed = false;
  /** The connection was lost: the handlers are told so before anything else is delivered. */
  private owesGap = false;

  constructor(private readonly config: AppConfig) {}

  async listen(channel: string, handler: Handler): Promise<() => void> {
    if (!/^[a-z_]+$/.test(channel)) throw new Error(`Bad channel name ${channel}`);
    const set = this.handlers.get(channel) ?? new Set();
    const isNew = set.size === 0;
    set.add(handler);
    this.handlers.set(channel, set);
    await this.connect();
    if (isNew) await this.client?.query(`LISTEN ${channel}`);
    return () => set.delete(handler);
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    await this.connecting?.catch(() => undefined);
    await this.client?.end().catch(() => undefined);
  }

  private connect(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= (async () => {
      const client = new Client({
        connectionString: this.config.databaseUrl,
        application_name: 'vigie-listener',
        ...connectionBounds(this.config),
      });
      client.on('notification', (msg) => {
        // pg delivers notifications as soon as it reads them, which may be before the code after
        // LISTEN below runs: the catch-up call goes first.
        if (this.owesGap) this.announceGap();
        this.handlers.get(msg.channel)?.forEach((h) => h(msg.payload ?? ''));
      });
      // pg reports a lost connection as 'error' then 'end' (or only 'end' when the server closes it
      // cleanly): either one starts the reconnection, once.
      client.on('error', (err) => this.lost(client, err));
      client.on('end', () => this.lost(client, new Error('Connection terminated unexpectedly')));
      try {
        await client.connect();
        // One round trip for all channels, so that none is listened to later than the others.
        const channels = [...this.handlers.keys()];
        if (channels.length) await client.query(channels.map((c) => `LISTEN ${c}`).join('; '));
      } catch (err) {
        await client.end().catch(() => undefined);
        throw err;
      }
      if (this.closed) return void (await client.end().catch(() => undefined));
      this.client = client;
    })().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private lost(client: Client, err: Error): void {
    if (this.closed || client !== this.client) return; // a failed attempt, or one already replaced
    this.client = undefined;
    this.owesGap = true;
    void client.end().catch(() => undefined);
    if (!this.outage.lost(err)) this.logger.warn(`LISTEN connection lost (${err.name}); reconnecting`);
    this.reconnect(0);
  }

  /** Tells every handler that notifications may have been missed (an empty payload). */
  private announceGap(): void {
    this.owesGap = false;
    for (const set of this.handlers.values())
      for (const handler of set) {
        try {
          handler('');
        } catch (err) {
          this.logger.error({ err: loggableError(err) }, 'listener failed after a reconnect');
        }
      }
  }

  private reconnect(attempt: number): void {
    if (this.closed) return;
    const delay = RECONNECT_DELAYS_MS[Math.min(attempt, RECONNECT_DELAYS_MS.length - 1)];
    this.retry = setTimeout(() => {
      this.connect().then(
        () => {
          this.outage.restored();
          if (this.owesGap) this.announceGap();
        },
        (err: unknown) => {
          this.outage.lost(err);
          this.reconnect(attempt + 1);
        },
      );
    }, delay);
    this.retry.unref();
  }
}
