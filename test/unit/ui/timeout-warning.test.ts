import { describe, expect, it } from "vitest";
import { announcementText, countdownText } from "~/ui/timeout-warning";

describe("the timeout warning's words", () => {
  it("counts down in minutes and seconds for sighted users", () => {
    expect(countdownText(120_000)).toBe("2 minutes");
    expect(countdownText(119_001)).toBe("2 minutes");
    expect(countdownText(119_000)).toBe("1 minute 59 seconds");
    expect(countdownText(61_000)).toBe("1 minute 1 second");
    expect(countdownText(60_000)).toBe("1 minute");
    expect(countdownText(40_000)).toBe("40 seconds");
    expect(countdownText(-5)).toBe("0 seconds");
  });

  it("tells screen readers whole minutes only, so the text changes once a minute", () => {
    expect(announcementText(120_000)).toBe("You will be signed out in 2 minutes.");
    expect(announcementText(60_001)).toBe("You will be signed out in 2 minutes.");
    expect(announcementText(60_000)).toBe("You will be signed out in 1 minute.");
    expect(announcementText(1_000)).toBe("You will be signed out in 1 minute.");
    const distinct = new Set(Array.from({ length: 120 }, (_, second) => announcementText(120_000 - second * 1000)));
    expect(distinct.size).toBe(2);
  });
});
