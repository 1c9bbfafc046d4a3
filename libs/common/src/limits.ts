/** Limits both apps enforce: the portal to help the user, the API because it must. */
export const LIMITS = {
  /** Largest JSON body any route accepts. Tip media goes through multipart or tus, never JSON. */
  jsonBodyBytes: 256 * 1024,
  /**
   * Deepest nesting of objects and arrays in a JSON body (the deepest request, an appeal's subject
   * text, is 5). A body nested thousands deep parsed, then overflowed the stack of whatever walked it.
   */
  jsonDepthMax: 32,
  emailLength: 254,
  passwordMaxLength: 256,
  staffPasswordMinLength: 12,
  staffNameMax: 200,
  agencyNameMax: 200,
  totpDigits: 6,
} as const;

/**
 * Text limits of a tip and its follow-up, in characters. The API's DTOs (tip.dto.ts) enforce them; the
 * tip pages check the same values in the browser. They live here, away from the decorators, so that the
 * public pages can read them without downloading class-validator.
 */
export const TIP_LIMITS = {
  descriptionMax: 10_000,
  placeMax: 500,
  messageMax: 5_000,
  nameMax: 200,
  phoneMax: 40,
  emailMax: 254,
  altchaMax: 4_000,
  /** As typed at follow-up sign-in (the printed form is 9 characters; spaces are forgiven). */
  tipCodeMax: 20,
  passwordMax: 200,
  /** The phone's reported accuracy, in metres. */
  accuracyMaxM: 100_000,
} as const;

/** Shapes of tip fields, shared by the API's DTOs and the tip pages' checks in the browser. */
export const TIP_PATTERNS = {
  /** A description or a message: anything but blank. */
  someText: /\S/,
  // "(514) 555-2163" is how most people in North America write a number: it may open with a parenthesis.
  phone: /^[+(\d][\d\s().-]{5,38}$/,
  agencySlug: /^[a-z0-9-]{2,60}$/,
  appealSlug: /^[a-z0-9-]{3,100}$/,
} as const;

/**
 * A date, or a date and time with an optional zone, as RFC 3339 writes them (no week dates): what
 * JavaScript and Postgres read the same way. (`IsTimestamp` adds that `Date.parse` must read it.)
 */
export const TIMESTAMP_PATTERN =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/** Names of the cookies and header the staff session relies on. */
export const SESSION_COOKIE = 'vigie_session';
export const CSRF_COOKIE = 'vigie_csrf';
export const CSRF_HEADER = 'x-csrf-token';
/**
 * A signed, httpOnly cookie naming the staff member who last signed in on this browser. Sign-in
 * attempts that carry it are throttled per browser, not per account, so that strangers' failures
 * never lock a person out of the browser they already use.
 */
export const DEVICE_COOKIE = 'vigie_device';

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

const MB = 1024 * 1024;

/**
 * What one tip may carry, sent with it, on the follow-up page and resumably (tus) together: the
 * API's defaults (TIP_MAX_FILES, TIP_TOTAL_MAX_MB, TIP_FILE_MAX_MB), and what the tip form tells
 * the tipster before they pick files. The follow-up page shows the deployment's own figures, which
 * the API sends with the tip's view.
 */
export const TIP_UPLOAD_LIMITS = {
  maxFiles: 20,
  totalBytes: 4096 * MB,
  /** One file: a few minutes of 4K phone video. */
  fileBytes: 2048 * MB,
} as const;

/** Where a tip stands against its upload limits (the follow-up view, and a refusal's details). */
export interface TipUploadAllowance {
  maxFiles: number;
  maxBytes: number;
  usedFiles: number;
  usedBytes: number;
}

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

/**
 * The solved proof-of-work challenge (ALTCHA payload, base64) travels in this header, not in the
 * multipart body: the API checks it before reading a byte of the upload, so a robot without one
 * is turned away before it can make the server receive and store anything.
 */
export const PROOF_OF_WORK_HEADER = 'x-altcha';
