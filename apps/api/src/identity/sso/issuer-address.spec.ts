import { issuerProblem } from './issuer-address';

describe('issuerProblem', () => {
  it.each([
    'https://login.microsoftonline.com/tenant/v2.0',
    'https://idp.police.example/realms/vigie',
    'https://8.8.8.8/',
    'https://172.32.0.1/',
    'https://[2001:db8::1]/',
  ])('accepts %s', (issuer) => expect(issuerProblem(issuer, false)).toBeNull());

  it('refuses plain http', () => {
    expect(issuerProblem('http://idp.police.example/', false)).toMatch(/https/);
  });

  it.each([
    'https://127.0.0.1/',
    'https://localhost:8443/',
    'https://idp.localhost/',
    'https://0.0.0.0/',
    'https://10.1.2.3/',
    'https://172.16.0.1/',
    'https://172.31.255.255/',
    'https://192.168.1.10/',
    'https://169.254.169.254/latest/meta-data',
    'https://[::1]/',
    'https://[fe80::1]/',
    'https://[fd12:3456::1]/',
    'https://[::ffff:127.0.0.1]/',
    'https://2130706433/', // 127.0.0.1 as one number: URL normalises it
  ])('refuses the internal address %s', (issuer) => {
    expect(issuerProblem(issuer, false)).toMatch(/public address/);
  });

  it('lets anything through with SSO_ALLOW_INSECURE_ISSUER (tests and labs)', () => {
    expect(issuerProblem('http://127.0.0.1:4000/', true)).toBeNull();
  });
});
