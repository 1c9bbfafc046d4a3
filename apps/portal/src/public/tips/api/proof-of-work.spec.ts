// @vitest-environment node
import type { ProofOfWorkChallenge } from '@vigie/common';
import { verifySolution } from 'altcha-lib/v1';
import { createHash, createHmac, randomBytes, randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { challengeExpiresAt, encodeSolution } from './altcha-solution';
import { solveChallenge } from './proof-of-work';

const HMAC_KEY = 'test-hmac-key';

/** An ALTCHA v1 challenge made the way the API makes one (altcha-lib), here with Node's own crypto. */
function makeChallenge(maxnumber = 100_000, secret = randomInt(maxnumber + 1)) {
  const expires = Math.floor(Date.now() / 1000) + 20 * 60;
  const salt = `${randomBytes(12).toString('hex')}?expires=${expires}&`;
  const challenge = createHash('sha256').update(`${salt}${secret}`).digest('hex');
  const signature = createHmac('sha256', HMAC_KEY).update(challenge).digest('hex');
  return {
    secret,
    expires,
    challenge: { algorithm: 'SHA-256', challenge, maxnumber, salt, signature } satisfies ProofOfWorkChallenge,
  };
}

describe('proof-of-work solver', () => {
  it('finds the number behind a challenge, and the API’s verifier accepts the encoded solution', async () => {
    const { secret, challenge } = makeChallenge();
    const number = await solveChallenge(challenge);
    expect(number).toBe(secret);

    const field = encodeSolution(challenge, number);
    expect(JSON.parse(Buffer.from(field, 'base64').toString('utf8'))).toEqual({
      algorithm: 'SHA-256',
      challenge: challenge.challenge,
      number: secret,
      salt: challenge.salt,
      signature: challenge.signature,
    });
    await expect(verifySolution(field, HMAC_KEY, true)).resolves.toBe(true);
    // A wrong number is refused by the same verifier: the test above is not vacuous.
    await expect(verifySolution(encodeSolution(challenge, number + 1), HMAC_KEY, true)).resolves.toBe(false);
    // Up to 100,000 hashes: a second on an idle core, far more on a loaded 2-core machine.
  }, 60_000);

  it('finds numbers at both ends of the range, whatever the batch size', async () => {
    for (const secret of [0, 999]) {
      const { challenge } = makeChallenge(999, secret);
      await expect(solveChallenge(challenge, { batchSize: 7 })).resolves.toBe(secret);
      await expect(solveChallenge(challenge, { batchSize: 1000, yieldBetweenBatches: true })).resolves.toBe(
        secret,
      );
    }
  });

  it('gives up on a challenge with no solution in range, and stops when aborted', async () => {
    const { challenge } = makeChallenge(100_000, 50_000);
    await expect(solveChallenge({ ...challenge, maxnumber: 100 })).rejects.toThrow(/No solution/);

    const abort = new AbortController();
    abort.abort();
    await expect(solveChallenge(challenge, { signal: abort.signal })).rejects.toThrow(/cancelled/);
    await expect(solveChallenge({ ...challenge, algorithm: 'SHA-512' })).rejects.toThrow(/Unsupported/);
  });

  it('reads when the challenge expires from its salt', () => {
    const { challenge, expires } = makeChallenge(10);
    expect(challengeExpiresAt(challenge)).toBe(expires * 1000);
    expect(challengeExpiresAt({ ...challenge, salt: 'abc' })).toBeNull();
  });
});
