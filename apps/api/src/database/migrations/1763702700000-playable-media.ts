import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Videos and recordings processed before the desk could play them have no rendition marked
 * `playable` (an iPhone's HEVC copy, say, never plays in Chromium). Sending them back to PENDING
 * lets the media job's sweep (TipMediaJob.requeueStale, a thousand every few minutes) process them
 * again: the same poster and clean copy, byte for byte, plus the copy to play and the position's
 * accuracy. Their originals are sealed and untouched; the desk says "processing" meanwhile.
 */
export class PlayableMedia1763702700000 implements MigrationInterface {
  name = 'PlayableMedia1763702700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE tip_media SET state = 'PENDING'
        WHERE kind IN ('video', 'audio') AND state = 'READY'
          AND NOT renditions @> '[{"playable": true}]'::jsonb`,
    );
  }

  async down(): Promise<void> {
    // Nothing to undo: processing again wrote what it had written, plus the copy to play.
  }
}
