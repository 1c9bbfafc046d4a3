import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateVAPIDKeys } from 'web-push';
import type { Environment } from '../../config/environment';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

/**
 * The deployment's VAPID key pair: VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or else the pair kept in
 * DATA_DIR/vapid.json, made at first start. Every browser subscribed with the public key, so the
 * pair must outlive upgrades and be the same in every API and worker process (set the variables
 * when DATA_DIR is not shared): a new pair silently ends every push subscription.
 */
export async function loadVapidKeys(env: Environment): Promise<VapidKeys> {
  if (env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY)
    return { publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY };
  const file = join(env.DATA_DIR, 'vapid.json');
  const existing = await readKeys(file);
  if (existing) return existing;
  const keys = generateVAPIDKeys();
  await mkdir(env.DATA_DIR, { recursive: true, mode: 0o755 });
  try {
    // 'wx': two processes starting together on a new DATA_DIR keep whichever pair was written first.
    await writeFile(file, JSON.stringify(keys) + '\n', { mode: 0o600, flag: 'wx' });
    return keys;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const written = await readKeys(file);
    if (!written) throw new Error(`${file} exists but holds no VAPID key pair`);
    return written;
  }
}

async function readKeys(file: string): Promise<VapidKeys | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  // A file being written by another process at this instant reads empty: it is not ours to judge.
  if (!text.trim()) return null;
  const { publicKey, privateKey } = JSON.parse(text) as Partial<VapidKeys>;
  if (typeof publicKey !== 'string' || typeof privateKey !== 'string')
    throw new Error(`${file} holds no VAPID key pair`);
  return { publicKey, privateKey };
}

/** The Nest token under which the loaded key pair is provided (alerts.module.ts). */
export const VAPID_KEYS = Symbol('VAPID_KEYS');
