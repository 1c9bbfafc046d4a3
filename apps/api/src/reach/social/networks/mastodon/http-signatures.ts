import {
  genDigestHeaderBothRFC3230AndRFC9530,
  parseRequestSignature,
  signAsDraftToRequest,
  verifyDigestHeader,
  verifyDraftSignature,
  type RequestLike,
} from '@misskey-dev/node-http-message-signatures';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * HTTP signatures as the fediverse uses them (draft-cavage-http-signatures-12, RSA-SHA256, with an
 * RFC 3230 Digest of the body), through Misskey's library: every delivery and every fetch Vigie
 * makes is signed with the agency's key, and every inbox delivery is checked against the sender's.
 */

const SIGNED_POST = ['(request-target)', 'host', 'date', 'digest'];
const SIGNED_GET = ['(request-target)', 'host', 'date'];
/** Mastodon's own tolerance: a signature an hour old, or five minutes ahead, still counts. */
const CLOCK_SKEW = { delay: 3_600_000, forward: 300_000 };

export interface SigningKey {
  keyId: string;
  privateKeyPem: string;
}

/** The headers of a signed request to `url` (Date from the injected clock). */
export async function signedHeaders(
  url: string,
  method: 'GET' | 'POST',
  key: SigningKey,
  now: Date,
  body?: string,
): Promise<Record<string, string>> {
  const target = new URL(url);
  const request: RequestLike = {
    url: `${target.pathname}${target.search}`,
    method,
    headers: { Date: now.toUTCString(), Host: target.host },
  };
  if (body !== undefined) await genDigestHeaderBothRFC3230AndRFC9530(request, body, 'SHA-256');
  await signAsDraftToRequest(request, key, body !== undefined ? SIGNED_POST : SIGNED_GET);
  return Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]));
}

export type SignatureCheck =
  | { ok: true; keyId: string }
  | { ok: false; reason: 'UNSIGNED' | 'MALFORMED' | 'DIGEST' | 'BAD_SIGNATURE' | 'UNKNOWN_KEY' };

/**
 * Checks a delivery: the Digest matches the bytes received, the Signature covers the request line,
 * host, date and digest, its date is recent, and it verifies with the key `keyFor` finds for its
 * keyId (the sender's actor, fetched). Nothing is parsed from the body before this passes.
 */
export async function checkSignedDelivery(
  request: { method: string; url: string; headers: IncomingHttpHeaders },
  rawBody: Buffer,
  now: Date,
  keyFor: (keyId: string) => Promise<string | null>,
): Promise<SignatureCheck> {
  if (!request.headers.signature) return { ok: false, reason: 'UNSIGNED' };
  const like: RequestLike = { url: request.url, method: request.method, headers: request.headers };
  let parsed;
  try {
    parsed = parseRequestSignature(like, {
      requiredComponents: { draft: SIGNED_POST },
      clockSkew: { now, ...CLOCK_SKEW },
    });
  } catch {
    return { ok: false, reason: 'MALFORMED' };
  }
  if (parsed.version !== 'draft') return { ok: false, reason: 'MALFORMED' };
  if (!(await verifyDigestHeader(like, new Uint8Array(rawBody), true).catch(() => false)))
    return { ok: false, reason: 'DIGEST' };
  const keyId = parsed.value.keyId;
  const publicKeyPem = await keyFor(keyId);
  if (!publicKeyPem) return { ok: false, reason: 'UNKNOWN_KEY' };
  const verified = await verifyDraftSignature(parsed.value, publicKeyPem).catch(() => false);
  return verified ? { ok: true, keyId } : { ok: false, reason: 'BAD_SIGNATURE' };
}
