import {
  handleOfProfileUrl,
  normalizeEmail,
  normalizeHandle,
  normalizeUrl,
  ObservableKind,
} from '@vigie/common';
import type { FoundObservable } from './found-observable';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
/** Links with a scheme or "www.", and the social networks' links people paste without either. */
const URL_PATTERN =
  /(?:\bhttps?:\/\/|\bwww\.|\b(?:facebook|instagram|tiktok|twitter|x|threads|youtube|snapchat)\.(?:com|net)\/)[^\s<>"'«»]+/gi;
const HANDLE = /(?<![\p{L}\p{N}_.@/])@([A-Za-z0-9_.]{2,30})/gu;

export function findEmails(text: string): FoundObservable[] {
  return [...text.matchAll(EMAIL)].flatMap((m) => {
    const value = normalizeEmail(m[0]);
    return value ? [{ kind: ObservableKind.EMAIL, value, start: m.index, end: m.index + m[0].length }] : [];
  });
}

/** Links, and for a profile link on a social network the account it names, as a handle on the same words. */
export function findUrls(text: string): FoundObservable[] {
  return [...text.matchAll(URL_PATTERN)].flatMap((m) => {
    const written = m[0].replace(/[.,;:!?)\]]+$/, '');
    const value = normalizeUrl(written);
    if (!value) return [];
    const span = { start: m.index, end: m.index + written.length };
    const handle = handleOfProfileUrl(value);
    return [
      { kind: ObservableKind.URL, value, ...span },
      ...(handle ? [{ kind: ObservableKind.HANDLE, value: handle, ...span }] : []),
    ];
  });
}

/** A social network named in a sentence: "son insta", "on TikTok", "sur Snap", "IG". */
const NETWORK =
  /(?<![\p{L}\p{N}])(?:insta(?:gram)?|ig|snap(?:chat)?|tik ?tok|twitter|threads|telegram|kik|discord|facebook|fb|youtube|twitch)(?![\p{L}\p{N}])/giu;
/** A word that could be an account, written without its "@". */
const BARE_ACCOUNT = /(?<![\p{L}\p{N}_.@/#-])[A-Za-z0-9_.]{3,30}(?![\p{L}\p{N}_@/-])/gu;
/** How far a network's name may stand from the account, within one clause. */
const BEFORE_CHARS = 40;
const AFTER_CHARS = 30;
const CLAUSE_END = /[!?;\n]|\.\s/;
/** What an account is not: a file, a domain, a clock ("14h30"). */
const NOT_ACCOUNT =
  /\.(?:jpe?g|png|gif|webp|heic|mp4|mov|pdf|com|ca|net|org|qc|fr|io|me|tv|app)$|^\d{1,2}h\d{0,2}$/i;

/**
 * Whether a bare word looks like an account rather than a word: it has a letter, and an underscore
 * or an inner dot ("kev.bouchard", "mathgendron_mtl"), or is lower-case letters then digits
 * ("jopel514"; not "iPhone13" or a plate). Plain words ("ronnie", "photo") are not read: without
 * their "@" they are words.
 */
function accountShaped(word: string): boolean {
  if (!/[a-z]/i.test(word) || NOT_ACCOUNT.test(word)) return false;
  return /_|[^.]\.[^.]/.test(word) || /^[a-z][a-z0-9]*\d[a-z0-9]*$/.test(word);
}

/** True when a network's name stands in `window`, with no end of clause between it and the account. */
function networkNear(window: string, side: 'before' | 'after'): boolean {
  for (const m of window.matchAll(NETWORK)) {
    const between = side === 'before' ? window.slice(m.index + m[0].length) : window.slice(0, m.index);
    if (!CLAUSE_END.test(between)) return true;
  }
  return false;
}

/**
 * "@jean_t" as written in a sentence (not the middle of an e-mail address); and an account written
 * without its "@" beside the network's name, in the same clause: "son insta c'est kev.bouchard",
 * "goes by dany.b450 on Snapchat", "the TikTok account mathgendron_mtl".
 */
export function findHandles(text: string): FoundObservable[] {
  const withAt = [...text.matchAll(HANDLE)].flatMap((m) => {
    const written = m[0].replace(/\.+$/, '');
    const value = normalizeHandle(written);
    return value
      ? [{ kind: ObservableKind.HANDLE, value, start: m.index, end: m.index + written.length }]
      : [];
  });
  const bare = [...text.matchAll(BARE_ACCOUNT)].flatMap((m) => {
    const written = m[0].replace(/\.+$/, '');
    if (!accountShaped(written)) return [];
    const end = m.index + written.length;
    const near =
      networkNear(text.slice(Math.max(0, m.index - BEFORE_CHARS), m.index), 'before') ||
      networkNear(text.slice(end, end + AFTER_CHARS), 'after');
    const value = near ? normalizeHandle(written) : null;
    return value ? [{ kind: ObservableKind.HANDLE, value, start: m.index, end }] : [];
  });
  return [...withAt, ...bare].sort((a, b) => a.start - b.start);
}
