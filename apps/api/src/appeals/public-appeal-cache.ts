import { Injectable, OnModuleInit } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Cacheable, withCompressedForms } from '../common/http-cache';
import { PgListener } from '../database/pg-listener';

export type CachedResponse = Cacheable;

interface Entry {
  at: number;
  value: Promise<CachedResponse | null>;
  /** Set once `value` has resolved, so a hit can be answered without waiting on a promise. */
  resolved?: CachedResponse | null;
}

const CHANNEL = 'vigie_public_appeals';
const MAX_ENTRIES = 500;
/** A backstop only (a lost notification, an AMBER alert passing its expiry): changes clear at once. */
const MAX_AGE_MS = 60_000;

/**
 * Rendered public responses (JSON, feeds, CAP, share pages), kept in memory so a surge of readers
 * costs no database work. Correct rather than merely fast: any change to what the public sees
 * sends a NOTIFY in the same transaction, and every API process drops its cache when it arrives
 * (and the writing process drops its own at once, after commit).
 */
@Injectable()
export class PublicAppealCache implements OnModuleInit {
  private readonly entries = new Map<string, Entry>();
  private readonly clearListeners = new Set<() => void>();

  constructor(private readonly listener: PgListener) {}

  async onModuleInit(): Promise<void> {
    await this.listener.listen(CHANNEL, () => this.clear());
  }

  /** Returns the cached response for `key`, building it once if absent (concurrent callers share the build). */
  get(
    key: string,
    build: () => Promise<{
      body: string | Buffer;
      contentType: string;
      lastModified: Date;
      vary?: string;
    } | null>,
  ): Promise<CachedResponse | null> {
    const cached = this.fresh(key);
    if (cached) return cached.value;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    const entry: Entry = {
      at: Date.now(),
      value: build().then((built) => {
        if (!built) return (entry.resolved = null);
        const body = Buffer.isBuffer(built.body) ? built.body : Buffer.from(built.body);
        const response = withCompressedForms({
          body,
          contentType: built.contentType,
          vary: built.vary,
          lastModified: built.lastModified.toUTCString(),
          etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
        });
        entry.resolved = response;
        return response;
      }),
    };
    // A failed build (404, 410, a database error) is not kept; only this entry, not a newer one.
    entry.value.catch(() => this.entries.get(key) === entry && this.entries.delete(key));
    this.entries.set(key, entry);
    return entry.value;
  }

  /** The finished response for `key` if one is cached and fresh; never builds. */
  peek(key: string): CachedResponse | undefined {
    return this.fresh(key)?.resolved ?? undefined;
  }

  clear(): void {
    this.entries.clear();
    for (const listener of this.clearListeners) listener();
  }

  /**
   * Calls `listener` whenever what the public sees of appeals may have changed, in this process or
   * another: for other features' own caches of public facts (where a tip may go).
   */
  onChange(listener: () => void): void {
    this.clearListeners.add(listener);
  }

  private fresh(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    return entry && Date.now() - entry.at < MAX_AGE_MS ? entry : undefined;
  }

  /** Call inside the transaction that changes public content; delivered to every process on commit. */
  async notifyChanged(tx: EntityManager): Promise<void> {
    await tx.query(`SELECT pg_notify($1, '')`, [CHANNEL]);
  }
}
