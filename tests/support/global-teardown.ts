import { rm } from 'node:fs/promises';

export default async function globalTeardown(): Promise<void> {
  const pg = (globalThis as { __vigiePg?: { stop(): Promise<void>; dataDir: string } }).__vigiePg;
  if (!pg) return;
  await pg.stop();
  await rm(pg.dataDir, { recursive: true, force: true });
}
