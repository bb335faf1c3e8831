import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { minutesToWait, PER_EMAIL_AND_ADDRESS, waitUnderRule } from "~/domain/sign-in-throttle";

const MINUTE = 60_000;
const rule = { maxFailures: 3, windowMs: 10 * MINUTE };

describe("waitUnderRule", () => {
  it("allows attempts below the limit", () => {
    expect(waitUnderRule([], 0, rule)).toBe(0);
    expect(waitUnderRule([0, 1000], 2000, rule)).toBe(0);
  });

  it("waits until the oldest failure that matters leaves the window", () => {
    // Failures at 0, 1 and 2 minutes; at 3 minutes the one at 0 leaves the window at 10 minutes.
    expect(waitUnderRule([0, MINUTE, 2 * MINUTE], 3 * MINUTE, rule)).toBe(7 * MINUTE);
    // Order does not matter; failures outside the window do not count.
    expect(waitUnderRule([2 * MINUTE, -60 * MINUTE, MINUTE, 0], 3 * MINUTE, rule)).toBe(7 * MINUTE);
  });

  it("forgets failures older than the window: four last year and one typo today", () => {
    const year = 365 * 24 * 60 * MINUTE;
    expect(waitUnderRule([0, 1, 2, 3, year], year + 1, PER_EMAIL_AND_ADDRESS)).toBe(0);
  });

  it("after waiting as long as it says, the next attempt is allowed", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 * MINUTE }), { maxLength: 12 }),
        fc.integer({ min: 0, max: 20 * MINUTE }),
        (times, now) => {
          const past = times.filter((t) => t <= now);
          const wait = waitUnderRule(past, now, rule);
          expect(wait).toBeGreaterThanOrEqual(0);
          expect(wait).toBeLessThanOrEqual(rule.windowMs);
          expect(waitUnderRule(past, now + wait, rule)).toBe(0);
          if (wait > 1) expect(waitUnderRule(past, now + wait - 1, rule)).toBeGreaterThan(0);
        },
      ),
    );
  });
});

describe("minutesToWait", () => {
  it("rounds up and never says 0 minutes", () => {
    expect(minutesToWait(1)).toBe(1);
    expect(minutesToWait(MINUTE)).toBe(1);
    expect(minutesToWait(MINUTE + 1)).toBe(2);
    expect(minutesToWait(15 * MINUTE)).toBe(15);
  });
});
