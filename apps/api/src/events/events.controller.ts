import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { SESSION_COOKIE, StaffRole } from '@vigie/common';
import type { Request, Response } from 'express';
import { Auth, CurrentStaff } from '../common/auth.decorators';
import { SESSION_LOOKUP, SessionLookup, StaffActor } from '../common/staff-actor';
import { LiveEvent, LiveEvents } from './live-events';

const HEARTBEAT_MS = 25_000;

/** Server-sent events for the desk: live for the caller's agency, resumable with Last-Event-ID. */
@ApiTags('desk')
@Controller('api/events')
export class EventsController {
  constructor(
    private readonly events: LiveEvents,
    @Inject(SESSION_LOOKUP) private readonly sessions: SessionLookup,
  ) {}

  @Get()
  @Auth(StaffRole.INVESTIGATOR, StaffRole.SUPERVISOR, StaffRole.ANALYST)
  @ApiProduces('text/event-stream')
  async stream(@CurrentStaff() staff: StaffActor, @Req() req: Request, @Res() res: Response): Promise<void> {
    // Headers set one by one (not through writeHead) so the compression filter sees the type.
    res.setHeader('Content-Type', 'text/event-stream');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Connection', 'keep-alive');
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    res.write('retry: 2000\n\n');
    let lastId = /^\d+$/.test(String(req.headers['last-event-id'] ?? ''))
      ? String(req.headers['last-event-id'])
      : null;
    const send = (e: LiveEvent) => {
      if (e.agencyId !== staff.agencyId || (lastId !== null && BigInt(e.id) <= BigInt(lastId))) return;
      lastId = e.id;
      res.write(`id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify(e.data)}\n\n`);
    };
    // Subscribe first and hold live events while replaying, so none falls between the two.
    let replaying = true;
    const held: LiveEvent[] = [];
    const catchUp = async () => {
      // In pages, until nothing is left: a desk away during a surge may have missed thousands.
      for (
        let page = lastId === null ? [] : await this.events.since(staff.agencyId, lastId);
        page.length;
        page = await this.events.since(staff.agencyId, lastId!)
      ) {
        page.forEach(send);
      }
    };
    const unsubscribe = this.events.subscribe({
      event: (e) => (replaying ? held.push(e) : send(e)),
      // Catching up needs the database: if it is still away, end the stream, and the desk's
      // EventSource comes back with Last-Event-ID and replays from the table once it answers.
      gap: () => void catchUp().catch(() => res.end()),
      shutdown: () => res.end(),
    });
    // The stream outlives the request that opened it: end it when the session ends (logout, expiry, disabled user).
    const token = String((req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE] ?? '');
    const heartbeat = setInterval(() => {
      void this.sessions.resolve(token).then(
        (still) => (still ? res.write(': keep-alive\n\n') : res.end()),
        // The database away for a moment: keep the desk's stream, and check again on the next beat.
        () => res.write(': keep-alive\n\n'),
      );
    }, HEARTBEAT_MS);
    const stopWatching = this.events.onSessionEnded(staff.sessionHash, () => res.end());
    req.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      stopWatching();
    });
    await catchUp();
    replaying = false;
    held.forEach(send);
    if (lastId === null) lastId = '0';
  }
}
