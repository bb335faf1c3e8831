// Limits on wrong passwords that slow a guesser without letting anyone lock a real person out.
// Both limits include the client's address, so guesses from one place never hold back the
// person signing in from another. Counts are over a sliding window: old failures simply age out.

export type ThrottleRule = { maxFailures: number; windowMs: number };

/** One address trying many accounts (or one account many times). */
export const PER_ADDRESS: ThrottleRule = { maxFailures: 20, windowMs: 15 * 60 * 1000 };
/** One address trying one email address. */
export const PER_EMAIL_AND_ADDRESS: ThrottleRule = { maxFailures: 5, windowMs: 15 * 60 * 1000 };

/** Longest email address that can be delivered (RFC 5321 path limit) and longest password we hash. */
export const MAX_EMAIL_LENGTH = 254;
export const MAX_PASSWORD_LENGTH = 256;

/**
 * Milliseconds until another attempt is allowed under `rule`, or 0 when one is allowed now.
 * `failures` are the times of earlier failures (any order; those before the window are ignored). One
 * stamped a little after `now` counts too: with several instances, a request whose clock read earlier
 * can commit after one whose clock read later, and it must still see that failure.
 */
export function waitUnderRule(failures: readonly number[], now: number, rule: ThrottleRule): number {
  const recent = failures.filter((at) => at > now - rule.windowMs).sort((a, b) => a - b);
  if (recent.length < rule.maxFailures) return 0;
  // Allowed again once enough of the recent failures have aged out to leave one fewer than the limit.
  const oldestThatMustExpire = recent[recent.length - rule.maxFailures]!;
  return Math.max(1, oldestThatMustExpire + rule.windowMs - now);
}

/** Whole minutes to tell a person to wait, never "0 minutes". */
export function minutesToWait(waitMs: number): number {
  return Math.max(1, Math.ceil(waitMs / 60_000));
}
