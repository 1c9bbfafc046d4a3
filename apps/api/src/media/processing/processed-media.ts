import type { MediaEvidence } from '@vigie/common';

/** A derived file written into the work folder; it carries no metadata from the original. */
export interface Rendition {
  /** `play`: a copy made for browsers when the clean copy is not one they can play. */
  name: 'thumb' | 'preview' | 'poster' | 'clean' | 'play';
  format: 'webp' | 'jpeg' | 'mp4' | 'mov' | 'webm' | 'm4a' | 'mp3' | 'ogg';
  width?: number;
  height?: number;
  /** The one copy of a video or recording that the desk's player is given. */
  playable?: true;
  /** Seconds, on a `play` copy cut short of the original (see PLAY_MAX_SECONDS). */
  durationS?: number;
  path: string;
  bytes: number;
}

/** What the original's metadata says (capture time, GPS, device): for staff only. */
export type Evidence = MediaEvidence;

export interface ProcessedMedia {
  renditions: Rendition[];
  /** 16 lowercase hex chars: a 64-bit perceptual hash of photos and video posters. */
  phash?: string;
  evidence: Evidence;
}
