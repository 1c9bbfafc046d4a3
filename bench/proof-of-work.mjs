// Proof-of-work solutions for intake benchmarks, minted and solved before the timed window. The
// challenges are made with the API's own key (the bench starts it with a known ENCRYPTION_KEY and
// derives the key the way ProofOfWorkService does), at a low difficulty: verifying a solution costs
// the server one SHA-256 and one HMAC whatever the difficulty, so what is measured is the same,
// while the bench is spared the second of hashing a phone spends on each.
import { createChallenge } from 'altcha-lib/v1';
import { createHash, createHmac, randomBytes } from 'node:crypto';

/** A fresh ENCRYPTION_KEY for the API, and the ALTCHA key it derives from it. */
export function benchKeys() {
  const encryptionKey = randomBytes(32);
  return {
    ENCRYPTION_KEY: encryptionKey.toString('base64'),
    altchaKey: createHmac('sha256', encryptionKey).update('vigie:altcha').digest('base64url'),
  };
}

function solve(c) {
  for (let n = 0; n <= c.maxnumber; n++) {
    if (
      createHash('sha256')
        .update(c.salt + n)
        .digest('hex') === c.challenge
    ) {
      const { algorithm, challenge, salt, signature } = c;
      return Buffer.from(JSON.stringify({ algorithm, challenge, number: n, salt, signature })).toString(
        'base64',
      );
    }
  }
  throw new Error('challenge without a solution');
}

/** `count` solved challenges (X-Altcha values), each usable once, valid for an hour. */
export async function mintedSolutions(hmacKey, count) {
  const expires = new Date(Date.now() + 60 * 60_000);
  const out = new Array(count);
  for (let i = 0; i < count; i++) out[i] = solve(await createChallenge({ hmacKey, maxNumber: 50, expires }));
  return out;
}

/** An autocannon `requests` entry that sends `request` with the next unused solution each time. */
export function withSolutions(request, solutions) {
  let next = 0;
  return {
    ...request,
    setupRequest: (req) => ({
      ...req,
      headers: { ...req.headers, 'x-altcha': solutions[next++ % solutions.length] },
    }),
  };
}
