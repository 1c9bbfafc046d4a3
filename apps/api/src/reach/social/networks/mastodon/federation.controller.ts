import { Controller, Get, Header, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../../../common/auth.decorators';
import { RateLimited } from '../../../../common/rate-limit';
import { Clock } from '../../../../common/clock';
import { AppConfig } from '../../../../config/app-config';
import {
  ACTIVITY_JSON,
  actorDocument,
  AS_CONTEXT,
  FederationUrls,
  noteActivity,
  noteDocument,
  type ActivityDocument,
} from './activity-documents';
import { activityPubError } from './activitypub.errors';
import { ActivityPubStore, type ActorRow } from './activitypub-store';
import { checkSignedDelivery } from './http-signatures';
import { InboxService } from './inbox.service';
import { RemoteActors, type RemoteActor } from './remote-actors';

/** The largest delivery the inbox reads (Mastodon's own notes are a few kilobytes). */
export const INBOX_MAX_BYTES = 256 * 1024;
const OUTBOX_SIZE = 20;
const USERNAME = /^[a-z0-9_]{1,64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ACCEPTED_TYPES = /^application\/(activity\+json|ld\+json)\b/;

/**
 * The agency's ActivityPub actor, as the fediverse reaches it: WebFinger (@slug@host), the actor
 * document with its public key, its outbox and followers count, its notes by address, and its
 * inbox. Public, like the appeals they carry; the inbox reads nothing before the sender's HTTP
 * signature checks out (401), refuses what is not JSON (400) or too large (413), and is rate-
 * limited per client. The followers collection gives a count, never who follows the police.
 */
@ApiExcludeController()
@Controller()
export class FederationController {
  private readonly urls: FederationUrls;

  constructor(
    private readonly store: ActivityPubStore,
    private readonly inbox: InboxService,
    private readonly remote: RemoteActors,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    this.urls = new FederationUrls(config.publicUrl);
  }

  @Get('.well-known/webfinger')
  @Public()
  @RateLimited('activitypub-client')
  @Header('Content-Type', 'application/jrd+json; charset=utf-8')
  @Header('Access-Control-Allow-Origin', '*')
  async webfinger(@Query('resource') resource: unknown): Promise<ActivityDocument> {
    if (typeof resource !== 'string' || resource.length > 300) throw activityPubError('BAD_RESOURCE');
    const match = /^acct:@?([^@\s]+)@([^@\s]+)$/i.exec(resource);
    const byUrl = resource.startsWith(`${this.urls.actor('')}`)
      ? resource.slice(this.urls.actor('').length)
      : null;
    const username = match ? match[1].toLowerCase() : byUrl;
    if (!username || (match && match[2].toLowerCase() !== this.urls.host.toLowerCase()))
      throw activityPubError(match || byUrl !== null ? 'NOT_FOUND' : 'BAD_RESOURCE');
    const actor = await this.actorNamed(username);
    return {
      subject: `acct:${actor.username}@${this.urls.host}`,
      aliases: [this.urls.actor(actor.username)],
      links: [{ rel: 'self', type: ACTIVITY_JSON, href: this.urls.actor(actor.username) }],
    };
  }

  @Get('ap/users/:username')
  @Public()
  @Header('Content-Type', `${ACTIVITY_JSON}; charset=utf-8`)
  @Header('Cache-Control', 'public, max-age=300')
  async actor(@Param('username') username: string): Promise<ActivityDocument> {
    const actor = await this.actorNamed(username);
    return actorDocument(this.urls, actor, this.urls.actor(actor.username));
  }

  @Get('ap/users/:username/outbox')
  @Public()
  @Header('Content-Type', `${ACTIVITY_JSON}; charset=utf-8`)
  @Header('Cache-Control', 'public, max-age=60')
  async outbox(@Param('username') username: string): Promise<ActivityDocument> {
    const actor = await this.actorNamed(username);
    const { notes, total } = await this.store.recentNotes(actor.id, OUTBOX_SIZE);
    return {
      '@context': AS_CONTEXT,
      id: this.urls.outbox(actor.username),
      type: 'OrderedCollection',
      totalItems: total,
      orderedItems: notes.map((note) => noteActivity(this.urls, actor, note, 'Create')),
    };
  }

  @Get('ap/users/:username/followers')
  @Public()
  @Header('Content-Type', `${ACTIVITY_JSON}; charset=utf-8`)
  @Header('Cache-Control', 'public, max-age=60')
  async followers(@Param('username') username: string): Promise<ActivityDocument> {
    const actor = await this.actorNamed(username);
    return {
      '@context': AS_CONTEXT,
      id: this.urls.followers(actor.username),
      type: 'OrderedCollection',
      totalItems: await this.store.followerCount(actor.id),
    };
  }

  @Get('ap/notes/:id')
  @Public()
  @Header('Cache-Control', 'public, max-age=60')
  async note(@Param('id') id: string, @Res() res: Response): Promise<void> {
    const note = UUID.test(id) ? await this.store.note(id) : null;
    const actor = note ? await this.store.actorById(note.actorId) : null;
    if (!note || !actor) throw activityPubError('NOT_FOUND');
    // A note taken down answers 410 with its tombstone, so servers that kept a copy drop it.
    res
      .status(note.deletedAt ? 410 : 200)
      .type(`${ACTIVITY_JSON}; charset=utf-8`)
      .send(JSON.stringify(noteDocument(this.urls, actor, note)));
  }

  @Get('ap/notes/:id/image')
  @Public()
  // As short as the note's: a found child's photo taken down must not stay in caches for an hour.
  @Header('Cache-Control', 'public, max-age=60')
  @Header('X-Content-Type-Options', 'nosniff')
  async noteImage(@Param('id') id: string, @Res() res: Response): Promise<void> {
    const image = UUID.test(id) ? await this.store.noteImage(id) : null;
    if (!image) throw activityPubError('NOT_FOUND');
    res.type(image.type).send(image.bytes);
  }

  @Post('ap/users/:username/inbox')
  @Public()
  @RateLimited('activitypub-client')
  @HttpCode(202)
  async receive(@Param('username') username: string, @Req() req: Request): Promise<void> {
    const actor = await this.actorNamed(username);
    if (!ACCEPTED_TYPES.test(req.headers['content-type'] ?? '')) throw activityPubError('UNSUPPORTED_TYPE');
    const raw = await readBody(req);

    let sender: RemoteActor | null = null;
    const check = await checkSignedDelivery(
      { method: req.method, url: req.originalUrl, headers: req.headers },
      raw,
      this.clock.now(),
      async (keyId) => {
        const key = {
          keyId: this.urls.keyId(actor.username),
          privateKeyPem: await this.store.privateKeyPem(actor.id),
        };
        sender = await this.remote.fetch(keyId, key);
        return sender && sender.publicKeyId === keyId ? sender.publicKeyPem : null;
      },
    );
    if (!check.ok || !sender)
      throw activityPubError(check.ok ? 'BAD_SIGNATURE' : SIGNATURE_ERRORS[check.reason]);

    let activity: unknown;
    try {
      activity = JSON.parse(raw.toString('utf8'));
    } catch {
      throw activityPubError('BAD_JSON');
    }
    if (
      typeof activity !== 'object' ||
      activity === null ||
      Array.isArray(activity) ||
      typeof (activity as ActivityDocument).type !== 'string'
    )
      throw activityPubError('BAD_JSON');
    if (!(await this.inbox.receive(actor, activity as ActivityDocument, sender)))
      throw activityPubError('NOT_THE_SENDER');
  }

  private async actorNamed(username: string): Promise<ActorRow> {
    const actor = USERNAME.test(username) ? await this.store.actorByUsername(username) : null;
    if (!actor) throw activityPubError('NOT_FOUND');
    return actor;
  }
}

const SIGNATURE_ERRORS = {
  UNSIGNED: 'UNSIGNED',
  MALFORMED: 'BAD_SIGNATURE',
  DIGEST: 'BAD_DIGEST',
  BAD_SIGNATURE: 'BAD_SIGNATURE',
  UNKNOWN_KEY: 'UNKNOWN_KEY',
} as const;

/** The body as bytes (the Digest is over them), refused past INBOX_MAX_BYTES without reading on. */
async function readBody(req: Request): Promise<Buffer> {
  if (Number(req.headers['content-length'] ?? 0) > INBOX_MAX_BYTES) throw activityPubError('TOO_LARGE');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > INBOX_MAX_BYTES) throw activityPubError('TOO_LARGE');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
