import { currentTotp, newTotpSecret, verifyTotp } from './totp';

describe('TOTP', () => {
  const secret = newTotpSecret();
  const now = 1_763_700_000_000;

  it('accepts the current code and returns its time step', () => {
    expect(verifyTotp(secret, currentTotp(secret, now), now)).toBe(Math.floor(now / 30_000));
  });

  it('allows one step of drift, not two', () => {
    expect(verifyTotp(secret, currentTotp(secret, now - 30_000), now)).not.toBeNull();
    expect(verifyTotp(secret, currentTotp(secret, now - 90_000), now)).toBeNull();
  });

  it('matches the RFC 6238 reference vector (SHA-1, T=59)', () => {
    // RFC 6238 appendix B: secret "12345678901234567890", time 59 s -> 94287082 (8 digits); 6 digits -> 287082.
    const rfcSecret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    expect(currentTotp(rfcSecret, 59_000)).toBe('287082');
  });
});
