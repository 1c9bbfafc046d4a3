import { createDecipheriv, createECDH, ECDH, hkdfSync, randomBytes } from 'node:crypto';
import { PushEncryption, PushToEncrypt } from './push-encryption';

/** A browser's side of RFC 8291: its key pair and auth secret, and decryption of what it receives. */
function browser(): { ecdh: ECDH; auth: Buffer; p256dh: string } {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return { ecdh, auth: randomBytes(16), p256dh: ecdh.getPublicKey().toString('base64url') };
}

function decrypt(body: Uint8Array, ua: { ecdh: ECDH; auth: Buffer }): string {
  const data = Buffer.from(body);
  const salt = data.subarray(0, 16);
  const idLength = data[20];
  const asPublic = data.subarray(21, 21 + idLength);
  const secret = ua.ecdh.computeSecret(asPublic);
  const info = Buffer.concat([Buffer.from('WebPush: info\0'), ua.ecdh.getPublicKey(), asPublic]);
  const ikm = Buffer.from(hkdfSync('sha256', secret, ua.auth, info, 32));
  const key = Buffer.from(hkdfSync('sha256', ikm, salt, 'Content-Encoding: aes128gcm\0', 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, 'Content-Encoding: nonce\0', 12));
  const record = data.subarray(21 + idLength);
  const decipher = createDecipheriv('aes-128-gcm', key, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const plain = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  // The last record ends with the delimiter 0x02, then padding zeros (none here).
  return plain.subarray(0, plain.lastIndexOf(2)).toString('utf8');
}

const message = (p256dh: string, auth: Buffer, payload: string): PushToEncrypt => ({
  endpoint: 'https://push.example/send/1',
  p256dh,
  auth: auth.toString('base64url'),
  payload,
  authorization: 'vapid t=x, k=y',
  urgency: 'high',
  ttlSeconds: 60,
});

describe('PushEncryption', () => {
  let encryption: PushEncryption;
  beforeEach(() => (encryption = new PushEncryption(2)));
  afterEach(() => encryption.stop());

  it('encrypts each of many messages asked for at once for its own browser, on threads', async () => {
    const browsers = Array.from({ length: 150 }, browser);
    const results = await Promise.all(
      browsers.map((b, i) => encryption.encrypt(message(b.p256dh, b.auth, `message ${i}`))),
    );
    // Each browser reads its own message (and only it can: a mix-up between groups would show here).
    expect(results.map((r, i) => decrypt(r!.body, browsers[i]))).toEqual(
      browsers.map((_b, i) => `message ${i}`),
    );
    expect(results[0]!.headers).toMatchObject({
      'Content-Encoding': 'aes128gcm',
      Urgency: 'high',
      TTL: 60,
      Authorization: 'vapid t=x, k=y',
    });
  });

  it('answers null for keys that are no point on the curve, without failing the others', async () => {
    const good = browser();
    const bad = Buffer.alloc(65, 4).toString('base64url');
    const [first, second] = await Promise.all([
      encryption.encrypt(message(bad, randomBytes(16), 'lost')),
      encryption.encrypt(message(good.p256dh, good.auth, 'kept')),
    ]);
    expect(first).toBeNull();
    expect(decrypt(second!.body, good)).toBe('kept');
  });

  it('refuses work once stopped', async () => {
    const b = browser();
    await encryption.encrypt(message(b.p256dh, b.auth, 'before'));
    await encryption.stop();
    await expect(encryption.encrypt(message(b.p256dh, b.auth, 'after'))).rejects.toThrow(/stopped/);
  });
});
