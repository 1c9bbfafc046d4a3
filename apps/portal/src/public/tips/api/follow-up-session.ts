import type { FollowUpSession } from '@vigie/common';

/**
 * The follow-up token lives for the tab only (sessionStorage), so that a reload on a flaky connection
 * does not ask for the password again. Never a cookie, never localStorage; the password is never kept.
 */
const SESSION_KEY = 'vigie.followUp';

export interface StoredFollowUp extends FollowUpSession {
  code: string;
}

function storage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

export function saveFollowUpSession(session: StoredFollowUp): void {
  try {
    storage()?.setItem(SESSION_KEY, JSON.stringify(session));
  } catch {
    // Kept in memory only, then.
  }
}

/** The stored session, unless it has expired (the API would refuse it anyway). */
export function loadFollowUpSession(now = Date.now()): StoredFollowUp | null {
  try {
    const raw = storage()?.getItem(SESSION_KEY);
    if (!raw) return null;
    const session = JSON.parse(raw) as Partial<StoredFollowUp>;
    if (
      typeof session.token === 'string' &&
      typeof session.code === 'string' &&
      typeof session.expiresAt === 'string' &&
      Date.parse(session.expiresAt) > now
    )
      return session as StoredFollowUp;
  } catch {
    // A damaged entry: sign in again.
  }
  clearFollowUpSession();
  return null;
}

export function clearFollowUpSession(): void {
  try {
    storage()?.removeItem(SESSION_KEY);
  } catch {
    // Nothing stored.
  }
}
