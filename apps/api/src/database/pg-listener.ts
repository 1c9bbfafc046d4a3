import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Client } from 'pg';
import { AppConfig } from '../config/app-config';

type Handler = (payload: string) => void;

/**
 * One dedicated connection per process that LISTENs on Postgres channels, so that a change
 * committed by any API process reaches every process (cache invalidation, the live inbox).
 * Reconnects on its own; after a reconnect every handler is called with an empty payload, since
 * notifications sent while disconnected are lost and listeners must assume anything changed.
 */
@Injectable()
export class PgListener implements OnModuleDestroy {
  private readonly logger = new Logger(PgListener.name);
  private readonly handlers = new Map<string, Set<Handler>>();
  private client?: Client;
  private connecting?: Promise<void>;
  private closed = false;

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
    await this.client?.end().catch(() => undefined);
  }

  private connect(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= (async () => {
      const client = new Client({
        connectionString: this.config.databaseUrl,
        application_name: 'vigie-listener',
      });
      client.on('notification', (msg) =>
        this.handlers.get(msg.channel)?.forEach((h) => h(msg.payload ?? '')),
      );
      client.on('error', (err) => this.reconnect(err));
      await client.connect();
      for (const channel of this.handlers.keys()) await client.query(`LISTEN ${channel}`);
      this.client = client;
    })().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private reconnect(err: Error): void {
    if (this.closed) return;
    this.logger.warn(`LISTEN connection lost (${err.message}); reconnecting`);
    this.client = undefined;
    const retry = () =>
      this.connect().then(
        () => this.handlers.forEach((set) => set.forEach((h) => h(''))),
        () => !this.closed && setTimeout(retry, 1000).unref(),
      );
    setTimeout(retry, 200).unref();
  }
}
