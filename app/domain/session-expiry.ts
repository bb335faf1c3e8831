// When a signed-in session ends (OWASP ASVS 4.0 V3.3): after a fixed time from sign-in however busy
// the person is, and after a shorter time without use. Times are epoch milliseconds.

export type SessionPolicy = {
  /** From sign-in; never extended. */
  absoluteMs: number;
  /** From the last use. */
  idleMs: number;
  /** The idle expiry is written only when it would move by at least this much, to keep writes low. */
  touchEveryMs: number;
};

export const ABSOLUTE_LIFETIME_MS = 12 * 60 * 60 * 1000;
export const DEFAULT_IDLE_MINUTES = 30;
/** How long before the idle timeout the warning appears (GOV.UK's timeout pattern uses 2 minutes). */
export const WARN_BEFORE_MS = 2 * 60 * 1000;

export function sessionPolicy(idleMinutes: number): SessionPolicy {
  const idleMs = idleMinutes * 60 * 1000;
  // A tenth of the idle time, at most a minute: short test timeouts still slide smoothly.
  return { absoluteMs: ABSOLUTE_LIFETIME_MS, idleMs, touchEveryMs: Math.min(60_000, Math.floor(idleMs / 10)) };
}

export function absoluteEnd(createdAt: number, policy: SessionPolicy): number {
  return createdAt + policy.absoluteMs;
}

/** The idle expiry of a session used at `at`, never past its absolute end. */
export function idleExpiryAfterUse(createdAt: number, at: number, policy: SessionPolicy): number {
  return Math.min(at + policy.idleMs, absoluteEnd(createdAt, policy));
}

export type SessionCheck =
  | { valid: false; reason: "idle" | "absolute" }
  | {
      valid: true;
      expiresAt: number;
      /** The new idle expiry to store, or null to leave it. */ touchTo: number | null;
    };

/**
 * Whether a session is still valid at `now`, and whether this use should move its stored idle expiry.
 * The absolute end is worked out from the creation time, not the stored expiry, so no stored value
 * (from an older policy or a bug) can keep a session alive past it.
 */
export function checkSession(
  session: { createdAt: number; expiresAt: number },
  now: number,
  policy: SessionPolicy,
): SessionCheck {
  if (!Number.isFinite(session.createdAt) || now >= absoluteEnd(session.createdAt, policy)) {
    return { valid: false, reason: "absolute" };
  }
  if (!Number.isFinite(session.expiresAt) || now >= session.expiresAt) return { valid: false, reason: "idle" };
  const next = idleExpiryAfterUse(session.createdAt, now, policy);
  // A stored expiry later than the policy allows (an older, longer policy) is pulled in at once.
  const touchTo = session.expiresAt > next || next - session.expiresAt >= policy.touchEveryMs ? next : null;
  return { valid: true, expiresAt: touchTo ?? session.expiresAt, touchTo };
}

/**
 * When the browser should warn and sign out, counted from the page's last request. The server may
 * have written the idle expiry up to `touchEveryMs` before that request, so the browser allows for it
 * and never counts past the server's own timeout.
 */
export function warningTimes(policy: SessionPolicy): { signOutAfterMs: number; warnBeforeMs: number } {
  const signOutAfterMs = policy.idleMs - policy.touchEveryMs;
  return { signOutAfterMs, warnBeforeMs: Math.min(WARN_BEFORE_MS, signOutAfterMs) };
}
