/** A derived file written into the work folder; it carries no metadata from the original. */
export interface Rendition {
  name: 'thumb' | 'preview' | 'poster' | 'clean';
  format: 'webp' | 'jpeg' | 'mp4' | 'mov' | 'webm' | 'm4a' | 'mp3' | 'ogg';
  width?: number;
  height?: number;
  path: string;
  bytes: number;
}

/**
 * What the original's metadata says about where, when and with what it was captured. For staff
 * only: none of it ever reaches a public page or a derived file.
 */
export interface Evidence {
  /**
   * ISO 8601. With the zone when the file records one (`2026-11-20T18:42:07-05:00`, or `Z`);
   * without one (`2026-11-20T18:42:07`) when the camera wrote only its wall clock, since
   * inventing a zone would move the moment by hours.
   */
  capturedAt?: string;
  latitude?: number;
  longitude?: number;
  altitudeM?: number;
  device?: { make?: string; model?: string; software?: string };
  durationS?: number;
  /** Upright size in pixels (after EXIF orientation or video rotation). */
  width?: number;
  height?: number;
}

export interface ProcessedMedia {
  renditions: Rendition[];
  /** 16 lowercase hex chars: a 64-bit perceptual hash of photos and video posters. */
  phash?: string;
  evidence: Evidence;
}
