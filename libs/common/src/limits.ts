/** Limits both apps enforce: the portal to help the user, the API because it must. */
export const LIMITS = {
  /** Largest JSON body any route accepts. Tip media goes through multipart or tus, never JSON. */
  jsonBodyBytes: 256 * 1024,
  emailLength: 254,
  passwordMaxLength: 256,
  staffPasswordMinLength: 12,
  totpDigits: 6,
} as const;

/** Names of the cookies and header the staff session relies on. */
export const SESSION_COOKIE = 'vigie_session';
export const CSRF_COOKIE = 'vigie_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export type MediaKind = 'image' | 'video' | 'audio';

/**
 * The only file types Vigie accepts, keyed by the MIME type `file-type` reads from the bytes.
 * Anything else (SVG, HTML, PDF, executables, polyglots that sniff as none of these) is refused.
 */
export const ALLOWED_MEDIA: Record<string, { kind: MediaKind; ext: string }> = {
  'image/jpeg': { kind: 'image', ext: 'jpg' },
  'image/png': { kind: 'image', ext: 'png' },
  'image/webp': { kind: 'image', ext: 'webp' },
  'image/heic': { kind: 'image', ext: 'heic' },
  'image/heif': { kind: 'image', ext: 'heif' },
  'image/avif': { kind: 'image', ext: 'avif' },
  'image/gif': { kind: 'image', ext: 'gif' },
  'video/mp4': { kind: 'video', ext: 'mp4' },
  'video/quicktime': { kind: 'video', ext: 'mov' },
  'video/webm': { kind: 'video', ext: 'webm' },
  'audio/x-m4a': { kind: 'audio', ext: 'm4a' },
  'audio/mp4': { kind: 'audio', ext: 'm4a' },
  'audio/mpeg': { kind: 'audio', ext: 'mp3' },
  'audio/ogg': { kind: 'audio', ext: 'ogg' },
};

export const MEDIA_LIMITS = {
  /** Photos and composite sketches on an appeal. */
  appealImageBytes: 25 * 1024 * 1024,
  /** Decoded size limit: refuses decompression bombs before they reach memory. 100 megapixels. */
  maxPixels: 100_000_000,
  /**
   * Largest still image of any kind. Phone photos are a few MB; images are parsed in memory
   * (HEIC in particular), so a 2 GB "photo" must be refused before anything reads it.
   */
  imageMaxBytes: 64 * 1024 * 1024,
} as const;
