/** E-mail addresses, links and social-media handles, each in one comparable form. */

const EMAIL = /^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$/i;
const HANDLE = /^[a-z0-9_.]{2,30}$/i;
/** Parameters that only say where a link was shared from, not what it points to. */
const TRACKING = /^(utm_.*|fbclid|gclid|igsh|igshid|si|mibextid|ref|ref_src|s|t)$/i;

export function normalizeEmail(raw: string): string | null {
  const email = raw.trim().toLowerCase();
  return EMAIL.test(email) && !email.includes('..') ? email : null;
}

/** "https://www.Facebook.com/jean.tremblay/?fbclid=…" → "facebook.com/jean.tremblay". */
export function normalizeUrl(raw: string): string | null {
  let text = raw.trim().replace(/[.,;:!?)\]'"»]+$/, '');
  if (!/^https?:\/\//i.test(text)) text = `https://${text}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase().replace(/^(www|m|mobile)\./, '');
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/.test(host) || url.username || url.password) return null;
  const kept = [...url.searchParams].filter(([name]) => !TRACKING.test(name));
  const query = kept.length ? `?${new URLSearchParams(kept).toString()}` : '';
  return `${host}${url.pathname.replace(/\/+$/, '')}${query}`;
}

/** "@Jean_Tremblay" → "@jean_tremblay"; handles are compared without case, as the networks do. */
export function normalizeHandle(raw: string): string | null {
  const name = raw.trim().replace(/^@/, '').replace(/\.$/, '');
  return HANDLE.test(name) && /[a-z]/i.test(name) ? `@${name.toLowerCase()}` : null;
}

/** Social networks whose profile links name the account: the handle is the first part of the path. */
const PROFILE_HOSTS = new Set([
  'instagram.com',
  'tiktok.com',
  'x.com',
  'twitter.com',
  'facebook.com',
  'threads.net',
  'youtube.com',
  'snapchat.com',
]);
/** First path parts that are pages of the network, not accounts. */
const NOT_ACCOUNTS = new Set([
  'p',
  'reel',
  'reels',
  'tv',
  'stories',
  'status',
  'share',
  'watch',
  'groups',
  'events',
  'photo',
  'photos',
  'profile.php',
  'hashtag',
  'explore',
  'i',
  'home',
  'search',
  'video',
  'shorts',
  'channel',
  'add',
  'marketplace',
  'permalink.php',
  'story.php',
]);

/** The account a profile link names ("instagram.com/jean.t/" → "@jean.t"), else null. */
export function handleOfProfileUrl(normalizedUrl: string): string | null {
  const [host, ...path] = normalizedUrl.split('?')[0].split('/');
  if (!PROFILE_HOSTS.has(host)) return null;
  let first = path[0] ?? '';
  if (host === 'snapchat.com' && first === 'add') first = path[1] ?? '';
  if (!first || NOT_ACCOUNTS.has(first.toLowerCase())) return null;
  return normalizeHandle(first);
}
