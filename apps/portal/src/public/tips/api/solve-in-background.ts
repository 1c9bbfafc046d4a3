import type { ProofOfWorkChallenge } from '@vigie/common';
import type { SolverReply } from './proof-of-work.worker';

/** The fallback, fetched only when it is needed: the worker carries its own copy of the solver. */
async function solveHere(challenge: ProofOfWorkChallenge, signal?: AbortSignal): Promise<number> {
  const { solveChallenge } = await import('./proof-of-work');
  return solveChallenge(challenge, { signal, batchSize: 250, yieldBetweenBatches: true });
}

/**
 * Solves the proof-of-work in a Web Worker; where workers are missing or fail to start, on the main
 * thread in small batches with a pause between them.
 */
export function solveInBackground(challenge: ProofOfWorkChallenge, signal?: AbortSignal): Promise<number> {
  if (typeof Worker === 'undefined') return solveHere(challenge, signal);
  let worker: Worker;
  try {
    worker = new Worker(new URL('./proof-of-work.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return solveHere(challenge, signal);
  }
  return new Promise((resolve, reject) => {
    const stop = () => worker.terminate();
    signal?.addEventListener(
      'abort',
      () => {
        stop();
        reject(new DOMException('Solving cancelled', 'AbortError'));
      },
      { once: true },
    );
    worker.onmessage = (event: MessageEvent<SolverReply>) => {
      stop();
      if ('number' in event.data) resolve(event.data.number);
      else reject(new Error(event.data.error));
    };
    worker.onerror = (event) => {
      // The worker script could not load (an old browser, a blocked file): do the work here instead.
      event.preventDefault();
      stop();
      solveHere(challenge, signal).then(resolve, reject);
    };
    worker.postMessage(challenge);
  });
}
