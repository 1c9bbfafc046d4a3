import type { ProofOfWorkChallenge } from '@vigie/common';
import { solveChallenge } from './proof-of-work';

export type SolverReply = { number: number } | { error: string };

// A worker of its own (a file under /assets, allowed by the CSP's worker-src 'self'): hashing never
// competes with the page for the main thread on a slow phone.
self.onmessage = (event: MessageEvent<ProofOfWorkChallenge>) => {
  solveChallenge(event.data).then(
    (number) => self.postMessage({ number } satisfies SolverReply),
    (error: unknown) => self.postMessage({ error: String(error) } satisfies SolverReply),
  );
};
