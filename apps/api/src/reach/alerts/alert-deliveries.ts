import type { DataSource } from 'typeorm';

/** Delivery rows are written in groups of this many as answers come in. */
export const RECORD_EVERY = 200;

type Delivered = { id: string; state: 'SENT' | 'REFUSED' };

/**
 * The delivery rows of one batch, written a few hundred at a time as answers come in (one INSERT
 * for each group, never a row per statement), so that a batch that stops halfway (a crash, a
 * deploy) is run again for those it had not reached, give or take the last group.
 */
export class DeliveryRecord {
  private readonly waiting: Delivered[] = [];
  /** Rows whose group could not be written (the database away a moment): tried again at the flush. */
  private readonly unwritten: Delivered[] = [];
  /** One group written at a time, in order; never rejects. */
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly publicationKey: string,
  ) {}

  add(id: string, state: 'SENT' | 'REFUSED'): void {
    this.waiting.push({ id, state });
    if (this.waiting.length >= RECORD_EVERY) this.write();
  }

  /** Writes what is left; rejects when it cannot (the job then fails and runs again for those). */
  async flush(): Promise<void> {
    this.write();
    await this.writing;
    if (this.unwritten.length) await this.insert(this.unwritten.splice(0));
  }

  private write(): void {
    const rows = this.waiting.splice(0);
    if (rows.length === 0) return;
    this.writing = this.writing.then(() =>
      this.insert(rows).catch(() => {
        this.unwritten.push(...rows);
      }),
    );
  }

  private async insert(rows: Delivered[]): Promise<void> {
    // Only subscriptions that still exist: one removed meanwhile (its unsubscribe link, while the
    // alert was on its way) has nothing left to record.
    const statement = `INSERT INTO alert_delivery (publication_key, subscription_id, state)
      SELECT $1, r.id, r.state FROM unnest($2::uuid[], $3::text[]) AS r(id, state)
       WHERE EXISTS (SELECT 1 FROM alert_subscription s WHERE s.id = r.id)
      ON CONFLICT DO NOTHING`;
    const params = [this.publicationKey, rows.map((r) => r.id), rows.map((r) => r.state)];
    try {
      await this.dataSource.query(statement, params);
    } catch (err) {
      // Removed between the check and the write (a foreign key violation): once more, without it.
      if ((err as { code?: string }).code !== '23503') throw err;
      await this.dataSource.query(statement, params);
    }
  }
}
