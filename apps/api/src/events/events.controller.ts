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
    // Live events are held while the table is read (on opening, and after the LISTEN connection
    // was lost), then sent: one announced during the read may be newer than what the read returns,
    // and sending it first would move lastId past events the read is about to deliver, which `send`
    // would then drop for good (seen after a database restart: a desk missed the first tips taken).
    // Per agency ids commit in order (LiveEvents.emit), so the read plus what was held is complete.
    let reading = 0;
    const held: LiveEvent[] = [];
    const catchUp = async () => {
      // In pages, until nothing is left: a desk away during a surge may have missed thousands.
      for (
        let page = lastId === null ? [] : await this.events.since(staff.agencyId, lastId);
        page.length;
        page = await this.events.since(staff.agencyId, lastId!)
      ) {
        page.forEach((e) => send(e));
      }
    };
    // One read at a time: a gap during a read reads again after it, from where it ended. Counted
    // at once, so that nothing announced from now on is sent before the read.
    let reads = Promise.resolve();
    const replay = () => {
      reading++;
      reads = reads
        .catch(() => undefined) // an earlier read that failed has ended the stream already
        .then(catchUp)
        .finally(() => {
          if (--reading === 0) held.splice(0).forEach((e) => send(e));
        });
      return reads;
    };
    const unsubscribe = this.events.subscribe({
      event: (e) => (reading > 0 ? held.push(e) : send(e)),
      // Catching up needs the database: if it is still away, end the stream, and the desk's
      // EventSource comes back with Last-Event-ID and replays from the table once it answers.
      gap: () => void replay().catch(() => res.end()),
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
    await replay();
    if (lastId === null) lastId = '0';
  }
}
