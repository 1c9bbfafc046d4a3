import { pushEndpointRefusal, pushHosts } from './push-endpoint';

const rule = { hosts: pushHosts('fcm.googleapis.com, web.push.apple.com'), allowLoopbackHttp: false };

describe('pushEndpointRefusal', () => {
  it('takes https endpoints of the configured push services and their subdomains', () => {
    expect(pushEndpointRefusal('https://fcm.googleapis.com/fcm/send/abc', rule)).toBeNull();
    expect(pushEndpointRefusal('https://eu.web.push.apple.com/QGx', rule)).toBeNull();
  });

  it.each([
    ['not a URL', 'push me'],
    ['plain http', 'http://fcm.googleapis.com/fcm/send/abc'],
    ['a host that only ends like one', 'https://evilfcm.googleapis.com.example/x'],
    ['another host', 'https://10.0.0.5/admin'],
    ['loopback http while not allowed', 'http://127.0.0.1:8080/push/1'],
    ['credentials', 'https://a:b@fcm.googleapis.com/x'],
    ['another scheme', 'file:///etc/passwd'],
  ])('refuses %s', (_what, endpoint) => {
    expect(pushEndpointRefusal(endpoint, rule)).not.toBeNull();
  });

  it('lets http on 127.0.0.1 through only when tests ask for it, and nothing else', () => {
    const test = { hosts: ['127.0.0.1'], allowLoopbackHttp: true };
    expect(pushEndpointRefusal('http://127.0.0.1:8080/push/1', test)).toBeNull();
    expect(pushEndpointRefusal('http://localhost:8080/push/1', test)).not.toBeNull();
    expect(pushEndpointRefusal('http://10.0.0.5/push/1', test)).not.toBeNull();
  });
});
