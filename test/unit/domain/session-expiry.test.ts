import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkSession, idleExpiryAfterUse, sessionPolicy, warningTimes } from "~/domain/session-expiry";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const policy = sessionPolicy(30);

describe("checkSession", () => {
  it("refuses a session after 30 idle minutes", () => {
    expect(checkSession({ createdAt: 0, expiresAt: 30 * MINUTE }, 30 * MINUTE, policy)).toEqual({
      valid: false,
      reason: "idle",
    });
  });

  it("refuses a session 12 hours after sign-in whatever its stored expiry says", () => {
    expect(checkSession({ createdAt: 0, expiresAt: 13 * HOUR }, 12 * HOUR, policy)).toEqual({
      valid: false,
      reason: "absolute",
    });
  });

  it("moves the idle expiry only when it would move by a minute or more", () => {
    expect(checkSession({ createdAt: 0, expiresAt: 30 * MINUTE }, 59_000, policy)).toEqual({
      valid: true,
      expiresAt: 30 * MINUTE,
      touchTo: null,
    });
    expect(checkSession({ createdAt: 0, expiresAt: 30 * MINUTE }, MINUTE, policy)).toEqual({
      valid: true,
      expiresAt: 31 * MINUTE,
      touchTo: 31 * MINUTE,
    });
  });

  it("pulls in a stored expiry longer than the policy allows", () => {
    expect(checkSession({ createdAt: 0, expiresAt: 10 * HOUR }, MINUTE, policy)).toEqual({
      valid: true,
      expiresAt: 31 * MINUTE,
      touchTo: 31 * MINUTE,
    });
  });

  it("never lets a session outlive 12 hours from sign-in or 30 minutes from its last use", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 40 * MINUTE }), { minLength: 1, maxLength: 40 }), (gaps) => {
        let expiresAt = idleExpiryAfterUse(0, 0, policy);
        let now = 0;
        for (const gap of gaps) {
          now += gap;
          const check = checkSession({ createdAt: 0, expiresAt }, now, policy);
          if (!check.valid) {
            expect(gap >= 29 * MINUTE || now >= 12 * HOUR).toBe(true);
            return;
          }
          expect(now).toBeLessThan(12 * HOUR);
          expect(gap).toBeLessThan(30 * MINUTE);
          expect(check.expiresAt).toBeLessThanOrEqual(Math.min(now + 30 * MINUTE, 12 * HOUR));
          if (check.touchTo !== null) expiresAt = check.touchTo;
        }
      }),
    );
  });
});

describe("warningTimes", () => {
  it("warns 2 minutes before, and signs out before the server could have", () => {
    expect(warningTimes(policy)).toEqual({ signOutAfterMs: 29 * MINUTE, warnBeforeMs: 2 * MINUTE });
    expect(warningTimes(sessionPolicy(1))).toEqual({ signOutAfterMs: 54_000, warnBeforeMs: 54_000 });
  });
});
