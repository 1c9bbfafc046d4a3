import { ClientKey } from './client-key';

describe('ClientKey', () => {
  it('is stable within a process and day, distinct per address, and never the address', () => {
    const keys = new ClientKey();
    expect(keys.of('203.0.113.7')).toBe(keys.of('203.0.113.7'));
    expect(keys.of('203.0.113.7')).not.toBe(keys.of('203.0.113.8'));
    expect(keys.of('203.0.113.7')).not.toContain('203');
  });

  it('cannot be linked across processes (a fresh random salt each)', () => {
    expect(new ClientKey().of('203.0.113.7')).not.toBe(new ClientKey().of('203.0.113.7'));
  });
});
