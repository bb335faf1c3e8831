import type { ThrottleRule } from "./sign-in-throttle";

/**
 * The one-time links that set a password: an invitation (a week to answer it, as people may be away)
 * and a reset of a forgotten password (an hour: it is asked for by the person, who is at their email).
 * Each works once; a newer link of the same kind replaces an older one.
 */

export type AccountTokenPurpose = "invitation" | "password_reset";

const HOUR_MS = 60 * 60 * 1000;

export const TOKEN_LIFETIME_MS: Readonly<Record<AccountTokenPurpose, number>> = {
  invitation: 7 * 24 * HOUR_MS,
  password_reset: HOUR_MS,
};

export function tokenExpiry(purpose: AccountTokenPurpose, issuedAt: Date): Date {
  return new Date(issuedAt.getTime() + TOKEN_LIFETIME_MS[purpose]);
}

export type TokenState = "valid" | "expired" | "used" | "account-closed";

/** Whether a link still works: in this order, so a used link says "used" even once it has also expired. */
export function tokenState(
  token: { expiresAt: string; usedAt: string | null; userActive: boolean },
  now: Date,
): TokenState {
  if (token.usedAt !== null) return "used";
  if (!token.userActive) return "account-closed";
  if (Date.parse(token.expiresAt) <= now.getTime()) return "expired";
  return "valid";
}

/**
 * Reset links asked for, per address typed and per client address, over a sliding hour: enough for a
 * person whose email is slow, too few to flood someone's inbox. Beyond it the answer is the same, and
 * nothing is sent.
 */
export const RESET_PER_EMAIL: ThrottleRule = { maxFailures: 3, windowMs: HOUR_MS };
export const RESET_PER_ADDRESS: ThrottleRule = { maxFailures: 20, windowMs: HOUR_MS };
