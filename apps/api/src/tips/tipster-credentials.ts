import * as argon2 from '@node-rs/argon2';
import { randomInt } from 'node:crypto';
import { wordlist as english } from '@scure/bip39/wordlists/english.js';
import { wordlist as french } from '@scure/bip39/wordlists/french.js';

/** No 0/O, 1/I/L: a code read aloud over the phone, or copied by hand, survives. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A tip code like "K7QM-2XH9": 8 characters, 39 bits, unique (the database enforces it). */
export function newTipCode(): string {
  const chars = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

const WORDS = { en: english, fr: french };
const PASSPHRASE_WORDS = 5;

/**
 * Five common words in the tipster's language (BIP-39 lists: 2,048 words each, chosen to be
 * distinct from their first four letters): 55 bits, easy to write down, hard to guess.
 */
export function newPassphrase(language: 'fr' | 'en'): string {
  const list = WORDS[language];
  return Array.from({ length: PASSPHRASE_WORDS }, () => list[randomInt(list.length)]).join('-');
}

/** What is hashed and compared: case, accents and separators do not matter when typing it back. */
export function normalizePassphrase(input: string): string {
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * argon2id, with much lighter parameters than staff passwords (which people choose, and which
 * therefore need OWASP's 19 MiB). These passphrases are generated with 55 bits of entropy: an
 * offline guess needs 2^54 hashes on average, about 16,000 core-years even at 1 ms each. What
 * the work factor must not do is stop a surge: 300 tips/s on two cores leaves ~2 ms of CPU per
 * tip for the hash (measured: 2 MiB, 1 pass is ~2,400 hashes/s on 2 cores; 8 MiB, ~400/s).
 */
const TIPSTER_ARGON2 = { memoryCost: 2048, timeCost: 1, parallelism: 1 } as const;

export const hashPassphrase = (passphrase: string) =>
  argon2.hash(normalizePassphrase(passphrase), TIPSTER_ARGON2);

let dummyHash: Promise<string> | undefined;

/**
 * Compares a passphrase with its hash. With no hash (an unknown code) it spends the same time on
 * a dummy, so the answer's timing does not tell which codes exist.
 */
export async function verifyPassphrase(hash: string | undefined, passphrase: string): Promise<boolean> {
  dummyHash ??= hashPassphrase('dummy-dummy-dummy-dummy-dummy');
  const ok = await argon2
    .verify(hash ?? (await dummyHash), normalizePassphrase(passphrase))
    .catch(() => false);
  return ok && hash !== undefined;
}
