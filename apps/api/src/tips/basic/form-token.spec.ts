import { FORM_TOKEN_LIFETIME_MS, FormTokens } from './form-token';

const AT = new Date('2026-12-07T15:00:00Z');
const later = (ms: number) => new Date(AT.getTime() + ms);

describe('FormTokens', () => {
  const tokens = new FormTokens(Buffer.alloc(32, 1), 8_000);

  it('is good once old enough, until its lifetime ends', () => {
    const token = tokens.issue(AT);
    expect(tokens.check(token, later(7_999))).toEqual({ ok: false, reason: 'TOO_FRESH' });
    const good = tokens.check(token, later(8_000));
    expect(good).toMatchObject({ ok: true, expiresAt: later(FORM_TOKEN_LIFETIME_MS) });
    expect(tokens.check(token, later(FORM_TOKEN_LIFETIME_MS + 1))).toEqual({ ok: false, reason: 'EXPIRED' });
  });

  it('gives each form its own signature', () => {
    const a = tokens.check(tokens.issue(AT), later(10_000));
    const b = tokens.check(tokens.issue(AT), later(10_000));
    expect(a.ok && b.ok && a.signature !== b.signature).toBe(true);
  });

  it('refuses a forged, altered, back-dated or foreign token', () => {
    const token = tokens.issue(AT);
    const [issued, nonce, mac] = token.split('.');
    const now = later(60_000);
    expect(tokens.check(`${Number(issued) - 60_000}.${nonce}.${mac}`, now).ok).toBe(false);
    expect(tokens.check(`${issued}.${nonce}x.${mac}`, now).ok).toBe(false);
    expect(tokens.check(`${issued}.${nonce}.${mac.slice(1)}`, now).ok).toBe(false);
    expect(tokens.check(new FormTokens(Buffer.alloc(32, 2), 0).issue(AT), now).ok).toBe(false);
    for (const bad of [undefined, '', 'a.b', `${token}.x`, ['x'], 'x'.repeat(500)])
      expect(tokens.check(bad, now)).toEqual({ ok: false, reason: 'INVALID' });
  });
});
