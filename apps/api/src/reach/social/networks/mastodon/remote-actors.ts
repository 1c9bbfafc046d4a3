import { Injectable } from '@nestjs/common';
import { Clock } from '../../../../common/clock';
import { isPublicHttpsAddress, PublicHttp } from '../../../../common/public-http';
import { AppConfig } from '../../../../config/app-config';
import { stringField } from '../network-request';
import { ACTIVITY_JSON } from './activity-documents';
import { signedHeaders, type SigningKey } from './http-signatures';

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
 * Every call the actor makes to another server: fetching actor documents, signed with the agency's
 * key (servers in "authorized fetch" mode answer nothing else), and delivering activities to
 * inboxes. Each address comes from a stranger (a keyId, a Follow's actor, a follower's inbox), so
 * only public https addresses are called (`PublicHttp`: a name resolving to a loopback, private or
 * link-local address is refused when connecting, so the server cannot be made to call its own
 * services, a cloud's metadata endpoint or the agency's network) unless ACTIVITYPUB_ALLOW_INSECURE
 * says otherwise (tests, labs); without redirects, within a deadline and a size.
 */
@Injectable()
export class RemoteActors {
  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly http: PublicHttp,
  ) {}

  private get allowInsecure(): boolean {
    return this.config.env.ACTIVITYPUB_ALLOW_INSECURE;
  }

  /** A public address we may call, or null. */
  allowed(url: string): boolean {
    return isPublicHttpsAddress(url, this.allowInsecure);
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
      const response = await this.http.request(url.href, {
        method: 'GET',
        headers: { accept: ACTIVITY_JSON, ...(await signedHeaders(url.href, 'GET', as, this.clock.now())) },
        timeoutMs: TIMEOUT_MS,
        maxBytes: MAX_DOCUMENT_BYTES,
        allowInsecure: this.allowInsecure,
      });
      if (response.status < 200 || response.status >= 300) return null;
      return this.actorOf(JSON.parse(response.body.toString('utf8')) as unknown, url);
    } catch {
      // Refused (an internal address), unreachable, too slow, too large, or not JSON: no actor.
      return null;
    }
  }

  /** Posts an activity to an inbox; the inbox's HTTP status, or throws (unreachable, too slow, refused). */
  async deliver(inbox: string, headers: Record<string, string>, body: string, timeoutMs: number) {
    const response = await this.http.request(inbox, {
      method: 'POST',
      headers,
      body,
      timeoutMs,
      maxBytes: 0,
      allowInsecure: this.allowInsecure,
    });
    return response.status;
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
