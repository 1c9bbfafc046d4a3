import { Injectable, OnModuleInit } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { PgListener } from '../database/pg-listener';

export interface CachedResponse {
  body: Buffer;
  etag: string;
  lastModified: string;
  contentType: string;
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
  private readonly entries = new Map<string, { at: number; value: Promise<CachedResponse | null> }>();

  constructor(private readonly listener: PgListener) {}

  async onModuleInit(): Promise<void> {
    await this.listener.listen(CHANNEL, () => this.clear());
  }

  /** Returns the cached response for `key`, building it once if absent (concurrent callers share the build). */
  get(
    key: string,
    build: () => Promise<{ body: string | Buffer; contentType: string; lastModified: Date } | null>,
  ): Promise<CachedResponse | null> {
    const cached = this.entries.get(key);
    if (cached && Date.now() - cached.at < MAX_AGE_MS) return cached.value;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    const value = build().then((built) => {
      if (!built) return null;
      const body = Buffer.isBuffer(built.body) ? built.body : Buffer.from(built.body);
      return {
        body,
        etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
        lastModified: built.lastModified.toUTCString(),
        contentType: built.contentType,
      };
    });
    value.catch(() => this.entries.delete(key));
    this.entries.set(key, { at: Date.now(), value });
    return value;
  }

  clear(): void {
    this.entries.clear();
  }

  /** Call inside the transaction that changes public content; delivered to every process on commit. */
  async notifyChanged(tx: EntityManager): Promise<void> {
    await tx.query(`SELECT pg_notify($1, '')`, [CHANNEL]);
  }
}
