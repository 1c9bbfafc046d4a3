import { Injectable } from '@nestjs/common';
import { Clock } from '../../../../common/clock';
import { AppConfig } from '../../../../config/app-config';
import { stringField } from '../network-request';
import { ACTIVITY_JSON } from './activity-documents';
import { signedHeaders, type SigningKey } from './http-signatures';
import { isPublicHttpsAddress } from './public-address';

/** What Vigie needs of another server's actor: where to deliver, how to name it, its key. */
export interface RemoteActor {
  id: string;
  inbox: string;
  /** The server's inbox for everyone on it (endpoints.sharedInbox), when it has one. */
  sharedInbox: string | null;
  /** @user@host, for the archive. */
  handle: string;
  publicKeyId: string;
  publicKeyPem: string;
}

const MAX_DOCUMENT_BYTES = 512 * 1024;
const TIMEOUT_MS = 10_000;

/**
 * Fetches other servers' actor documents, signed with the agency's key (servers in "authorized
 * fetch" mode answer nothing else). The address comes from a stranger (a keyId, a Follow's
 * actor), so only public https addresses are fetched unless ACTIVITYPUB_ALLOW_INSECURE says
 * otherwise, without redirects, within a deadline and a size.
 */
@Injectable()
export class RemoteActors {
  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** A public address we may call, or null. */
  allowed(url: string): boolean {
    return isPublicHttpsAddress(url, this.config.env.ACTIVITYPUB_ALLOW_INSECURE);
  }

  /** The actor at this address (a keyId's fragment dropped), or null if it cannot be read. */
  async fetch(uri: string, as: SigningKey): Promise<RemoteActor | null> {
    let url: URL;
    try {
      url = new URL(uri);
    } catch {
      return null;
    }
    url.hash = '';
    if (!this.allowed(url.href)) return null;
    try {
      const response = await fetch(url, {
        headers: { accept: ACTIVITY_JSON, ...(await signedHeaders(url.href, 'GET', as, this.clock.now())) },
        redirect: 'error',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (!response.ok || Number(response.headers.get('content-length') ?? 0) > MAX_DOCUMENT_BYTES) {
        await response.body?.cancel();
        return null;
      }
      const text = await response.text();
      if (text.length > MAX_DOCUMENT_BYTES) return null;
      return this.actorOf(JSON.parse(text) as unknown, url);
    } catch {
      return null;
    }
  }

  private actorOf(document: unknown, fetched: URL): RemoteActor | null {
    const id = stringField(document, 'id');
    const inbox = stringField(document, 'inbox');
    const username = stringField(document, 'preferredUsername');
    const publicKeyId = stringField(document, 'publicKey', 'id');
    const owner = stringField(document, 'publicKey', 'owner');
    const publicKeyPem = stringField(document, 'publicKey', 'publicKeyPem');
    if (!id || !inbox || !publicKeyId || !publicKeyPem || owner !== id) return null;
    // A document may only speak for its own server: an actor, its inbox and its key on one origin.
    const origin = fetched.origin;
    if ([id, inbox, publicKeyId].some((u) => !sameOrigin(u, origin)) || !this.allowed(inbox)) return null;
    const shared = stringField(document, 'endpoints', 'sharedInbox');
    const sharedInbox = shared && sameOrigin(shared, origin) && this.allowed(shared) ? shared : null;
    return {
      id,
      inbox,
      sharedInbox,
      publicKeyId,
      publicKeyPem,
      handle: `@${username ?? 'unknown'}@${fetched.host}`,
    };
  }
}

function sameOrigin(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}
