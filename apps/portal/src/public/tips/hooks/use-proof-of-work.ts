import { useCallback, useEffect, useRef, useState } from 'react';
import { challengeExpiresAt, encodeSolution } from '../api/altcha-solution';
import { solveInBackground } from '../api/solve-in-background';
import { fetchChallenge } from '../api/challenge.api';

export type ProofOfWorkStatus = 'solving' | 'ready' | 'failed';

interface Solution {
  payload: string;
  expiresAt: number | null;
}

/** A solution this close to its expiry is not sent; a fresh one is made instead. */
const EXPIRY_MARGIN_MS = 2 * 60_000;

/**
 * The anti-robot proof-of-work, started as soon as the form opens so that it is ready when the tipster
 * sends (a few hundred milliseconds of hashing on a phone, in a worker). `take()` gives the solution to
 * send, solving anew if there is none or it is about to expire; `renew()` after the API refused one.
 */
export function useProofOfWork() {
  const [status, setStatus] = useState<ProofOfWorkStatus>('solving');
  const current = useRef<Promise<Solution> | null>(null);
  const controller = useRef<AbortController | null>(null);

  const start = useCallback((): Promise<Solution> => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    const work = (async () => {
      const challenge = await fetchChallenge(abort.signal);
      const number = await solveInBackground(challenge, abort.signal);
      return { payload: encodeSolution(challenge, number), expiresAt: challengeExpiresAt(challenge) };
    })();
    current.current = work;
    work.then(
      () => current.current === work && setStatus('ready'),
      () => current.current === work && !abort.signal.aborted && setStatus('failed'),
    );
    return work;
  }, []);

  // Not during the page's first render and paint: once the browser is idle (the tipster needs several
  // seconds to fill in the form; `take()` starts at once if sending comes first).
  useEffect(() => {
    const begin = () => {
      if (!current.current) void start().catch(() => undefined);
    };
    const idle = typeof requestIdleCallback === 'function';
    const handle = idle ? requestIdleCallback(begin, { timeout: 3_000 }) : window.setTimeout(begin, 1_000);
    return () => {
      if (idle) cancelIdleCallback(handle);
      else window.clearTimeout(handle);
      controller.current?.abort();
    };
  }, [start]);

  const renew = useCallback(() => {
    setStatus('solving');
    void start().catch(() => undefined);
  }, [start]);

  const take = useCallback(async (): Promise<string> => {
    let solution = await (current.current ?? start()).catch(() => null);
    if (!solution || (solution.expiresAt !== null && solution.expiresAt - Date.now() < EXPIRY_MARGIN_MS)) {
      setStatus('solving');
      solution = await start();
    }
    return solution.payload;
  }, [start]);

  return { status, take, renew };
}

export type ProofOfWork = ReturnType<typeof useProofOfWork>;
