/**
 * What a file's own metadata says about where, when and with what it was captured, read from the
 * sealed original by processing. For staff only: none of it ever reaches a public page or a
 * derived file. Every field is optional: a screenshot or a messaging app's copy carries none.
 */
export interface MediaEvidence {
  /**
   * ISO 8601. With the zone when the file records one (`2026-11-20T18:42:07-05:00`, or `Z`);
   * without one (`2026-11-20T18:42:07`) when the camera wrote only its wall clock, since
   * inventing a zone would move the moment by hours.
   */
  capturedAt?: string;
  /** WGS 84 degrees, seven decimals at most (about 1 cm). Both or neither. */
  latitude?: number;
  longitude?: number;
  altitudeM?: number;
  /** Horizontal accuracy of the position in metres, when the device recorded it. */
  accuracyM?: number;
  device?: { make?: string; model?: string; software?: string };
  durationS?: number;
  /** Upright size in pixels (after EXIF orientation or video rotation). */
  width?: number;
  height?: number;
}
