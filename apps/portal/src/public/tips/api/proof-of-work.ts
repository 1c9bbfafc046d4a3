import type { ProofOfWorkChallenge } from '@vigie/common';

/** ALTCHA v1's ceiling when a challenge names none. */
const DEFAULT_MAX_NUMBER = 1_000_000;

export interface SolveOptions {
  signal?: AbortSignal;
  /**
   * How many candidates are hashed at once. crypto.subtle answers asynchronously, so a batch keeps it busy
   * instead of paying a round trip per number.
   */
  batchSize?: number;
  /** On the main thread, give the page a turn between batches so that it stays responsive. */
  yieldBetweenBatches?: boolean;
}

function hexToBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

function sameBytes(buffer: ArrayBuffer, expected: Uint8Array): boolean {
  const view = new Uint8Array(buffer);
  if (view.length !== expected.length) return false;
  for (let i = 0; i < view.length; i++) if (view[i] !== expected[i]) return false;
  return true;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Finds the number n in [0, maxnumber] for which hex(SHA-256(salt + n)) is the challenge (ALTCHA v1).
 * The server made the challenge from a random n, so on average half the range is searched: a few hundred
 * milliseconds on a phone for the API's ceiling of 100,000. Rejects when no number fits (a forged or
 * damaged challenge) or when `signal` aborts.
 */
export async function solveChallenge(
  challenge: ProofOfWorkChallenge,
  { signal, batchSize = 1000, yieldBetweenBatches = false }: SolveOptions = {},
): Promise<number> {
  if (challenge.algorithm.toUpperCase() !== 'SHA-256')
    throw new Error(`Unsupported algorithm ${challenge.algorithm}`);
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error('crypto.subtle is not available (the page must be served over HTTPS)');
  const target = hexToBytes(challenge.challenge.toLowerCase());
  const max = challenge.maxnumber ?? DEFAULT_MAX_NUMBER;
  const encoder = new TextEncoder();

  for (let start = 0; start <= max; start += batchSize) {
    if (signal?.aborted) throw new DOMException('Solving cancelled', 'AbortError');
    const end = Math.min(start + batchSize - 1, max);
    const digests = await Promise.all(
      Array.from({ length: end - start + 1 }, (_, i) =>
        subtle.digest('SHA-256', encoder.encode(challenge.salt + String(start + i))),
      ),
    );
    const found = digests.findIndex((digest) => sameBytes(digest, target));
    if (found >= 0) return start + found;
    if (yieldBetweenBatches) await nextTask();
  }
  throw new Error('No solution in range');
}
