import { DataSource } from 'typeorm';

const MIGRATION_LOCK = 7_462_001; // arbitrary, constant: one migrator at a time across processes

/**
 * Runs pending migrations under an advisory lock, so that several API processes starting together
 * do not race each other. Never `synchronize`.
 */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    return ran.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
