import type { ProofOfWorkChallenge } from '@vigie/common';

/** The `altcha` field the API expects: base64 of the solution as JSON. */
export function encodeSolution(challenge: ProofOfWorkChallenge, number: number): string {
  const { algorithm, challenge: hash, salt, signature } = challenge;
  // Every field is ASCII (hex, digits, the salt's query string), so btoa needs no UTF-8 step.
  return btoa(JSON.stringify({ algorithm, challenge: hash, number, salt, signature }));
}

/** When the challenge stops being accepted (ALTCHA puts `expires=<unix seconds>` in the salt), or null. */
export function challengeExpiresAt(challenge: ProofOfWorkChallenge): number | null {
  const query = challenge.salt.split('?')[1];
  const expires = query ? new URLSearchParams(query).get('expires') : null;
  return expires && /^\d+$/.test(expires) ? Number(expires) * 1000 : null;
}
