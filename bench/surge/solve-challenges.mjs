// Solves ALTCHA v1 challenges in worker threads, before the surge's timed window: a phone spends
// about a second on each; the bench must not spend its load generator's time on them.
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

function solve(c) {
  for (let n = 0; n <= (c.maxnumber ?? 1_000_000); n++) {
    if (
      createHash('sha256')
        .update(c.salt + n)
        .digest('hex') === c.challenge
    ) {
      const payload = {
        algorithm: c.algorithm,
        challenge: c.challenge,
        number: n,
        salt: c.salt,
        signature: c.signature,
      };
      return Buffer.from(JSON.stringify(payload)).toString('base64');
    }
  }
  throw new Error('challenge without a solution');
}

if (!isMainThread) parentPort.postMessage(workerData.map(solve));

/** Fetches `count` challenges from the API and returns their solutions (X-Altcha values). */
export async function solvedChallenges(url, count) {
  const challenges = [];
  for (let i = 0; i < count; i += 50) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, count - i) }, async () => {
        const res = await fetch(`${url}/api/public/tips/challenge`);
        if (!res.ok) throw new Error(`challenge: ${res.status}`);
        return res.json();
      }),
    );
    challenges.push(...batch);
  }
  const threads = Math.max(1, availableParallelism());
  const share = Math.ceil(challenges.length / threads);
  const parts = await Promise.all(
    Array.from({ length: threads }, (_, t) => {
      const slice = challenges.slice(t * share, (t + 1) * share);
      return new Promise((resolve, reject) => {
        const worker = new Worker(new URL(import.meta.url), { workerData: slice });
        worker.once('message', resolve);
        worker.once('error', reject);
      });
    }),
  );
  return parts.flat();
}
