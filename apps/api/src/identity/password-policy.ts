import { dictionary } from '@zxcvbn-ts/language-common';
import { LIMITS } from '@vigie/common';

/**
 * NIST SP 800-63B (5.1.1.2): a length floor, no composition rules, and a check against passwords
 * known to be common or breached. The list is zxcvbn-ts's `passwords-common` (about 49,000
 * passwords seen most often in public breach corpora; package @zxcvbn-ts/language-common, MIT),
 * loaded once into a set.
 */
let common: Set<string> | undefined;
const commonPasswords = () =>
  (common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase())));

/**
 * Why a new password is refused, or null when it is acceptable. `context` holds words tied to the
 * account (e-mail, name, agency) that a password must not simply be, as 800-63B also asks.
 */
export function passwordProblem(password: string, context: string[] = []): string | null {
  if ([...password].length < LIMITS.staffPasswordMinLength)
    return `Use at least ${LIMITS.staffPasswordMinLength} characters`;
  const folded = password.toLowerCase().normalize('NFKC');
  const core = folded.replace(/^[\d\W_]+|[\d\W_]+$/gu, '');
  if (commonPasswords().has(folded) || (core.length >= 4 && commonPasswords().has(core)))
    return 'This password is among those most often guessed or leaked: choose another';
  if (/^(.{1,4})\1+$/u.test(folded) || isRun(folded))
    return 'A repeated or sequential pattern is easy to guess: choose another';
  const squeeze = (text: string) => text.replace(/[\W_]+/gu, '');
  const words = context
    .flatMap((c) => [c.toLowerCase().split('@')[0], ...c.toLowerCase().split(/[@\s.]+/)])
    .map(squeeze)
    .filter((w) => w.length >= 4)
    .concat('vigie');
  if (words.some((w) => squeeze(folded) === w || squeeze(core) === w))
    return 'Do not use your name, e-mail or the service’s name as your password';
  return null;
}

const RUNS = ['0123456789'.repeat(4), 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiopasdfghjklzxcvbnm'];

/** "123456789012", "abcdefghijkl", the keyboard's rows, forwards or backwards. */
function isRun(text: string): boolean {
  const reversed = [...text].reverse().join('');
  return RUNS.some((run) => run.includes(text) || run.includes(reversed));
}
