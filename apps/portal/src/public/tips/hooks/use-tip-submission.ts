import type { TipReceipt } from '@vigie/common';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../shared/api/api-error';
import { retryDelayMs, submitOutcome, type SubmitOutcome } from '../api/tip-errors';
import { sendTip } from '../api/tips.api';

/**
 * `dropped`: an earlier attempt lost its connection (or its answer) and this one starts over; the page says
 * so until the tip is received, rather than showing a bar back at 0 % under no word.
 */
export type SubmissionState =
  | { phase: 'idle' }
  | { phase: 'solving'; dropped?: boolean }
  | { phase: 'sending'; loaded: number; total: number; dropped?: boolean }
  /** Held on the page: the next attempt at `retryAt`, or when the browser is back online (retryAt null). */
  | { phase: 'waiting'; retryAt: number | null; dropped?: boolean }
  | { phase: 'failed'; outcome: Exclude<SubmitOutcome, { kind: 'retry' }> }
  | { phase: 'done'; receipt: TipReceipt };

/**
 * Makes the tip's multipart body for one attempt. `afterDrop`: an earlier attempt lost its connection,
 * so files are better left out of this one and sent resumably after the receipt.
 */
export type BuildBody = (attempt: { afterDrop: boolean }) => FormData;

interface Options {
  /** Whatever must be in place before a tip may be sent (the receipt's code); a failure counts as offline. */
  beforeSend?: () => Promise<void>;
  takeSolution: () => Promise<string>;
  renewSolution: () => void;
  /** The tip is stored: the receipt is in `state`. `afterDrop`: the attempt that went through was built after a drop. */
  onDone?: (receipt: TipReceipt, attempt: { afterDrop: boolean }) => void;
  /** An answer that retrying cannot change: the form shows it where it belongs. */
  onFailed?: (outcome: Exclude<SubmitOutcome, { kind: 'retry' }>) => void;
}

/** A refused proof-of-work is solved again and sent again this many times before giving up. */
const CHALLENGE_RETRIES = 2;

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';
/** No answer at all (the connection dropped mid-way), as opposed to a server that answered with an error. */
const connectionLost = (error: unknown) => !ApiError.isApiError(error) || error.statusCode === 0;

/**
 * Sends the tip and holds on to it until it is received. A lost connection or a server error never loses
 * it: the attempt is repeated with growing pauses (2 s, 4 s, 8 s… a minute), at once when the browser says
 * it is back online, or when the tipster taps "try again". Answers that retrying cannot change (a field
 * to fix, a refused file) are handed back to the form.
 */
export function useTipSubmission({ beforeSend, takeSolution, renewSolution, onDone, onFailed }: Options) {
  const [state, setState] = useState<SubmissionState>({ phase: 'idle' });
  const callbacks = useRef({ onDone, onFailed });
  useEffect(() => {
    callbacks.current = { onDone, onFailed };
  }, [onDone, onFailed]);
  const job = useRef<BuildBody | null>(null);
  const attempts = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const controller = useRef<AbortController | null>(null);
  const running = useRef(false);
  /** An attempt of this tip was cut; reset once it is received, cancelled or refused. */
  const dropped = useRef(false);

  const run = useCallback(async () => {
    const build = job.current;
    if (!build || running.current) return;
    running.current = true;
    clearTimeout(timer.current);
    const abort = new AbortController();
    controller.current = abort;
    let challengeRetries = 0;

    const waitAndRetry = () => {
      attempts.current += 1;
      if (typeof navigator !== 'undefined' && navigator.onLine === false) {
        setState({ phase: 'waiting', retryAt: null, dropped: dropped.current });
        return;
      }
      const delay = retryDelayMs(attempts.current);
      setState({ phase: 'waiting', retryAt: Date.now() + delay, dropped: dropped.current });
      timer.current = setTimeout(() => void run(), delay);
    };

    try {
      for (;;) {
        setState({ phase: 'solving', dropped: dropped.current });
        let altcha: string;
        try {
          await beforeSend?.();
          altcha = await takeSolution();
        } catch {
          // No challenge could be had: offline, or the API is down. Same as a failed sending.
          if (abort.signal.aborted) return;
          waitAndRetry();
          return;
        }
        if (abort.signal.aborted) return;
        setState({ phase: 'sending', loaded: 0, total: 0, dropped: dropped.current });
        const attempt = { afterDrop: dropped.current };
        try {
          const receipt = await sendTip(
            build(attempt),
            (loaded, total) => setState({ phase: 'sending', loaded, total, dropped: dropped.current }),
            abort.signal,
            altcha,
          );
          job.current = null;
          attempts.current = 0;
          dropped.current = false;
          setState({ phase: 'done', receipt });
          callbacks.current.onDone?.(receipt, attempt);
          return;
        } catch (error) {
          if (isAbort(error) || abort.signal.aborted) return;
          const outcome = submitOutcome(error);
          if (outcome.kind === 'challenge' && challengeRetries < CHALLENGE_RETRIES) {
            challengeRetries += 1;
            renewSolution();
            continue;
          }
          if (outcome.kind === 'retry') {
            // The connection went (or the answer never came): said on the page until the tip is in.
            if (connectionLost(error)) dropped.current = true;
            waitAndRetry();
            return;
          }
          job.current = null;
          dropped.current = false;
          const final: Exclude<SubmitOutcome, { kind: 'retry' }> =
            outcome.kind === 'challenge' ? { kind: 'stop', message: 'tipSend.errors.challenge' } : outcome;
          setState({ phase: 'failed', outcome: final });
          callbacks.current.onFailed?.(final);
          return;
        }
      }
    } finally {
      running.current = false;
    }
  }, [beforeSend, takeSolution, renewSolution]);

  // Back online: try at once rather than at the end of the pause.
  useEffect(() => {
    if (state.phase !== 'waiting') return;
    const onOnline = () => void run();
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, [state.phase, run]);

  // Leaving the page stops the timer and the request in flight.
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      controller.current?.abort();
    },
    [],
  );

  /** Sends a tip; `build` makes its multipart body (once per attempt), sent with a fresh proof-of-work solution. */
  const submit = useCallback(
    (build: BuildBody) => {
      job.current = build;
      attempts.current = 0;
      dropped.current = false;
      void run();
    },
    [run],
  );

  const retryNow = useCallback(() => void run(), [run]);

  /** Stops trying; the form (and the draft) are still there. */
  const cancel = useCallback(() => {
    clearTimeout(timer.current);
    controller.current?.abort();
    job.current = null;
    dropped.current = false;
    setState({ phase: 'idle' });
  }, []);

  return { state, submit, retryNow, cancel };
}
