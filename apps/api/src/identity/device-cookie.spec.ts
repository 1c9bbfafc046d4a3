import { DeviceCookies } from './device-cookie';

describe('DeviceCookies', () => {
  const cookies = new DeviceCookies(Buffer.alloc(32, 1));
  const userId = '6f1c0d2e-0000-4000-8000-000000000001';

  it('reads back the user and device it issued, and keeps a known device id', () => {
    const value = cookies.issue(userId, 'device-1');
    expect(cookies.read(value)).toEqual({ userId, deviceId: 'device-1' });
    expect(cookies.read(cookies.issue(userId))?.deviceId).toMatch(/^[\w-]{22}$/);
  });

  it('refuses an altered, moved, truncated or foreign cookie', () => {
    const value = cookies.issue(userId, 'device-1');
    const [, device, mac] = value.split('.');
    expect(cookies.read(`${userId.replace(/1$/, '2')}.${device}.${mac}`)).toBeNull();
    expect(cookies.read(`${userId}.device-2.${mac}`)).toBeNull();
    expect(cookies.read(`${userId}.${device}`)).toBeNull();
    expect(cookies.read(`${value}.extra`)).toBeNull();
    expect(cookies.read(undefined)).toBeNull();
    expect(new DeviceCookies(Buffer.alloc(32, 2)).read(value)).toBeNull();
  });
});
