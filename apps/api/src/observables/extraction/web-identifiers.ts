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

/** "@jean_t" as written in a sentence; not the middle of an e-mail address. */
export function findHandles(text: string): FoundObservable[] {
  return [...text.matchAll(HANDLE)].flatMap((m) => {
    const written = m[0].replace(/\.+$/, '');
    const value = normalizeHandle(written);
    return value
      ? [{ kind: ObservableKind.HANDLE, value, start: m.index, end: m.index + written.length }]
      : [];
  });
}
