/**
 * A tip code as people type it or read it over the phone (any case, with or without the dash,
 * with spaces), in its stored form "K7QM-2XH9"; null when it cannot be a code. Used by the
 * tipster's follow-up sign-in and by the inbox search, so both read a code the same way.
 */
export function normalizeTipCode(input: string): string | null {
  const bare = input.toUpperCase().replace(/[\s-]/g, '');
  return /^[A-Z2-9]{8}$/.test(bare) ? `${bare.slice(0, 4)}-${bare.slice(4)}` : null;
}
