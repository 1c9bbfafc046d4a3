import type { TipReceipt } from '@vigie/common';

/**
 * The receipt the tipster has not yet said they saved. Kept in this tab's memory only (never in
 * browser storage: the password must not outlive the page), so that going to the follow-up and
 * coming Back, or the follow-up's "show my code again", finds it, until "I have saved them".
 */
let pending: TipReceipt | null = null;

export function rememberReceipt(receipt: TipReceipt): void {
  pending = receipt;
}

export function pendingReceipt(): TipReceipt | null {
  return pending;
}

export function forgetReceipt(): void {
  pending = null;
}
